// Card benchmarks, printed and never asserted: bundle size raw and gzip (the main file a
// dashboard loads first, and all files with the lazily loaded chunks), then the browser
// figures (first render of a 16-camera grid; renders caused by 1,000 unrelated state changes).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const folder = path.join(root, "custom_components/xiaomi_camera_share/frontend");
const MAIN = "xiaomi-camera-share-card.js";

const sizes = readdirSync(folder)
  .sort((a, b) => Number(b === MAIN) - Number(a === MAIN) || a.localeCompare(b))
  .map((name) => {
    const bytes = readFileSync(path.join(folder, name));
    return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
const main = sizes.find((size) => size.name === MAIN);
if (!main) throw new Error(`${MAIN} is missing: run \`npm run build\``);
const total = sizes.reduce((sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }), {
  raw: 0,
  gzip: 0,
});
// What a dashboard loads first is the main file; the chunks load when a tab, dialog, the
// editor or a Chinese string table is first needed.
console.log(`bundle, first load (${MAIN}): ${main.raw} bytes raw, ${main.gzip} bytes gzip`);
console.log(`bundle, all ${sizes.length} files: ${total.raw} bytes raw, ${total.gzip} bytes gzip`);
for (const size of sizes.filter((each) => each !== main))
  console.log(`  chunk ${size.name}: ${size.raw} bytes raw, ${size.gzip} bytes gzip`);

// `--size-only`: the sizes alone, without the browser figures.
if (process.argv.includes("--size-only")) process.exit(0);

execFileSync(
  path.join(root, "node_modules/.bin/web-test-runner"),
  ["--config", "web-test-runner.config.mjs", "--files", "test/card/bench/*.bench.ts"],
  { cwd: root, stdio: "inherit" },
);
