// Run a test runner with its output shown live, and read its closing counts.
import { spawn, type SpawnOptions } from "node:child_process";

export interface TestCount {
  passed: number;
  failed: number;
}

/** Run a command, copying its output through as it arrives; resolves with all of it. */
export function runTee(
  cmd: string,
  args: readonly string[],
  options: SpawnOptions & { env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      ...options,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

const lastNumber = (text: string, pattern: RegExp): number | undefined => {
  const matches = [...text.matchAll(pattern)];
  const last = matches.at(-1)?.[1];
  return last === undefined ? undefined : Number(last);
};

/**
 * The counts a runner printed last: node's test runner (`# pass N`, `# fail N`),
 * @web/test-runner (`N passed, N failed`) and pytest (`N failed, N passed in ...`).
 */
export function countTests(output: string): TestCount {
  // eslint-disable-next-line no-control-regex
  const text = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
  const nodePass = lastNumber(text, /^# pass (\d+)$/gm);
  if (nodePass !== undefined) return { passed: nodePass, failed: lastNumber(text, /^# fail (\d+)$/gm) ?? 0 };
  const pytestLine = [...text.matchAll(/^=*\s*(.*\d+ (?:passed|failed).* in [\d.]+s.*)$/gm)].at(-1)?.[1];
  if (pytestLine) {
    return {
      passed: lastNumber(pytestLine, /(\d+) passed/g) ?? 0,
      failed:
        (lastNumber(pytestLine, /(\d+) failed/g) ?? 0) + (lastNumber(pytestLine, /(\d+) errors?/g) ?? 0),
    };
  }
  const wtrPassed = lastNumber(text, /(\d+) passed, \d+ failed/g);
  const wtrFailed = lastNumber(text, /\d+ passed, (\d+) failed/g);
  return { passed: wtrPassed ?? 0, failed: wtrFailed ?? 0 };
}
