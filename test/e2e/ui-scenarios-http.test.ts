import { afterAll, describe, expect, it } from "vitest";
import { createPlaywrightDriver, generateScenarios, runScenario, type Scenario } from "../../src/testing";
import { demoActions, openDemoPage } from "./scenario-support";

// The React demo in Chromium over the reference server (?backend=http), where a 2202 is decided in the
// page's network and a 2201 is an answer the server holds back until the page's request timeout. For
// each operation and each of the two codes, the shortest generated scenario that arms it through
// `window.pimsSimulator` and does not wait on the clock: 8 scenarios, 4 of them stalled by the server.

/** `?timeout=2`: the page's request timeout. Past it an armed 2201 shows; the demo's default is 10 s. */
const REQUEST_TIMEOUT_MS = 2_000;
/** What a screen is given to settle beyond the request timeout (the page loads, the fault list polls). */
const SETTLE_MS = 3_000;

const armed = (scenario: Scenario) =>
  scenario.steps.flatMap(({ action }) =>
    action.type === "failNext" && (action.code === 2201 || action.code === 2202)
      ? [`${action.operation} ${action.code}`]
      : [],
  );

/** The shortest scenario for each (operation, 2201 | 2202) armed, among those without a timer. */
const shortestPerFault = (): Scenario[] => {
  const chosen = new Map<string, Scenario>();
  const untimed = generateScenarios({ actions: demoActions }).filter(
    (s) => s.timers === undefined && s.steps.every(({ action }) => action.type !== "wait"),
  );
  for (const scenario of untimed) {
    for (const fault of armed(scenario)) {
      const best = chosen.get(fault);
      if (best === undefined || scenario.steps.length < best.steps.length) chosen.set(fault, scenario);
    }
  }
  return [...new Set(chosen.values())];
};
const scenarios = shortestPerFault();

const demo = openDemoPage();
const url = (scenario: Scenario) =>
  demo.url("http", scenario, { timeout: String(REQUEST_TIMEOUT_MS / 1000) });

describe("generated scenarios on the React demo over the reference server (?backend=http)", () => {
  it("arms 2201 and 2202 on each of the four operations", () => {
    expect(new Set(scenarios.flatMap(armed)).size).toBe(8);
  });

  let spent = 0;
  afterAll(() => {
    const steps = scenarios.reduce((n, s) => n + s.steps.length, 0);
    console.log(`over HTTP: ${scenarios.length} scenarios, ${steps} steps in ${Math.round(spent)} ms`);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))("%s", async (_name, scenario) => {
    const started = performance.now();
    await runScenario(scenario, createPlaywrightDriver(demo.page(), { url }), {
      timeoutMs: REQUEST_TIMEOUT_MS + SETTLE_MS,
    });
    const elapsed = performance.now() - started;
    spent += elapsed;
    // The server held the call's answer back: its 2201 showed once the request timeout ran out.
    if (armed(scenario).some((fault) => fault.endsWith("2201"))) {
      expect(elapsed).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
    }
  });
});
