// Reading the results of mutation testing: mutmut's verdicts (mutants/**/*.meta) and StrykerJS's
// JSON report, grouped by area, with the mutants docs/mutation.md lists as equivalent set apart.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";

export type Status = "killed" | "survived" | "timeout" | "no tests" | "not checked" | "other";

export interface Mutant {
  /** mutmut's name, or the card mutant's place: `file:line:column Mutator`. */
  id: string;
  area: string;
  status: Status;
  /** What the mutant changed, for reading a survivor. */
  change: string;
  /** Set when docs/mutation.md lists the mutant as equivalent. */
  equivalent?: boolean;
}

export interface AreaScore {
  area: string;
  total: number;
  killed: number;
  survived: number;
  equivalent: number;
  noTests: number;
  notChecked: number;
  /** Killed (or timed out) of every mutant that is not equivalent; NaN with none. */
  score: number;
}

// --- mutmut -------------------------------------------------------------------------------

/** mutmut's exit codes as it reads them (mutmut/stats.py). */
export function mutmutStatus(exitCode: number | null): Status {
  if (exitCode === null) return "not checked";
  if (exitCode === 1 || exitCode === 3) return "killed";
  if (exitCode === 0) return "survived";
  if (exitCode === 5 || exitCode === 33) return "no tests";
  if ([36, 24, -24, 152, 255].includes(exitCode)) return "timeout";
  return "other";
}

export const PACKAGE = "custom_components.xiaomi_camera_share";

/** The module groups of the Python side, by module. */
export const PYTHON_AREAS: Readonly<Record<string, string>> = {
  sharing: "sharing: operations",
  recipient_text: "sharing: recipient text",
  expiry: "expiry",
  "cloud.parsing": "cloud: parsing",
  "cloud.shapes": "cloud: reply shapes",
  "cloud.crypto": "cloud: signing",
  "cloud.errors": "cloud: errors",
  "cloud.api_errors": "cloud: errors",
};

/** The module of a mutant name, e.g. `cloud.parsing`. */
export function pythonModule(name: string): string {
  const inPackage = name.startsWith(`${PACKAGE}.`) ? name.slice(PACKAGE.length + 1) : name;
  const parts = inPackage.split(".");
  return parts.slice(0, -1).join(".");
}

/**
 * The source of each function in a file mutmut wrote: its mutants are functions named
 * `<function>__mutmut_<n>` beside `<function>__mutmut_orig`.
 */
export function functionBlocks(source: string): Map<string, string[]> {
  const lines = source.split("\n");
  const blocks = new Map<string, string[]>();
  for (let i = 0; i < lines.length; i += 1) {
    const head = /^(\s*)(?:async\s+)?def\s+([^\s(]+)\s*\(/.exec(lines[i] ?? "");
    if (!head) continue;
    const indent = head[1]?.length ?? 0;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j += 1) {
      const line = lines[j] ?? "";
      if (line.trim() === "") {
        body.push(line);
        continue;
      }
      if (line.length - line.trimStart().length <= indent && !/^\s*[)\]}]/.test(line)) break;
      body.push(line);
    }
    while (body.length && body.at(-1)?.trim() === "") body.pop();
    blocks.set(head[2] ?? "", body);
  }
  return blocks;
}

/** The lines a mutant changed in its function, as `- old` / `+ new`. */
export function mutantChange(blocks: Map<string, string[]>, name: string): string {
  const functionName = name.slice(name.lastIndexOf(".") + 1);
  const base = functionName.replace(/__mutmut_\d+$/, "");
  const original = blocks.get(`${base}__mutmut_orig`);
  const mutated = blocks.get(functionName);
  if (!original || !mutated) return "";
  let start = 0;
  while (start < original.length && start < mutated.length && original[start] === mutated[start]) start += 1;
  let endOriginal = original.length - 1;
  let endMutated = mutated.length - 1;
  while (endOriginal >= start && endMutated >= start && original[endOriginal] === mutated[endMutated]) {
    endOriginal -= 1;
    endMutated -= 1;
  }
  const removed = original.slice(start, endOriginal + 1).map((line) => `- ${line.trim()}`);
  const added = mutated.slice(start, endMutated + 1).map((line) => `+ ${line.trim()}`);
  return [...removed, ...added].join("\n");
}

interface MutmutMeta {
  exit_code_by_key: Record<string, number | null>;
}

function metaFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return metaFiles(path);
    return entry.name.endsWith(".py.meta") ? [path] : [];
  });
}

/** Every mutant mutmut made under `mutantsDir`, with its verdict and change. */
export function readMutmut(mutantsDir: string): Mutant[] {
  const mutants: Mutant[] = [];
  for (const metaPath of metaFiles(mutantsDir).sort()) {
    const meta = JSON.parse(readFileSync(metaPath, "utf8")) as MutmutMeta;
    const sourcePath = metaPath.slice(0, -".meta".length);
    const blocks = existsSync(sourcePath) ? functionBlocks(readFileSync(sourcePath, "utf8")) : new Map();
    for (const [id, exitCode] of Object.entries(meta.exit_code_by_key)) {
      const module = pythonModule(id);
      mutants.push({
        id,
        area: PYTHON_AREAS[module] ?? module,
        status: mutmutStatus(exitCode),
        change: exitCode === 0 ? mutantChange(blocks, id) : "",
      });
    }
  }
  return mutants;
}

// --- StrykerJS ----------------------------------------------------------------------------

interface StrykerMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number } };
}

interface StrykerReport {
  files: Record<string, { source: string; mutants: StrykerMutant[] }>;
}

