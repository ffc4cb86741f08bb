// The quick sample of mutation testing that `npm test` runs: a fixed, small set of mutants, each
// of which the tests must kill unless docs/mutation.md lists it as equivalent. The full run is
// `npm run test:mutation` (tools/mutation.ts).
//
//   - Card: StrykerJS's every mutant of the share dialog's choices (src/dialogs/share-form.ts)
//     and of the service data they become (src/data/api.ts), stryker.sample.config.mjs; then
//     a few hand-made mutants StrykerJS does not make: "1 day" as 2.4 hours, "View only" as control.
//   - Python: mutmut's every mutant of three functions of the cloud client's parsing (a sharee's
//     view-only flag, yes/no values, a batch share's answer) against test/cloud/test_parsing.py.
//
// Prints the sample's score; exits non-zero when a mutant survives that the report does not list
// as equivalent, or when the sample cannot run.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ensurePythonEnv, projectRoot, venvCommand } from "./lib/python-env.ts";
import {
  cardKey,
  formatScore,
  markEquivalent,
  PACKAGE,
  parseEquivalents,
  readMutmut,
  readStryker,
  scoreAreas,
  type Mutant,
} from "./lib/mutation-report.ts";
import { step } from "./lib/shell.ts";

const REPORT = join(projectRoot, "docs", "mutation.md");
const SANDBOX = join(projectRoot, ".cache", "mutation-sample");
const STRYKER_JSON = join(projectRoot, ".cache", "mutation", "stryker-sample.json");

/** Changes StrykerJS does not make (numbers); each must fail the card's DOM-free tests. */
const HAND_MUTANTS: readonly { file: string; from: string; to: string }[] = [
  { file: "src/dialogs/share-form.ts", from: '"1d": 24,', to: '"1d": 2.4,' },
  { file: "src/dialogs/share-form.ts", from: '"1h": 1,', to: '"1h": 2,' },
  { file: "src/dialogs/share-form.ts", from: '"1w": 168,', to: '"1w": 24,' },
  { file: "src/data/api.ts", from: "now.getTime()) / 1000)", to: "now.getTime()) / 100)" },
  // Not a number, but the other example in one step: "View only" sent as control.
  { file: "src/data/api.ts", from: "permission: request.permission,", to: 'permission: "control",' },
];

/** The Python functions sampled, as mutmut names them (`x_<function>`), in cloud/parsing.py. */
const PYTHON_FUNCTIONS = ["x_parse_sharee", "x__bool_or_none", "x_parse_batch_result"];
const PYTHON_MODULE = "cloud.parsing";
const PYTHON_TESTS = "test/cloud/test_parsing.py";

const equivalents = parseEquivalents(existsSync(REPORT) ? readFileSync(REPORT, "utf8") : "");

/** Run a command to its end with its output shown; its exit code. */
function run(argv: readonly string[], cwd = projectRoot, quiet = false): number {
  const [cmd, ...rest] = argv;
  const result = spawnSync(cmd as string, rest, {
    cwd,
    stdio: quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    encoding: "utf8",
  });
  if (result.error) throw result.error;
  if (quiet && result.status !== 0 && result.status !== 1) process.stderr.write(result.stderr ?? "");
  return result.status ?? 1;
}

function strykerSample(): Mutant[] {
  step("Mutation sample, card: StrykerJS over the share dialog's choices and their service data");
  rmSync(STRYKER_JSON, { force: true });
  const code = run(["npx", "--no-install", "stryker", "run", "stryker.sample.config.mjs"]);
  if (code !== 0 || !existsSync(STRYKER_JSON)) throw new Error("StrykerJS did not finish the sample");
  const report = JSON.parse(readFileSync(STRYKER_JSON, "utf8"));
  return readStryker(report, projectRoot).map((m) =>
    markEquivalent({ ...m, area: "card" }, equivalents.card.has(cardKey(m.place))),
  );
}

