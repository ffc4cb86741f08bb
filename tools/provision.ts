// Provision what the tests need and nothing else: Debian's Chromium and the
// Python >= 3.14.2 environment with the pinned test requirements.
import { ensureChromium, ensurePythonEnv } from "./lib/python-env.ts";
import { step } from "./lib/shell.ts";

step("Provisioning Chromium and the Python environment");
console.log(`chromium: ${ensureChromium()}`);
const env = ensurePythonEnv();
console.log(`python: ${env.kind === "native" ? env.venv : `${env.venv} inside ${env.root}`}`);
