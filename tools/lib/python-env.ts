// The Python environment that runs Home Assistant and the Python tests.
//
// Home Assistant needs Python >= 3.14.2. A native python3.14 is used where it
// exists. Otherwise a minimal Debian root that carries python3.14 is bootstrapped
// into .cache/python/root, and every Python command runs chrooted into it inside a
// private mount namespace: the project is bind-mounted at the same path, and the
// mounts vanish with the process, so nothing stays mounted inside the work tree.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromiumPath } from "./chromium.ts";
import { capture, run, step, which } from "./shell.ts";

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cacheDir = join(projectRoot, ".cache", "python");
const chrootDir = join(cacheDir, "root");
const nativeVenv = join(cacheDir, "venv");
/** Where the venv lives inside the bootstrapped root. */
const chrootVenv = "/opt/venv";
const requirementsFile = join(projectRoot, "requirements_test.txt");
const minimumPython: readonly [number, number, number] = [3, 14, 2];
/** The Debian suite that carries python3.14. */
const debianSuite = "forky";
/**
 * Debian packages Home Assistant's own default integrations load beside Python:
 * ffmpeg runs the ffmpeg binary as it starts (tts depends on it), and camera
 * loads libturbojpeg for snapshots. Without them a start logs errors.
 */
const systemPackages = ["ffmpeg", "libturbojpeg0"];
/** Host files a chrooted pip needs to reach the package index as the host does. */
const hostFilesForChroot = [
  "/etc/resolv.conf",
  "/etc/hosts",
  "/etc/pip.conf",
  "/etc/ssl/certs/ca-certificates.crt",
];

export type PythonEnv = { kind: "native"; venv: string } | { kind: "chroot"; root: string; venv: string };

function versionAtLeast(version: string, wanted: readonly number[]): boolean {
  const parts = version.split(".").map((part) => Number.parseInt(part, 10));
  for (let i = 0; i < wanted.length; i += 1) {
    const have = parts[i] ?? 0;
    if (have !== wanted[i]) return have > (wanted[i] ?? 0);
  }
  return true;
}

function nativePython(): string | undefined {
  const candidate = which("python3.14");
  if (!candidate) return undefined;
  const version = capture(candidate, ["-c", "import platform; print(platform.python_version())"]);
  return version && versionAtLeast(version, minimumPython) ? candidate : undefined;
}

/** The Debian mirror this machine's apt already uses (deb822 or one-line format). */
function debianMirror(): string {
  const sourcesDir = "/etc/apt/sources.list.d";
  const texts: string[] = [];
  if (existsSync(sourcesDir)) {
    for (const name of readdirSync(sourcesDir).filter((n) => n.endsWith(".sources") || n.endsWith(".list"))) {
      texts.push(readFileSync(join(sourcesDir, name), "utf8"));
    }
  }
  if (existsSync("/etc/apt/sources.list")) texts.push(readFileSync("/etc/apt/sources.list", "utf8"));
  for (const text of texts) {
    for (const match of text.matchAll(/^URIs:\s*(\S+)/gm)) {
      const uri = match[1];
      if (uri && !uri.includes("security")) return uri;
    }
    for (const match of text.matchAll(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+\S+/gm)) {
      const uri = match[1];
      if (uri && !uri.includes("security")) return uri;
    }
  }
  throw new Error("No Debian mirror found in the apt sources of this machine");
}

