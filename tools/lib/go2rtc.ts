// go2rtc, the media server Home Assistant streams cameras through. Outside its docker
// image Home Assistant needs one of its own (`go2rtc: url:`), so the demo and the
// end-to-end tests build the release Home Assistant recommends from the Go module
// proxy once, cache the binary under .cache/, and start it bound to 127.0.0.1 only.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { endWithParent, stopProcess } from "./processes.ts";
import { projectRoot } from "./python-env.ts";
import { capture, run, step, which } from "./shell.ts";

/** The release Home Assistant 2026.10 recommends (its go2rtc integration's RECOMMENDED_VERSION). */
export const go2rtcVersion = "1.9.14";
const go2rtcModule = "github.com/AlexxIT/go2rtc";
const cacheDir = join(projectRoot, ".cache", "go2rtc", go2rtcVersion);
export const go2rtcBinary = join(cacheDir, "go2rtc");

/** go2rtc 1.9.14 declares Go 1.24; from 1.21 on, Go fetches a newer toolchain by itself. */
const minimumGo = [1, 21] as const;

function goCommand(): string {
  const go = which("go") ?? ["/usr/local/go/bin/go", "/usr/lib/go/bin/go"].find((path) => existsSync(path));
  const [major = 0, minor = 0] = (capture(go ?? "go", ["env", "GOVERSION"]) ?? "")
    .replace(/^go/, "")
    .split(".")
    .map(Number);
  if (!go || major < minimumGo[0] || (major === minimumGo[0] && minor < minimumGo[1])) {
    throw new Error(
      `Go 1.24 or newer is needed once, to build go2rtc ${go2rtcVersion}; install it from https://go.dev/dl/`,
    );
  }
  return go;
}

/**
 * The go2rtc binary, built on first use. `go install` of this module fails while it
 * checks deprecations, so the module is downloaded, copied somewhere writable and
 * built there.
 */
export function ensureGo2rtc(): string {
  if (existsSync(go2rtcBinary)) return go2rtcBinary;
  const go = goCommand();
  step(`Building go2rtc ${go2rtcVersion} from the Go module proxy (once)`);
  const started = performance.now();
  const listing = capture(go, ["mod", "download", "-json", `${go2rtcModule}@v${go2rtcVersion}`]);
  const download = listing ? (JSON.parse(listing) as { Dir?: string; Error?: string }) : {};
  if (!download.Dir) {
    throw new Error(`go mod download of ${go2rtcModule}@v${go2rtcVersion} failed: ${download.Error ?? ""}`);
  }
  mkdirSync(cacheDir, { recursive: true });
  // A private folder and file name per build, so two builds at once do not collide.
  const work = join(cacheDir, `build-${process.pid}`);
  const partial = join(cacheDir, `go2rtc.partial-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  try {
    run("cp", ["-R", download.Dir, work]);
    run("chmod", ["-R", "u+w", work]); // the module cache is read-only
    run(go, ["build", "-trimpath", "-o", partial, "."], {
      cwd: work,
      env: { ...process.env, CGO_ENABLED: "0", GOFLAGS: "-buildvcs=false" },
    });
    renameSync(partial, go2rtcBinary);
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(partial, { force: true });
  }
  console.log(`go2rtc ${go2rtcVersion} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return go2rtcBinary;
}

/** A TCP port nobody listens on right now (127.0.0.1). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

export interface RunningGo2rtc {
  /** The API base URL Home Assistant is given as `go2rtc: url:`. */
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * go2rtc's configuration: every listener on 127.0.0.1, no STUN servers and no
 * candidates (nothing leaves this machine), no SRTP (HomeKit) listener. Its
 * `streams` log says which URL failed; the URLs of Mi cameras carry keys, so that
 * module logs errors only.
 */
function go2rtcConfig(ports: { api: number; rtsp: number; webrtc: number }): string {
  return [
    "# Generated at each start: Home Assistant's go2rtc, bound to 127.0.0.1.",
    "api:",
    `  listen: "127.0.0.1:${ports.api}"`,
    "rtsp:",
    `  listen: "127.0.0.1:${ports.rtsp}"`,
    "webrtc:",
    `  listen: "127.0.0.1:${ports.webrtc}"`,
    "  candidates: []",
    "  ice_servers: []",
    "srtp:",
    '  listen: ""',
    "log:",
    "  level: info",
    "  streams: error",
    "",
  ].join("\n");
}

async function waitForApi(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`go2rtc exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`go2rtc did not answer at ${url} in time`);
}

/** Start go2rtc with its configuration and log (go2rtc.log) in `dir`; resolves once its API answers. */
export async function startGo2rtc(dir: string, timeoutMs = 20_000): Promise<RunningGo2rtc> {
  const binary = ensureGo2rtc();
  mkdirSync(dir, { recursive: true });
  const ports = { api: await freePort(), rtsp: await freePort(), webrtc: await freePort() };
  const config = join(dir, "go2rtc.yaml");
  writeFileSync(config, go2rtcConfig(ports));
  const log = openSync(join(dir, "go2rtc.log"), "w");
  const child = spawn(binary, ["-c", config], { cwd: dir, stdio: ["ignore", log, log] });
  closeSync(log);
  endWithParent(child);
  const url = `http://127.0.0.1:${ports.api}`;
  const stop = (): Promise<void> => stopProcess(child);
  try {
    await waitForApi(url, child, timeoutMs);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, process: child, stop };
}
