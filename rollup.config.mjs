// Builds the card into one minified ES module that the integration serves.
// No timestamps or absolute paths reach the output, so a build is reproducible byte for byte.
import process from "node:process";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";

const output =
  process.env.CARD_BUNDLE_OUT ?? "custom_components/xiaomi_camera_share/frontend/xiaomi-camera-share-card.js";

export default {
  input: "src/xiaomi-camera-share-card.ts",
  output: {
    file: output,
    format: "es",
    inlineDynamicImports: true,
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
  ],
};
