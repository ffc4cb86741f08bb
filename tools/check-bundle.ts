// Fails when the committed card bundle is not what the sources build to today.
// Builds into a temporary folder with the project's rollup config and compares the files
// (the main file and its chunks) byte for byte, and that no other file is left beside them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const committed = path.join(root, "custom_components/xiaomi_camera_share/frontend");
const scratch = mkdtempSync(path.join(tmpdir(), "card-bundle-"));

function fail(message: string): never {
  console.error(`${message}: run \`npm run build\` and commit the folder.`);
  process.exit(1);
}

try {
  execFileSync(path.join(root, "node_modules/.bin/rollup"), ["-c", "rollup.config.mjs", "--silent"], {
    cwd: root,
    env: { ...process.env, CARD_BUNDLE_DIR: scratch },
    stdio: "inherit",
  });
  const built = readdirSync(scratch).sort();
  let current: string[];
  try {
    current = readdirSync(committed).sort();
  } catch {
    fail("The card bundle is missing");
  }
  if (built.join("\n") !== current.join("\n"))
    fail(`The card bundle's files are ${current.join(", ")}; the sources build ${built.join(", ")}`);
  let bytes = 0;
  for (const name of built) {
    const fresh = readFileSync(path.join(scratch, name));
    if (!fresh.equals(readFileSync(path.join(committed, name)))) fail(`The committed ${name} is stale`);
    bytes += fresh.length;
  }
  console.log(`Card bundle is up to date (${built.length} files, ${bytes} bytes).`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
