// `npm test`: provision what is missing, then lint, type-check and test every part.
// Every suite runs even when an earlier one failed, so one run shows all failures;
// the exit code is non-zero when any failed. The last line adds up the tests that
// every runner reported.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  ensureChromium,
  ensurePythonEnv,
  projectRoot,
  runInVenv,
  venvCommand,
  type PythonEnv,
} from "./lib/python-env.ts";
import { ensureGo2rtc } from "./lib/go2rtc.ts";
import { step } from "./lib/shell.ts";
import { startSimulator } from "./lib/simulator-process.ts";
import { countTests, runTee, type TestCount } from "./lib/test-output.ts";

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
}
const outcomes: Outcome[] = [];
const totals: TestCount = { passed: 0, failed: 0 };

async function phase(name: string, body: () => boolean | Promise<boolean>): Promise<void> {
  step(name);
  const started = performance.now();
  let ok = false;
  try {
    ok = await body();
  } catch (error) {
    console.error(error);
  }
  outcomes.push({ name, ok, seconds: (performance.now() - started) / 1000 });
}

/** Run a test runner, show its output as it comes, and add up what it reports. */
async function tests(cmd: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<boolean> {
  const [program, ...args] = cmd;
  const { code, output } = await runTee(program as string, args, { cwd: projectRoot, env });
  const count = countTests(output);
  totals.passed += count.passed;
  totals.failed += count.failed;
  return code === 0;
}

/** Run a check (linters, builds) on the host; true when it exits 0. */
async function check(cmd: readonly string[]): Promise<boolean> {
  const [program, ...args] = cmd;
  return (await runTee(program as string, args, { cwd: projectRoot })).code === 0;
}

/** Test files by name: node 20's runner only discovers .js files in a folder. */
const testFiles = (dir: string): string[] =>
  readdirSync(join(projectRoot, dir))
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => join(dir, name));
const nodeTests = (dir: string): string[] => [
  process.execPath,
  "--openssl-legacy-provider",
  "--import",
  "tsx",
  "--test",
  ...testFiles(dir),
];

let python: PythonEnv | undefined;
await phase("Provision Chromium, Python and go2rtc", () => {
  ensureChromium();
  python = ensurePythonEnv();
  ensureGo2rtc();
  return true;
});

await phase("TypeScript: eslint, prettier, tsc", async () => {
  const results = [
    await check(["npx", "--no-install", "eslint", "."]),
    await check(["npx", "--no-install", "prettier", "--check", "."]),
    await check(["npx", "--no-install", "tsc", "--noEmit", "-p", "."]),
  ];
  return results.every(Boolean);
});

await phase("Python: ruff, ruff format, mypy", () => {
  if (!python) return false;
  const env = python;
  return [
    runInVenv(env, "ruff", ["check", "custom_components", "demo", "test"]),
    runInVenv(env, "ruff", ["format", "--check", "custom_components", "demo", "test"]),
    runInVenv(env, "mypy", []),
  ].every((code) => code === 0);
});

await phase("Tooling tests", () => tests(nodeTests("test/tools")));
await phase("Simulator tests", () => tests(nodeTests("test/simulator")));

await phase("Card bundle is the build of the sources", () =>
  check(["npx", "--no-install", "tsx", "tools/check-bundle.ts"]),
);
await phase("Card tests (Chromium)", () => tests(["npm", "run", "--silent", "test:card"]));

await phase("Python tests: cloud client; contract and integration (real simulator)", async () => {
  if (!python) return false;
  const simulator = await startSimulator();
  try {
    const args = [
      "--cov=custom_components",
      "--cov-report=term-missing:skip-covered",
      "--cov-fail-under=95",
      "-q",
    ];
    return await tests(venvCommand(python, "pytest", args), {
      XIAOMI_CAMERA_SHARE_SIMULATOR_URL: simulator.url,
    });
  } finally {
    await simulator.stop();
  }
});

// A fixed few hundred mutants (docs/mutation.md): a survivor the report does not call equivalent fails it.
await phase("Mutation sample: the share dialog's choices (StrykerJS) and cloud parsing (mutmut)", () =>
  check(["npx", "--no-install", "tsx", "tools/mutation-sample.ts"]),
);

// Its own phase, so its figures show: SOAK_SCALE=full runs it at full size.
await phase("Chaos soak: timed shares through faults, restarts and races (real simulator)", async () => {
  if (!python) return false;
  const simulator = await startSimulator();
  try {
    return await tests(venvCommand(python, "pytest", ["test/soak", "-q", "-s"]), {
      XIAOMI_CAMERA_SHARE_SIMULATOR_URL: simulator.url,
    });
  } finally {
    await simulator.stop();
  }
});

if (existsSync(join(projectRoot, "test", "e2e")) && testFiles("test/e2e").length > 0) {
  await phase("End-to-end: real Home Assistant, its frontend in Chromium, a Node websocket client", () =>
    tests(nodeTests("test/e2e")),
  );
}

// Figures, never assertions on time. (The Python suite prints cloud requests per refresh.)
await phase("Card benchmarks (printed)", () => check(["npm", "run", "--silent", "bench:card"]));

step("Summary");
for (const { name, ok, seconds } of outcomes) {
  console.log(`${ok ? "ok  " : "FAIL"}  ${seconds.toFixed(1).padStart(7)} s  ${name}`);
}
const failedPhases = outcomes.filter((o) => !o.ok).length;
console.log(`phases: ${outcomes.length - failedPhases} passed, ${failedPhases} failed`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failedPhases === 0 ? 0 : 1);
