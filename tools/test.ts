// `npm test`: provision what is missing, then lint, type-check and test every part.
// Every suite runs even when an earlier one failed, so one run shows all failures;
// the exit code is non-zero when any failed.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ensureChromium, ensurePythonEnv, projectRoot, runInVenv, type PythonEnv } from "./lib/python-env.ts";
import { step } from "./lib/shell.ts";
import { spawnSync } from "node:child_process";
import { startSimulator } from "./lib/simulator-process.ts";

interface Outcome {
  name: string;
  ok: boolean;
  seconds: number;
}
const outcomes: Outcome[] = [];

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

/** Run a host command (node tools) in the project; true when it exits 0. */
function host(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): boolean {
  const result = spawnSync(cmd, args, {
    cwd: projectRoot,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

const npx = (args: readonly string[]): boolean => host("npx", ["--no-install", ...args]);
const hasFiles = (dir: string, suffix: string): boolean =>
  existsSync(join(projectRoot, dir)) &&
  readdirSync(join(projectRoot, dir), { recursive: true }).some((f) => String(f).endsWith(suffix));

let python: PythonEnv | undefined;
await phase("Provision Chromium and Python", () => {
  ensureChromium();
  python = ensurePythonEnv();
  return true;
});

await phase("TypeScript: eslint, prettier, tsc", () =>
  [npx(["eslint", "."]), npx(["prettier", "--check", "."]), npx(["tsc", "--noEmit", "-p", "."])].every(
    Boolean,
  ),
);

await phase("Python: ruff, ruff format, mypy", () => {
  if (!python) return false;
  const env = python;
  return [
    runInVenv(env, "ruff", ["check", "custom_components", "demo", "test"]),
    runInVenv(env, "ruff", ["format", "--check", "custom_components", "demo", "test"]),
    runInVenv(env, "mypy", []),
  ].every((code) => code === 0);
});

/** Test files by name: node 20's runner only discovers .js files in a folder. */
const testFiles = (dir: string): string[] =>
  readdirSync(join(projectRoot, dir))
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => join(dir, name));

await phase("Simulator tests", () =>
  host(process.execPath, [
    "--openssl-legacy-provider",
    "--import",
    "tsx",
    "--test",
    ...testFiles("test/simulator"),
  ]),
);

if (existsSync(join(projectRoot, "tools", "check-bundle.ts"))) {
  await phase("Card bundle is the build of the sources", () => npx(["tsx", "tools/check-bundle.ts"]));
}
if (hasFiles("test/card", ".test.ts")) {
  await phase("Card tests (Chromium)", () => host("npm", ["run", "--silent", "test:card"]));
}

await phase("Python tests: cloud client, contract (real simulator), integration", async () => {
  if (!python) return false;
  const simulator = await startSimulator();
  try {
    const code = runInVenv(
      python,
      "pytest",
      ["--cov=custom_components", "--cov-report=term-missing:skip-covered", "--cov-fail-under=95", "-q"],
      { XIAOMI_CAMERA_SHARE_SIMULATOR_URL: simulator.url },
    );
    return code === 0;
  } finally {
    await simulator.stop();
  }
});

// Figures, never assertions on time: cloud requests per refresh, bundle size, render cost.
await phase("Benchmarks (printed)", () => {
  if (!python) return false;
  const requests = runInVenv(python, "pytest", [
    "-q",
    "-s",
    "-p",
    "no:randomly",
    "test/integration/test_benchmark_requests.py",
  ]);
  return requests === 0 && host("npm", ["run", "--silent", "bench:card"]);
});

step("Summary");
for (const { name, ok, seconds } of outcomes) {
  console.log(`${ok ? "ok  " : "FAIL"}  ${seconds.toFixed(1).padStart(7)} s  ${name}`);
}
const failed = outcomes.filter((o) => !o.ok).length;
console.log(`suites: ${outcomes.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
