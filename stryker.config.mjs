// Mutation testing of the card's logic: `npm run test:mutation` (tools/mutation.ts) runs it.
// The DOM-free card tests (.mocharc.json) run in node under mocha, against every mutant of the
// data layer and the plain modules behind the dialogs and views. docs/mutation.md has the
// results and the mutants that are equivalent.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "mocha",
  mochaOptions: { config: ".mocharc.json" },
  // What .mocharc.json's node-option says, for the runner's own processes.
  testRunnerNodeArgs: ["--import", "tsx", "--import", "./tools/lib/card-tests-in-node.mjs"],
  coverageAnalysis: "perTest",
  mutate: [
    "src/data/**/*.ts",
    "src/card/access.ts",
    "src/dialogs/share-form.ts",
    "src/dialogs/recipient-choice.ts",
    "src/dialogs/sharee-access.ts",
    "src/views/history-entries.ts",
    "src/views/invite-facts.ts",
    "src/localize/format.ts",
    "src/localize/localize.ts",
    "src/localize/regions.ts",
    "src/localize/service-error.ts",
  ],
  // The sandbox holds only what the tests import.
  ignorePatterns: [
    "/*",
    "!/src",
    "!/test/card",
    "!/tools/lib",
    "!/package.json",
    "!/tsconfig.json",
    "!/.mocharc.json",
  ],
  concurrency: 2,
  timeoutMS: 10_000,
  tempDirName: ".cache/stryker-tmp",
  cleanTempDir: "always",
  // Not incremental: it would reuse "no coverage" for mutants of module-level constants.
  incremental: false,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: ".cache/mutation/stryker.json" },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
};
