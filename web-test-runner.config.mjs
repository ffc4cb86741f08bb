// Card tests in the system Chromium; no tool downloads a browser.
import { fileURLToPath } from "node:url";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import process from "node:process";
import { esbuildPlugin } from "@web/dev-server-esbuild";
import { chromeLauncher } from "@web/test-runner-chrome";
import { sendKeysPlugin } from "@web/test-runner-commands/plugins";
import chromium from "./tools/chromium.json" with { type: "json" };

const root = path.dirname(fileURLToPath(import.meta.url));
const screenshotDir = path.join(root, "test-results", "screenshots");

/** `screenshot` command: writes a PNG of the page's current view to test-results/screenshots/. */
function screenshotPlugin() {
  return {
    name: "xcs-screenshot",
    async executeCommand({ command, payload, session }) {
      if (command !== "screenshot") return undefined;
      const name = String(payload?.name ?? "").replace(/[^a-z0-9-]/gi, "_");
      const page = session.browser.getPage(session.id);
      await page.setViewport({ width: 800, height: 720 });
      await mkdir(screenshotDir, { recursive: true });
      const image = await page.screenshot({ type: "png", fullPage: false });
      await writeFile(path.join(screenshotDir, `${name}.png`), image);
      return true;
    },
  };
}

export default {
  files: ["test/card/**/*.test.ts"],
  nodeResolve: { exportConditions: ["production"] },
  concurrency: 1,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? chromium.executablePath,
        args: [...chromium.args, "--lang=en-US"],
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: "auto", tsconfig: path.join(root, "tsconfig.json") }),
    sendKeysPlugin(),
    screenshotPlugin(),
  ],
  testFramework: { config: { ui: "bdd", timeout: 5000 } },
};