function ensureAptPackage(binary: string, aptPackage: string): void {
  if (which(binary) || existsSync(binary)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${aptPackage} is missing; install it with: sudo apt-get install ${aptPackage}`);
  }
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", aptPackage], {
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

/** Chromium from Debian's packages: the browser the card and end-to-end tests use. */
export function ensureChromium(): string {
  ensureAptPackage(chromiumPath, "chromium");
  return chromiumPath;
}

function bootstrapRoot(): void {
  if (existsSync(join(chrootDir, "usr", "bin", "python3.14"))) return;
  step(`Bootstrapping a Debian ${debianSuite} root with python3.14 (once)`);
  ensureAptPackage("debootstrap", "debootstrap");
  const staging = `${chrootDir}.partial`;
  run("rm", ["-rf", staging]);
  mkdirSync(staging, { recursive: true });
  const include = [
    "python3.14",
    "python3.14-venv",
    "python3.14-dev",
    "gcc",
    "g++",
    "libc6-dev",
    "ca-certificates",
    ...systemPackages,
  ];
  run("debootstrap", [
    "--variant=minbase",
    `--include=${include.join(",")}`,
    debianSuite,
    staging,
    debianMirror(),
    "/usr/share/debootstrap/scripts/sid",
  ]);
  run("mv", [staging, chrootDir]);
}

const quote = (word: string): string => `'${word.replaceAll("'", "'\\''")}'`;

/** The system packages that are missing where Home Assistant runs (the host or the root). */
function missingSystemPackages(root: string): string[] {
  const query = ["--admindir", join(root || "/", "var", "lib", "dpkg"), "-W", "-f", "${Status}"];
  return systemPackages.filter(
    (name) => capture("dpkg-query", [...query, name])?.endsWith(" installed") !== true,
  );
}

/** Install Home Assistant's system packages into the host or, for a chroot, the Debian root. */
function ensureSystemPackages(env: PythonEnv): void {
  // Only Debian's packages are known here; elsewhere the machine's owner installs them.
  if (!which("dpkg-query")) return;
  const root = env.kind === "chroot" ? env.root : "";
  const missing = missingSystemPackages(root);
  if (missing.length === 0) return;
  step(`Installing ${missing.join(", ")} for Home Assistant (once)`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", ...missing];
  if (env.kind === "native") {
    if (process.getuid?.() !== 0) {
      throw new Error(`${missing.join(", ")} missing; install with: sudo ${apt.join(" ")}`);
    }
    run("apt-get", ["update", "-qq"]);
    run(apt[0] as string, apt.slice(1), { env: aptEnv });
    return;
  }
  // The root's mirror may serve a dated snapshot whose Release file has expired.
  const update = ["apt-get", "update", "-qq", "-o", "Acquire::Check-Valid-Until=false"];
  for (const argv of [update, apt]) {
    const [cmd, ...rest] = chrootWords(["env", "DEBIAN_FRONTEND=noninteractive", ...argv], "/");
    run(cmd as string, rest);
  }
}

/**
 * The Python tests start the simulator themselves, so node and the project's
 * node_modules must exist inside the root: the host's node binary is mounted on
 * /usr/local/bin/node, and node_modules, when it links to an install outside the
 * project, is mounted where the link points.
 */
function nodeMounts(): string[] {
  const nodeInside = join(chrootDir, "usr", "local", "bin", "node");
  const mounts = [
    `mkdir -p ${quote(dirname(nodeInside))}`,
    `touch ${quote(nodeInside)}`,
    `mount --bind ${quote(realpathSync(process.execPath))} ${quote(nodeInside)}`,
  ];
  const modules = join(projectRoot, "node_modules");
  const realModules = existsSync(modules) ? realpathSync(modules) : modules;
  if (realModules !== modules && !realModules.startsWith(`${projectRoot}/`)) {
    mounts.push(`mkdir -p ${quote(chrootDir + realModules)}`);
    mounts.push(`mount --bind ${quote(realModules)} ${quote(chrootDir + realModules)}`);
  }
  return mounts;
}

/** The shell words that run `argv` inside the chroot with the project mounted. */
function chrootWords(argv: readonly string[], cwd: string): string[] {
  const mounts = [
    `mount -t proc proc ${quote(join(chrootDir, "proc"))}`,
    `mount --bind /dev ${quote(join(chrootDir, "dev"))}`,
    `mkdir -p ${quote(chrootDir + projectRoot)}`,
    `mount --bind ${quote(projectRoot)} ${quote(chrootDir + projectRoot)}`,
    ...nodeMounts(),
  ];
  if (existsSync("/opt/wheels")) {
    mounts.push(`mkdir -p ${quote(join(chrootDir, "opt", "wheels"))}`);
    mounts.push(`mount --bind /opt/wheels ${quote(join(chrootDir, "opt", "wheels"))}`);
  }
  const inner = `cd ${quote(cwd)} && exec ${argv.map(quote).join(" ")}`;
  const script = `${mounts.join(" && ")} && exec chroot ${quote(chrootDir)} /bin/sh -c ${quote(inner)}`;
  return ["unshare", "--mount", "--propagation", "private", "/bin/sh", "-c", script];
}

function syncHostFilesIntoRoot(): void {
  for (const file of hostFilesForChroot) {
    if (!existsSync(file)) continue;
    const target = chrootDir + file;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

/** Detect (or build) the Python runtime without installing requirements. */
export function pythonRuntime(): PythonEnv {
  if (nativePython()) return { kind: "native", venv: nativeVenv };
  bootstrapRoot();
  syncHostFilesIntoRoot();
  return { kind: "chroot", root: chrootDir, venv: chrootVenv };
}

/**
 * The project's Python environment when it was provisioned already (never builds one).
 * The bootstrapped root is usable by root only, as it is entered through mount namespaces.
 */
export function provisionedPythonEnv(): PythonEnv | undefined {
  if (existsSync(join(nativeVenv, "pyvenv.cfg"))) return { kind: "native", venv: nativeVenv };
  if (!existsSync(join(chrootDir, chrootVenv.slice(1), "pyvenv.cfg"))) return undefined;
  // A tool started by a Python test runs inside the root already: its venv runs as it is.
  const [here, root] = [statSync("/"), statSync(chrootDir)];
  if (here.dev === root.dev && here.ino === root.ino) return { kind: "native", venv: chrootVenv };
  return process.getuid?.() === 0 ? { kind: "chroot", root: chrootDir, venv: chrootVenv } : undefined;
}

/** Build argv for running a program from the venv (`python`, `pytest`, `ruff` ...). */
export function venvCommand(
  env: PythonEnv,
  program: string,
  args: readonly string[],
  cwd = projectRoot,
): string[] {
  const binary = join(env.venv, "bin", program);
  if (env.kind === "native") return [binary, ...args];
  const pathInside = `${env.venv}/bin:/usr/local/bin:/usr/bin:/bin`;
  return chrootWords(["env", `PATH=${pathInside}`, "HOME=/root", binary, ...args], cwd);
}

/** Run a venv program to completion with inherited output; returns its exit code. */
export function runInVenv(
  env: PythonEnv,
  program: string,
  args: readonly string[],
  extraEnv: NodeJS.ProcessEnv = {},
): number {
  const [cmd, ...rest] = venvCommand(env, program, args);
  const result = spawnSync(cmd as string, rest, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Start a venv program in the background (used for a real Home Assistant). */
export function spawnInVenv(
  env: PythonEnv,
  program: string,
  args: readonly string[],
  options: SpawnOptions = {},
): ChildProcess {
  const [cmd, ...rest] = venvCommand(env, program, args);
  return spawn(cmd as string, rest, options);
}

/**
 * Make sure the venv exists and holds exactly requirements_test.txt, beside the system
 * packages. A stamp of both lists makes the second run skip apt and pip entirely.
 */
export function ensurePythonEnv(): PythonEnv {
  const env = pythonRuntime();
  const requirements = `${readFileSync(requirementsFile, "utf8")}# system: ${systemPackages.join(" ")}\n`;
  const stampPath = join(cacheDir, "requirements.stamp");
  const hostVenv = env.kind === "native" ? env.venv : join(env.root, env.venv.slice(1));
  const upToDate = existsSync(stampPath) && readFileSync(stampPath, "utf8") === requirements;
  if (upToDate && existsSync(join(hostVenv, "pyvenv.cfg"))) return env;

  ensureSystemPackages(env);
  step("Installing the Python test environment (once per requirements change)");
  if (!existsSync(join(hostVenv, "pyvenv.cfg"))) {
    if (env.kind === "native") {
      run(nativePython() as string, ["-m", "venv", env.venv]);
    } else {
      const [cmd, ...rest] = chrootWords(["/usr/bin/python3.14", "-m", "venv", env.venv], "/");
      run(cmd as string, rest);
    }
  }
  const pip = ["-m", "pip", "install", "--quiet", "--upgrade", "pip"];
  if (runInVenv(env, "python", pip) !== 0) throw new Error("pip upgrade failed");
  const install = ["-m", "pip", "install", "--quiet", "-r", requirementsFile];
  if (runInVenv(env, "python", install) !== 0) throw new Error("pip install -r requirements_test.txt failed");
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(stampPath, requirements);
  return env;
}
