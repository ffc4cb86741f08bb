// Builds the card into minified ES modules that the integration serves from one folder: the
// main file a dashboard loads, and chunks it imports when needed (the Chinese string tables,
// the dialogs, the inbox and history tabs, the editor). Chunk names carry a hash of their
// content, so a browser never mixes chunks of two versions.
// No timestamps or absolute paths reach the output, so a build is reproducible byte for byte.
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";

export const CARD_FILE = "xiaomi-camera-share-card.js";
export const CHUNK_PREFIX = "xcs-";

const dir = process.env.CARD_BUNDLE_DIR ?? "custom_components/xiaomi_camera_share/frontend";

/** Removes chunks an earlier build left that this one does not make. */
function removeStaleChunks() {
  return {
    name: "remove-stale-chunks",
    writeBundle(options, bundle) {
      for (const name of readdirSync(options.dir)) {
        if (name.startsWith(CHUNK_PREFIX) && name.endsWith(".js") && !(name in bundle))
          rmSync(path.join(options.dir, name));
      }
    },
  };
}

export default {
  input: "src/xiaomi-camera-share-card.ts",
  // The chunks import what they share with the main file from it, not from a chunk of its own.
  preserveEntrySignatures: "allow-extension",
  output: {
    dir,
    format: "es",
    entryFileNames: CARD_FILE,
    chunkFileNames: `${CHUNK_PREFIX}[name]-[hash].js`,
    sourcemap: false,
  },
  plugins: [
    nodeResolve({ browser: true }),
    typescript({
      tsconfig: "./tsconfig.json",
      include: ["src/**/*.ts"],
      compilerOptions: {
        noEmit: false,
        allowImportingTsExtensions: false,
        module: "ESNext",
        moduleResolution: "Bundler",
        types: [],
        declaration: false,
        sourceMap: false,
        incremental: false,
      },
      outputToFilesystem: false,
    }),
    terser({ format: { comments: false }, compress: { passes: 2 } }),
    removeStaleChunks(),
  ],
};
