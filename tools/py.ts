// Run a program of the project's Python environment, e.g.
//   npx tsx tools/py.ts pytest test/cloud -q
//   npx tsx tools/py.ts ruff check .
// The environment is provisioned first if it is missing.
import { ensurePythonEnv, runInVenv } from "./lib/python-env.ts";

const [program, ...args] = process.argv.slice(2);
if (!program) {
  console.error("usage: tsx tools/py.ts <program> [args...]");
  process.exit(2);
}
process.exit(runInVenv(ensurePythonEnv(), program, args));
