// @ts-check
/**
 * Mutation testing of the engine's core: errors, facade, machines and services (npm run mutation; not
 * in CI, it takes a long while). Tests: the unit, model and property suites (vitest.mutation.config.ts).
 * Only re-export barrels are left out: they hold no logic to mutate.
 * One directory at a time: npm run mutation -- --mutate "src/facade/**\/*.ts"
 *
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: [
    "src/errors/**/*.ts",
    "src/facade/**/*.ts",
    "src/machines/**/*.ts",
    "src/services/**/*.ts",
    "!src/errors/index.ts",
    "!src/facade/index.ts",
    "!src/machines/index.ts",
    "!src/services/http/index.ts",
  ],
  ignorePatterns: ["dist", "docs/api", "examples", "bench", "tools", "test-results", "coverage"],
  coverageAnalysis: "perTest",
  concurrency: 2,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 10_000,
  tempDirName: ".stryker-tmp",
};
