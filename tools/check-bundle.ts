// Fails when the committed card bundle is not what the sources build to today.
// Builds into a temporary file with the project's rollup config and compares bytes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const committed = path.join(
  root,
  "custom_components/xiaomi_camera_share/frontend/xiaomi-camera-share-card.js",
);
const scratch = mkdtempSync(path.join(tmpdir(), "card-bundle-"));
const fresh = path.join(scratch, "xiaomi-camera-share-card.js");

try {
  execFileSync(path.join(root, "node_modules/.bin/rollup"), ["-c", "rollup.config.mjs", "--silent"], {
    cwd: root,
    env: { ...process.env, CARD_BUNDLE_OUT: fresh },
    stdio: "inherit",
  });
  const built = readFileSync(fresh);
  let current: Buffer;
  try {
    current = readFileSync(committed);
  } catch {
    console.error("The card bundle is missing: run `npm run build` and commit it.");
    process.exit(1);
  }
  if (!built.equals(current)) {
    console.error("The committed card bundle is stale: run `npm run build` and commit it.");
    process.exit(1);
  }
  console.log(`Card bundle is up to date (${built.length} bytes).`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
