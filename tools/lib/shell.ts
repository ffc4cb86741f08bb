// Small helpers for the project's own scripts: run a command, find a program.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** Run a command with inherited output; throw with its exit code when it fails. */
export function run(cmd: string, args: readonly string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(cmd, args, { stdio: "inherit", ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} exited with ${result.status ?? result.signal}`);
  }
}

/** Run a command and return its trimmed stdout, or undefined when it fails. */
export function capture(
  cmd: string,
  args: readonly string[],
  options: SpawnSyncOptions = {},
): string | undefined {
  const result = spawnSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options });
  if (result.error || result.status !== 0) return undefined;
  return String(result.stdout).trim();
}

/** The absolute path of an executable on PATH, if any. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Print a step heading so a long log is easy to scan. */
export function step(title: string): void {
  console.log(`\n=== ${title}`);
}
