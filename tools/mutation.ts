// `npm run test:mutation`: mutation testing of the sharing core (mutmut) and of the card's logic
// (StrykerJS), then the score per area and every surviving mutant that docs/mutation.md does not
// list as equivalent. Not part of `npm test`, which runs a quick sample (tools/mutation-sample.ts).
//
//   npm run test:mutation                 both parts
//   npm run test:mutation -- --python     only the Python side (or --card)
//   npm run test:mutation -- --fresh      forget mutmut's earlier verdicts (mutants/) first
//   npm run test:mutation -- --survivors  only try mutmut's survivors again (after new tests)
//   npm run test:mutation -- --python --only=cloud,recipient_text
//                                         only the mutants of these modules not yet checked
//   npm run test:mutation -- --children=1 mutmut's parallel test runs (default 2), each with a
//                                         simulator of its own; MUTATION_CHILDREN says the same
//
// mutmut keeps its verdicts in mutants/ and tests again only functions that changed; when the
// Python tests changed since the last run, its survivors are tried again against them.
// Exits non-zero when an area scores below the goal.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensurePythonEnv, projectRoot, venvCommand, type PythonEnv } from "./lib/python-env.ts";
import { step } from "./lib/shell.ts";
import { startSimulator, type RunningSimulator } from "./lib/simulator-process.ts";
import { spawn } from "node:child_process";
import {
  cardKey,
  formatScore,
  markEquivalent,
  PACKAGE,
  parseEquivalents,
  readMutmut,
  readStryker,
  scoreAreas,
  type AreaScore,
  type Mutant,
} from "./lib/mutation-report.ts";

const GOAL = 85;
const REPORT = join(projectRoot, "docs", "mutation.md");
const MUTANTS = join(projectRoot, "mutants");
const STATE_DIR = join(projectRoot, ".cache", "mutation");
const TESTS_HASH = join(STATE_DIR, "python-tests.sha256");
const STRYKER_JSON = join(STATE_DIR, "stryker.json");

const argv = process.argv.slice(2);
/** The value of `--name=value`, if given. */
const option = (name: string): string | undefined =>
  argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const args = new Set(argv.filter((arg) => !arg.includes("=")));
const MUTMUT_CHILDREN = Math.max(
  1,
  Number.parseInt(option("children") ?? process.env.MUTATION_CHILDREN ?? "2", 10) || 2,
);
/** Modules (`cloud`, `cloud.parsing`, `sharing`, ...) to limit mutmut to; all when empty. */
const ONLY = (option("only") ?? "")
  .split(",")
  .map((each) => each.trim())
  .filter(Boolean);
const wantPython = !args.has("--card") || args.has("--python");
const wantCard = !args.has("--python") || args.has("--card");

/** Run a command, showing its output; mutmut's spinner frames are dropped unless on a terminal. */
function runShown(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const [cmd, ...rest] = argv;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd as string, rest, {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const pass = (chunk: Buffer, out: NodeJS.WriteStream): void => {
      if (out.isTTY) return void out.write(chunk);
      const text = chunk.toString().replace(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏][^\n⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]*/g, "");
      if (text.trim()) out.write(text);
    };
    child.stdout.on("data", (chunk: Buffer) => pass(chunk, process.stdout));
    child.stderr.on("data", (chunk: Buffer) => pass(chunk, process.stderr));
    child.once("error", reject);
    child.once("close", (code) => resolve(code ?? 1));
  });
}

/** The Python tests' content: when it changes, earlier survivors may be killed now. */
function pythonTestsHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "__pycache__") walk(path);
      else if (entry.name.endsWith(".py")) hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(projectRoot, "test"));
  return hash.digest("hex");
}

async function mutmut(env: PythonEnv, names: readonly string[], pool: string): Promise<number> {
  const argv = venvCommand(env, "mutmut", ["run", "--max-children", String(MUTMUT_CHILDREN), ...names]);
  return runShown(argv, { XIAOMI_CAMERA_SHARE_SIMULATOR_POOL: pool });
}

const inModules = (id: string): boolean => ONLY.some((module) => id.startsWith(`${PACKAGE}.${module}.`));

/** Each source file of a module (a file or a package) that mutmut keeps verdicts for, with them. */
function moduleFiles(module: string): { source: string; meta: string }[] {
  const path = join(...PACKAGE.split("."), ...module.split("."));
  const metas = existsSync(join(MUTANTS, path))
    ? readdirSync(join(MUTANTS, path), { recursive: true, encoding: "utf8" })
        .filter((name) => name.endsWith(".py.meta"))
        .map((name) => join(path, name))
    : [`${path}.py.meta`];
  return metas.map((meta) => ({
    source: join(projectRoot, meta.slice(0, -".meta".length)),
    meta: join(MUTANTS, meta),
  }));
}

/**
 * What `mutmut run` is given under --only: the mutants of those modules not yet checked, or the
 * modules' names as patterns when mutmut has not made their mutants from their current source yet
 * (mutmut tries again every mutant it is named, checked or not). Undefined: nothing left to run.
 */
