// Provision what the tests need and nothing else: Debian's Chromium, the
// Python >= 3.14.2 environment with the pinned test requirements, and go2rtc.
import { ensureGo2rtc } from "./lib/go2rtc.ts";
import { ensureChromium, ensurePythonEnv } from "./lib/python-env.ts";
import { step } from "./lib/shell.ts";

step("Provisioning Chromium, the Python environment and go2rtc");
console.log(`chromium: ${ensureChromium()}`);
const env = ensurePythonEnv();
console.log(`python: ${env.kind === "native" ? env.venv : `${env.venv} inside ${env.root}`}`);
console.log(`go2rtc: ${ensureGo2rtc()}`);
