/**
 * `pims-enrollment/testing`: model-based tests of an app's own enrollment UI. Scenarios generated from
 * `enrollmentMachine` (plain data), `runScenario` to run one on a `Driver`, and ready drivers.
 */
export { createHeadlessDriver, type HeadlessDriverOptions } from "./testing/headless.js";
export {
  createPlaywrightDriver,
  type PageSimulator,
  type PlaywrightDriverOptions,
  type PlaywrightLocator,
  type PlaywrightPage,
} from "./testing/playwright.js";
export { type RunScenarioOptions, runScenario } from "./testing/run.js";
export { basicActions, generateScenarios } from "./testing/scenarios.js";
export {
  createTestingLibraryDriver,
  type TestingLibraryDriverOptions,
  type TestingLibrarySetup,
} from "./testing/testing-library.js";
export type * from "./testing/types.js";
