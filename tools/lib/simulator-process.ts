// Start the simulator as a child process and learn its URL from its ready line.
import { spawn, type ChildProcess } from "node:child_process";
import { endWithParent, stopProcess } from "./processes.ts";
import { projectRoot } from "./python-env.ts";

export interface RunningSimulator {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const readyLine = /simulator listening on (http:\/\/127\.0\.0\.1:\d+)/;

/** Start on `port` (0 = any free one); with `stateFile` the world survives restarts. */
export function startSimulator(port = 0, stateFile?: string, timeoutMs = 30_000): Promise<RunningSimulator> {
  const args = [
    "--openssl-legacy-provider",
    "--import",
    "tsx",
    "simulator/src/main.ts",
    "--port",
    String(port),
  ];
  if (stateFile) args.push("--state-file", stateFile);
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] });
  endWithParent(child);
  const stop = (): Promise<void> => stopProcess(child);
  return new Promise((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => {
      void stop();
      reject(new Error("the simulator did not report ready in time"));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the simulator exited early with code ${code}`));
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = readyLine.exec(buffered);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners("data");
        child.stdout?.resume();
        resolve({ url: match[1], process: child, stop });
      }
    });
  });
}
