import type { Driver, Scenario, ScenarioAction, ScreenExpectation, ScreenReading } from "./types.js";

/** `runScenario`'s options: how long the screen may take to show what a step expects (default 5 s). */
export interface RunScenarioOptions {
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5_000;

export const describeAction = (action: ScenarioAction): string => {
  switch (action.type) {
    case "typeCode":
      return `typeCode(${action.code})`;
    case "wait":
      return `wait(${action.ms} ms)`;
    case "failNext":
      return action.after === undefined
        ? `failNext(${action.operation}, ${action.code})`
        : `failNext(${action.operation}, ${action.code}, after ${action.after})`;
    case "holdNext":
      return `holdNext(${action.operation})`;
    case "throwNext":
      return action.after === undefined
        ? `throwNext(${action.call})`
        : `throwNext(${action.call}, after ${action.after})`;
    default:
      return action.type;
  }
};

/** The fields of `expected` that the reading does not show. */
const differences = (expected: ScreenExpectation, reading: ScreenReading): string[] => {
  const wanted: Record<string, unknown> = { phase: null, ...expected };
  return Object.entries(wanted)
    .filter(([key, value]) => (reading as unknown as Record<string, unknown>)[key] !== value)
    .map(([key]) => key);
};

const show = (fields: object): string =>
  Object.entries(fields)
    .map(([key, value]) => `${key} ${JSON.stringify(value ?? null)}`)
    .join(", ");

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one scenario on a driver: opens the UI, performs each step's action and reads the screen until
 * it shows what the step expects, or rejects with the scenario, the step and what differed. The driver
 * is closed whatever happens.
 */
export const runScenario = async (
  scenario: Scenario,
  driver: Driver,
  options: RunScenarioOptions = {},
): Promise<void> => {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const total = scenario.steps.length;
  await driver.open(scenario);
  try {
    for (const [index, { action, expect }] of scenario.steps.entries()) {
      const where = `scenario "${scenario.name}", step ${index + 1} of ${total} (${describeAction(action)})`;
      try {
        await driver.perform(action);
      } catch (error) {
        throw new Error(
          `${where}: the action failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const deadline = Date.now() + timeoutMs;
      let reading = await driver.read();
      for (let wait = 1; differences(expect, reading).length > 0; wait = Math.min(wait * 2, 50)) {
        if (Date.now() > deadline) {
          const { step, ...rest } = expect;
          const expected = { step, phase: null, ...rest };
          throw new Error(
            `${where}: expected ${show(expected)}; the screen shows ${show(reading)} ` +
              `(differs in ${differences(expect, reading).join(", ")})`,
          );
        }
        await pause(wait);
        reading = await driver.read();
      }
    }
    const last = scenario.steps.at(-1)?.expect.step;
    if (last !== scenario.outcome) {
      throw new Error(
        `scenario "${scenario.name}": it ends on ${last}, its outcome says ${scenario.outcome}`,
      );
    }
  } finally {
    await driver.close();
  }
};
