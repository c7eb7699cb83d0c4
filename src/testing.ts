/**
 * `pims-enrollment/testing`: model-based tests of an app's own enrollment UI. Scenarios generated from
 * `enrollmentMachine` (plain data), `runScenario` to run one on a `Driver`, and ready drivers.
 */
export { createHeadlessDriver, type HeadlessDriverOptions } from "./testing/headless.js";
export { type RunScenarioOptions, runScenario } from "./testing/run.js";
export { generateScenarios } from "./testing/scenarios.js";
export type * from "./testing/types.js";
