// Card benchmarks, printed and never asserted: bundle size raw and gzip, then the browser
// figures (first render of a 16-camera grid; renders caused by 1,000 unrelated state changes).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundle = readFileSync(
  path.join(root, "custom_components/xiaomi_camera_share/frontend/xiaomi-camera-share-card.js"),
);
console.log(`bundle: ${bundle.length} bytes raw, ${gzipSync(bundle, { level: 9 }).length} bytes gzip`);

execFileSync(
  path.join(root, "node_modules/.bin/web-test-runner"),
  ["--config", "web-test-runner.config.mjs", "--files", "test/card/bench/*.bench.ts"],
  { cwd: root, stdio: "inherit" },
);