function onlyNames(before: readonly Mutant[]): string[] | undefined {
  const fresh = ONLY.every((module) =>
    moduleFiles(module).every(
      ({ source, meta }) =>
        existsSync(meta) && existsSync(source) && statSync(meta).mtimeMs >= statSync(source).mtimeMs,
    ),
  );
  const known = before.filter((m) => inModules(m.id));
  if (!fresh || known.length === 0) return ONLY.map((module) => `${PACKAGE}.${module}.*`);
  const left = known.filter((m) => m.status === "not checked").map((m) => m.id);
  return left.length ? left : undefined;
}

async function runPython(equivalent: Set<string>): Promise<Mutant[] | undefined> {
  step("Python: mutmut over the sharing core, expiry, recipients and the cloud client");
  if (args.has("--fresh")) rmSync(MUTANTS, { recursive: true, force: true });
  const env = ensurePythonEnv();
  // The tests reset the simulator's world, so each parallel test run needs a simulator of its own.
  const simulators: RunningSimulator[] = [];
  try {
    for (let i = 0; i < MUTMUT_CHILDREN; i += 1) simulators.push(await startSimulator());
    const pool = simulators.map((each) => each.url).join(" ");
    const testsHash = pythonTestsHash();
    const testsChanged = !existsSync(TESTS_HASH) || readFileSync(TESTS_HASH, "utf8") !== testsHash;
    const before = existsSync(MUTANTS) ? readMutmut(MUTANTS) : [];
    const survivorsOnly = args.has("--survivors") && before.length > 0;
    const names = ONLY.length ? onlyNames(before) : [];
    if (!survivorsOnly && names && (await mutmut(env, names, pool)) !== 0) return undefined;
    if (testsChanged || survivorsOnly) {
      // Mutants no test reached before are tried too: a new test may reach them.
      const missed = (m: Mutant): boolean => m.status === "survived" || m.status === "no tests";
      const done = new Set(before.filter(missed).map((m) => m.id));
      const again = readMutmut(MUTANTS)
        .filter((m) => missed(m) && done.has(m.id) && !equivalent.has(m.id))
        .filter((m) => !ONLY.length || inModules(m.id))
        .map((m) => m.id);
      if (again.length) {
        step(`Python: ${again.length} earlier survivors against the changed tests`);
        if ((await mutmut(env, again, pool)) !== 0) return undefined;
      }
    }
    // A run of some modules leaves the others' survivors to be tried again by a later full run.
    if (!ONLY.length) {
      mkdirSync(STATE_DIR, { recursive: true });
      writeFileSync(TESTS_HASH, testsHash);
    }
  } finally {
    await Promise.all(simulators.map((each) => each.stop()));
  }
  return readMutmut(MUTANTS)
    .filter((m) => !ONLY.length || inModules(m.id))
    .map((m) => markEquivalent(m, equivalent.has(m.id)));
}

async function runCard(equivalent: Set<string>): Promise<Mutant[] | undefined> {
  step("Card: StrykerJS over the data layer and the logic behind the dialogs and views");
  const code = await runShown(["npx", "--no-install", "stryker", "run"]);
  if (code !== 0 || !existsSync(STRYKER_JSON)) return undefined;
  const report = JSON.parse(readFileSync(STRYKER_JSON, "utf8"));
  // As for mutmut: a listed mutant counts as equivalent only while it survives.
  return readStryker(report, projectRoot).map((m) => markEquivalent(m, equivalent.has(cardKey(m.place))));
}

function show(title: string, mutants: readonly Mutant[], seconds: number): AreaScore[] {
  step(`${title}: score per area (${(seconds / 60).toFixed(1)} min)`);
  const areas = scoreAreas(mutants);
  for (const area of areas) console.log(formatScore(area));
  const survivors = mutants.filter(
    (m) => (m.status === "survived" || m.status === "no tests") && !m.equivalent,
  );
  if (survivors.length) {
    console.log(`\n${survivors.length} surviving mutants (not listed as equivalent in docs/mutation.md):`);
    for (const m of survivors) {
      console.log(`\n${m.status === "no tests" ? "[no tests] " : ""}${m.id}`);
      if (m.change) console.log(m.change.replace(/^/gm, "    "));
    }
  }
  return areas;
}

const equivalents = parseEquivalents(existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "");
const scores: AreaScore[] = [];
let failed = false;

if (wantPython) {
  const started = performance.now();
  const mutants = await runPython(equivalents.python);
  if (mutants) scores.push(...show("Python (mutmut)", mutants, (performance.now() - started) / 1000));
  else failed = true;
}
if (wantCard) {
  const started = performance.now();
  const mutants = await runCard(equivalents.card);
  if (mutants) scores.push(...show("Card (StrykerJS)", mutants, (performance.now() - started) / 1000));
  else failed = true;
}

const low = scores.filter((area) => !(area.score >= GOAL));
if (failed) console.error("\nA mutation run failed; see above.");
if (low.length) console.error(`\nBelow the goal of ${GOAL} %: ${low.map((a) => a.area).join(", ")}`);
process.exit(failed || low.length ? 1 : 0);
