// Child processes the project's scripts start: ended with their parent, stopped politely.
import type { ChildProcess } from "node:child_process";

/** Never leave a child behind, whichever way this process ends. */
export function endWithParent(child: ChildProcess): void {
  process.once("exit", () => void child.kill("SIGTERM"));
}

/** Ask a child to stop and wait until it has. */
export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
