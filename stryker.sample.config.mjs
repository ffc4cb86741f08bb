// The quick sample of mutation testing that `npm test` runs (tools/mutation-sample.ts): every
// mutant of the share dialog's choices and of the service data they become, against the card's
// DOM-free tests. The full run is stryker.config.mjs.
import full from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...full,
  mutate: ["src/dialogs/share-form.ts", "src/data/api.ts"],
  tempDirName: ".cache/stryker-sample-tmp",
  reporters: ["json"],
  jsonReporter: { fileName: ".cache/mutation/stryker-sample.json" },
  logLevel: "warn",
};