function strykerStatus(status: string): Status {
  switch (status) {
    case "Killed":
      return "killed";
    case "Timeout":
      return "timeout";
    case "Survived":
      return "survived";
    case "NoCoverage":
      return "no tests";
    case "Pending":
      return "not checked";
    default:
      return "other";
  }
}

/** The areas of the card, by the start of a file's path; a file under none is its own area. */
export const CARD_AREAS: readonly (readonly [string, string])[] = [
  ["src/data/", "card: data layer"],
  ["src/card/access.ts", "card: access"],
  ["src/dialogs/", "card: dialogs' logic"],
  ["src/views/", "card: views' logic"],
  ["src/localize/", "card: localize"],
];

export const cardArea = (path: string): string =>
  CARD_AREAS.find(([start]) => path.startsWith(start))?.[1] ?? path;

/** The line of code a card mutant changes, trimmed: how docs/mutation.md names its place. */
export interface CardPlace {
  file: string;
  mutator: string;
  replacement: string;
  line: string;
}

export const cardKey = (place: CardPlace): string =>
  [place.file, place.mutator, place.replacement, place.line].join("\u0000");

/** Every mutant of a StrykerJS JSON report; `root` makes its file names relative. */
export function readStryker(report: StrykerReport, root: string): (Mutant & { place: CardPlace })[] {
  const mutants: (Mutant & { place: CardPlace })[] = [];
  for (const [name, file] of Object.entries(report.files)) {
    const path = name.startsWith("/") ? relative(root, name) : name;
    const lines = file.source.split("\n");
    for (const mutant of file.mutants) {
      const { line, column } = mutant.location.start;
      const place: CardPlace = {
        file: path,
        mutator: mutant.mutatorName,
        replacement: mutant.replacement ?? "",
        line: (lines[line - 1] ?? "").trim(),
      };
      // Errors (a mutant that cannot run, e.g. an invalid locale) are not counted, as Stryker does.
      const status =
        mutant.status === "RuntimeError" || mutant.status === "CompileError" ? "other" : undefined;
      mutants.push({
        id: `${path}:${line}:${column} ${mutant.mutatorName}`,
        area: cardArea(path),
        status: status ?? strykerStatus(mutant.status),
        change: `${place.line}\n  → ${place.replacement}`,
        place,
      });
    }
  }
  return mutants;
}

// --- docs/mutation.md ---------------------------------------------------------------------

/** The code spans of a line, in order (`x` and ``x`y``). */
export function codeSpans(line: string): string[] {
  const spans: string[] = [];
  const pattern = /(`+)(.+?)\1(?!`)/g;
  for (const match of line.matchAll(pattern)) spans.push((match[2] ?? "").trim());
  return spans;
}

export interface Equivalents {
  python: Set<string>;
  card: Set<string>;
}

/**
 * The equivalent mutants a report lists, one per list item:
 * `- \`<mutmut name>\`: why` (the package prefix may be left out), and
 * `- \`<file>\` <Mutator> → \`<replacement>\` in \`<line of code>\`: why`.
 */
export function parseEquivalents(markdown: string): Equivalents {
  const python = new Set<string>();
  const card = new Set<string>();
  for (const line of markdown.split("\n")) {
    if (!/^\s*[-*] `/.test(line)) continue;
    const spans = codeSpans(line);
    const first = spans[0] ?? "";
    if (/__mutmut_\d+$/.test(first)) {
      python.add(first.startsWith(`${PACKAGE}.`) ? first : `${PACKAGE}.${first}`);
      continue;
    }
    const mutator = /^\s*[-*] `[^`]+` (\w+) →/.exec(line)?.[1];
    if (mutator && spans.length >= 3) {
      card.add(cardKey({ file: first, mutator, replacement: spans[1] ?? "", line: spans[2] ?? "" }));
    }
  }
  return { python, card };
}

// --- scores -------------------------------------------------------------------------------

/** A listed mutant counts as equivalent only while it is not killed: a test that kills it wins. */
export function markEquivalent<T extends Mutant>(mutant: T, listed: boolean): T {
  return { ...mutant, equivalent: listed && (mutant.status === "survived" || mutant.status === "no tests") };
}

/** Scores per area, in the order the areas first appear. */
export function scoreAreas(mutants: readonly Mutant[]): AreaScore[] {
  const areas = new Map<string, AreaScore>();
  for (const mutant of mutants) {
    let area = areas.get(mutant.area);
    if (!area) {
      area = {
        area: mutant.area,
        total: 0,
        killed: 0,
        survived: 0,
        equivalent: 0,
        noTests: 0,
        notChecked: 0,
        score: Number.NaN,
      };
      areas.set(mutant.area, area);
    }
    if (mutant.status === "other") continue;
    area.total += 1;
    if (mutant.equivalent) area.equivalent += 1;
    else if (mutant.status === "killed" || mutant.status === "timeout") area.killed += 1;
    else if (mutant.status === "survived") area.survived += 1;
    else if (mutant.status === "no tests") area.noTests += 1;
    else area.notChecked += 1;
  }
  for (const area of areas.values()) {
    const counted = area.killed + area.survived + area.noTests;
    area.score = counted ? (100 * area.killed) / counted : Number.NaN;
  }
  return [...areas.values()];
}

/** One line per area: the score and what it is made of. */
export function formatScore(area: AreaScore): string {
  const score = Number.isNaN(area.score) ? "  n/a" : `${area.score.toFixed(1).padStart(5)}%`;
  const parts = [
    `${area.killed} killed`,
    `${area.survived} survived`,
    `${area.equivalent} equivalent`,
    ...(area.noTests ? [`${area.noTests} without tests`] : []),
    ...(area.notChecked ? [`${area.notChecked} not checked`] : []),
  ];
  return `${score}  ${area.area} (${area.total} mutants: ${parts.join(", ")})`;
}
