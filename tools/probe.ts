// The cloud probe, from a checkout: `npm run probe -- --regions cn,de` or
// `npx xiaomi-camera-share-probe --regions cn,de`.
//
// It runs the integration's own cloud client without Home Assistant
// (custom_components/xiaomi_camera_share/cloud/probe.py): a QR login, reads only,
// and a report of how the cloud answered, by shape. This launcher finds a Python
// that can run it: `--python <path>` when given, else the project's provisioned
// environment when it exists, else python3.14, python3 or python on PATH. It says
// what is missing when none fits.
import { spawnSync } from "node:child_process";
import { delimiter, isAbsolute, join, relative, resolve } from "node:path";
import { projectRoot, provisionedPythonEnv, venvCommand, type PythonEnv } from "./lib/python-env.ts";
import { which } from "./lib/shell.ts";

/** The cloud client uses Python 3.14 syntax (PEP 758). */
const minimumPython: readonly [number, number] = [3, 14];
/** Modules the client needs, by the name to install; each checked by a module it must have. */
const required: Readonly<Record<string, string>> = {
  aiohttp: "aiohttp",
  yarl: "yarl",
  // RC4 lives in cryptography's "decrepit" ciphers since version 43.
  "cryptography>=43": "cryptography.hazmat.decrepit.ciphers.algorithms",
};
const optional: Readonly<Record<string, string>> = { segno: "segno" };
const packageDir = join(projectRoot, "custom_components", "xiaomi_camera_share");

type Candidate = { label: string; argv: (args: readonly string[], cwd: string) => string[]; root?: string };
type Fit = { candidate: Candidate; missingOptional: string[] };

const checkScript = (modules: readonly string[]): string =>
  [
    "import importlib.util, json, sys",
    "def has(name):",
    "    try:",
    "        return importlib.util.find_spec(name) is not None",
    "    except Exception:",
    "        return False",
    `names = ${JSON.stringify(modules)}`,
    "print(json.dumps({'version': list(sys.version_info[:3]), 'has': [has(n) for n in names]}))",
  ].join("\n");

function fromEnv(env: PythonEnv): Candidate {
  return {
    label: env.kind === "native" ? "the project's Python environment" : "the project's Python root",
    argv: (args, cwd) => venvCommand(env, "python", args, cwd),
    root: env.kind === "chroot" ? projectRoot : undefined,
  };
}

function fromBinary(path: string): Candidate {
  return { label: path, argv: (args) => [path, ...args] };
}

function candidates(explicit: string | undefined): Candidate[] {
  if (explicit) return [fromBinary(explicit)];
  const found: Candidate[] = [];
  const env = provisionedPythonEnv();
  if (env) found.push(fromEnv(env));
  for (const name of ["python3.14", "python3", "python"]) {
    const path = which(name);
    if (path && !found.some((c) => c.label === path)) found.push(fromBinary(path));
  }
  return found;
}

/** Whether a Python can run the probe; the reason when it cannot. */
function check(candidate: Candidate): Fit | string {
  const modules = [...Object.values(required), ...Object.values(optional)];
  const [cmd, ...rest] = candidate.argv(["-c", checkScript(modules)], projectRoot);
  const result = spawnSync(cmd as string, rest, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.error || result.status !== 0) return "does not run";
  let answer: { version: number[]; has: boolean[] };
  try {
    answer = JSON.parse(String(result.stdout).trim().split("\n").pop() ?? "");
  } catch {
    return "does not answer as a Python 3 does";
  }
  const [major = 0, minor = 0] = answer.version;
  const version = answer.version.join(".");
  if (major < minimumPython[0] || (major === minimumPython[0] && minor < minimumPython[1])) {
    return `Python ${version}: too old, ${minimumPython.join(".")} or newer is needed`;
  }
  const names = [...Object.keys(required), ...Object.keys(optional)];
  const missing = names.filter((_, i) => !answer.has[i]);
  const missingRequired = missing.filter((name) => name in required);
  if (missingRequired.length) return `Python ${version}: ${missingRequired.join(", ")} missing`;
  return { candidate, missingOptional: missing };
}

/** `--out` made absolute against where the user stands; the default name in that place otherwise. */
function outPath(args: string[], userCwd: string): { args: string[]; out: string } {
  const rest: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === "--out" && i + 1 < args.length) {
      out = resolve(userCwd, args[i + 1] as string);
      i += 1;
    } else if (arg.startsWith("--out=")) {
      out = resolve(userCwd, arg.slice("--out=".length));
    } else {
      rest.push(arg);
    }
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return { args: rest, out: out ?? join(userCwd, `xiaomi-cloud-probe-${stamp}.json`) };
}

const inside = (dir: string, path: string): boolean => {
  const rel = relative(dir, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

function main(argv: string[]): number {
  let explicit: string | undefined;
  const args: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === "--python" && i + 1 < argv.length) {
      explicit = argv[i + 1];
      i += 1;
    } else if (argv[i]?.startsWith("--python=")) {
      explicit = argv[i]?.slice("--python=".length);
    } else {
      args.push(argv[i] as string);
    }
  }
  const reasons: string[] = [];
  let fit: Fit | undefined;
  for (const candidate of candidates(explicit)) {
    const result = check(candidate);
    if (typeof result !== "string") {
      fit = result;
      break;
    }
    reasons.push(`  ${candidate.label}: ${result}`);
  }
  if (!fit) {
    console.error(
      [
        `The probe needs Python ${minimumPython.join(".")} or newer with ${Object.keys(required).join(", ")}` +
          " (and segno to draw the QR code). None was found:",
        ...(reasons.length ? reasons : ["  no python3.14, python3 or python on PATH"]),
        "Install them, best in a virtual environment, and run the probe again:",
        "  python3.14 -m venv .venv && .venv/bin/pip install aiohttp cryptography segno",
        "  npm run probe -- --python .venv/bin/python",
        "or let the project provision its own environment (Debian, as root): npm run provision",
      ].join("\n"),
    );
    return 1;
  }
  if (fit.missingOptional.includes("segno")) {
    console.log("segno is not installed: the QR code is shown as a link (pip install segno draws it).");
  }
  // `npm run` starts scripts in the project; INIT_CWD is where the user stands.
  const userCwd = process.env.INIT_CWD ?? process.cwd();
  const placed = outPath(args, userCwd);
  let cwd = userCwd;
  if (fit.candidate.root) {
    // The provisioned root sees the project only: the report and the work stay inside it.
    if (!inside(fit.candidate.root, placed.out)) {
      console.error(
        `With the project's Python root the report must be inside ${fit.candidate.root}: use --out.`,
      );
      return 1;
    }
    if (!inside(fit.candidate.root, cwd)) cwd = fit.candidate.root;
  }
  const [cmd, ...rest] = fit.candidate.argv(["-m", "cloud.probe", ...placed.args, "--out", placed.out], cwd);
  const pythonPath = [packageDir, process.env.PYTHONPATH].filter(Boolean).join(delimiter);
  const result = spawnSync(cmd as string, rest, {
    cwd,
    stdio: "inherit",
    // PYTHONSAFEPATH: a `cloud` folder where the user stands is not imported instead.
    env: { ...process.env, PYTHONPATH: pythonPath, PYTHONSAFEPATH: "1" },
  });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

process.exit(main(process.argv.slice(2)));