/** The hand-made mutants, each in a copy of what the card's DOM-free tests read. */
function handSample(): Mutant[] {
  step("Mutation sample, card: numbers StrykerJS does not change");
  const dir = join(SANDBOX, "card");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "tools", "lib"), { recursive: true });
  for (const path of ["src", "test/card", "package.json", "tsconfig.json", ".mocharc.json"]) {
    cpSync(join(projectRoot, path), join(dir, path), { recursive: true });
  }
  cpSync(
    join(projectRoot, "tools/lib/card-tests-in-node.mjs"),
    join(dir, "tools/lib/card-tests-in-node.mjs"),
  );
  const mocha = [process.execPath, join(projectRoot, "node_modules/mocha/bin/mocha.js"), "--reporter", "dot"];
  if (run(mocha, dir, true) !== 0) throw new Error("The card's DOM-free tests fail without a mutant");
  return HAND_MUTANTS.map(({ file, from, to }) => {
    const path = join(dir, file);
    const original = readFileSync(path, "utf8");
    if (original.split(from).length !== 2) throw new Error(`${file} no longer holds ${from} once`);
    writeFileSync(path, original.replace(from, to));
    const code = run(mocha, dir, true);
    writeFileSync(path, original);
    const line =
      original
        .split("\n")
        .find((each) => each.includes(from))
        ?.trim() ?? from;
    return {
      id: `${file} ${from} → ${to}`,
      area: "card",
      status: code === 0 ? "survived" : "killed",
      change: `${line}\n  → ${to}`,
    } satisfies Mutant;
  });
}

/** mutmut over the sampled functions, in a copy of the tree whose mutmut settings say only them. */
function mutmutSample(): Mutant[] {
  step(`Mutation sample, Python: mutmut over ${PYTHON_FUNCTIONS.length} functions of ${PYTHON_MODULE}`);
  const env = ensurePythonEnv();
  const dir = join(SANDBOX, "python");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "test"), { recursive: true });
  const skipCaches = (source: string): boolean => !source.includes("__pycache__");
  cpSync(join(projectRoot, "custom_components"), join(dir, "custom_components"), {
    recursive: true,
    filter: skipCaches,
  });
  cpSync(join(projectRoot, "test", "conftest.py"), join(dir, "test", "conftest.py"));
  cpSync(join(projectRoot, "test", "cloud"), join(dir, "test", "cloud"), {
    recursive: true,
    filter: skipCaches,
  });
  const module = join(...PACKAGE.split("."), ...PYTHON_MODULE.split("."));
  const settings = [
    "[tool.mutmut]",
    'source_paths = ["custom_components"]',
    `only_mutate = ["${module}.py"]`,
    `pytest_add_cli_args_test_selection = ["${PYTHON_TESTS}"]`,
    'pytest_add_cli_args = ["-p", "no:cacheprovider", "--no-cov"]',
    "",
  ].join("\n");
  const pyproject = readFileSync(join(projectRoot, "pyproject.toml"), "utf8").replace(
    /^\[tool\.mutmut\]\n(?:(?!\[)[^\n]*\n|\n)*/m,
    "",
  );
  writeFileSync(join(dir, "pyproject.toml"), `${pyproject}\n${settings}`);
  const names = PYTHON_FUNCTIONS.map((name) => `${PACKAGE}.${PYTHON_MODULE}.${name}__mutmut_*`);
  const argv = venvCommand(env, "mutmut", ["run", "--max-children", "1", ...names], dir);
  if (run(argv, projectRoot, true) !== 0) throw new Error("mutmut did not finish the sample");
  const sampled = (id: string): boolean =>
    PYTHON_FUNCTIONS.some((name) => id.startsWith(`${PACKAGE}.${PYTHON_MODULE}.${name}__mutmut_`));
  return readMutmut(join(dir, "mutants"))
    .filter((m) => sampled(m.id))
    .map((m) => markEquivalent({ ...m, area: "python" }, equivalents.python.has(m.id)));
}

const started = performance.now();
let mutants: Mutant[] = [];
try {
  mutants = [...strykerSample(), ...handSample(), ...mutmutSample()];
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

step("Mutation sample: score");
for (const area of scoreAreas(mutants)) console.log(formatScore(area));
// Every sampled mutant must be decided: one not killed, for whatever reason, fails the sample.
const counted = mutants.filter((m) => m.status !== "other" && !m.equivalent);
const decided = (m: Mutant): boolean => m.status === "killed" || m.status === "timeout";
const missed = counted.filter((m) => !decided(m));
const score = counted.length ? (100 * (counted.length - missed.length)) / counted.length : 100;
const seconds = (performance.now() - started) / 1000;
console.log(`score ${score.toFixed(1)} % of ${counted.length} (${seconds.toFixed(0)} s)`);
if (missed.length) {
  console.log(`\n${missed.length} mutants not killed that docs/mutation.md does not list as equivalent:`);
  for (const m of missed) console.log(`\n[${m.status}] ${m.id}\n${m.change.replace(/^/gm, "    ")}`);
}
process.exit(missed.length ? 1 : 0);
