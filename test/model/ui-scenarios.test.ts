import { describe, expect, it } from "vitest";
import {
  basicActions,
  createHeadlessDriver,
  generateScenarios,
  runScenario,
  type Scenario,
} from "../../src/testing";
import { allTransitions, createTransitionRecorder, restingStateIds } from "../../src/testing/coverage";
import { targetPairs } from "../../src/testing/scenarios";

const started = performance.now();
const scenarios = generateScenarios();
const generatedMs = performance.now() - started;
const recorder = createTransitionRecorder();
const { visited, inspect } = recorder;
let runMs = 0;

/** The (operation, code) pairs a set of scenarios produces, read off their data. */
const pairsOf = (list: readonly Scenario[]): Set<string> =>
  new Set(
    list.flatMap((scenario) =>
      scenario.steps.flatMap(({ action, expect: shown }) => {
        if (action.type === "failNext") return [`${action.operation} ${action.code}`];
        if (action.type === "typeCode" && action.code === "wrong" && shown.errorCode === 2305)
          return ["smscode.set 2305"];
        return [];
      }),
    ),
  );

describe("generated UI scenarios on the headless driver (the actor and toViewModel, no UI)", () => {
  it("are plain JSON data with unique names", () => {
    expect(JSON.parse(JSON.stringify(scenarios))).toEqual(scenarios);
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))("%s", async (_name, scenario) => {
    const t0 = performance.now();
    await runScenario(scenario, createHeadlessDriver({ inspect }));
    runMs += performance.now() - t0;
  });
});

describe("what the generated UI scenarios cover, measured on the actor", () => {
  it("produce every documented (operation, code) pair of the smscode API, 2305 and 2306", () => {
    const produced = pairsOf(scenarios);
    expect(targetPairs()).toHaveLength(25);
    expect(targetPairs().filter((pair) => !produced.has(pair))).toEqual([]);
  });

  it("take every transition of the statechart, as XState's inspection reports them on the actor", () => {
    const steps = scenarios.reduce((n, s) => n + s.steps.length, 0);
    const defined = allTransitions();
    console.log(
      `UI scenarios: ${scenarios.length} scenarios, ${steps} steps, ` +
        `${defined.filter((t) => recorder.taken.has(t)).length}/${defined.length} transitions, ` +
        `${restingStateIds().filter((id) => visited.has(id)).length}/${restingStateIds().length} states, ` +
        `${targetPairs().filter((pair) => pairsOf(scenarios).has(pair)).length}/${targetPairs().length} pairs; ` +
        `generated in ${Math.round(generatedMs)} ms, run headless in ${Math.round(runMs)} ms`,
    );
    expect(defined.length).toBeGreaterThan(0);
    expect(defined.filter((t) => !recorder.taken.has(t))).toEqual([]);
  });

  it("reach every state a flow can rest in, the ones only a restore reaches included", () => {
    expect(restingStateIds().filter((id) => !visited.has(id))).toEqual([]);
  });
});

describe("subsets of the scenarios", () => {
  const all = targetPairs();
  it("for states and pairs: fewer scenarios, every state and every pair of the whole set", async () => {
    const subset = generateScenarios({ cover: ["states", "pairs"] });
    const subsetRecorder = createTransitionRecorder();
    for (const scenario of subset)
      await runScenario(scenario, createHeadlessDriver({ inspect: subsetRecorder.inspect }));
    const reached = subsetRecorder.visited;
    expect(subset.length).toBeLessThan(scenarios.length);
    expect([...all].filter((pair) => !pairsOf(subset).has(pair))).toEqual([]);
    expect([...visited].filter((id) => restingStateIds().includes(id) && !reached.has(id))).toEqual([]);
  });

  it("for transitions: fewer scenarios, every transition the whole set takes", async () => {
    const subset = generateScenarios({ cover: ["transitions"] });
    const subsetRecorder = createTransitionRecorder();
    for (const scenario of subset)
      await runScenario(scenario, createHeadlessDriver({ inspect: subsetRecorder.inspect }));
    expect(subset.length).toBeLessThan(scenarios.length);
    expect([...recorder.taken].filter((t) => !subsetRecorder.taken.has(t))).toEqual([]);
  });
});

describe("scenarios for what a driver supports", () => {
  it("keeps, for the basic actions, the scenarios that use no other kind, and refuses an unknown kind", () => {
    const basic = generateScenarios({ actions: basicActions });
    const kinds = new Set(
      basic.flatMap((s) =>
        s.steps.map(({ action }) =>
          action.type === "failNext" && action.after !== undefined ? "failNextAfter" : action.type,
        ),
      ),
    );
    expect(basic.length).toBeGreaterThan(0);
    expect(basic.length).toBeLessThan(scenarios.length);
    expect([...kinds].filter((kind) => !basicActions.includes(kind))).toEqual([]);
    const names = new Set(scenarios.map((s) => s.name));
    expect(basic.filter((s) => !names.has(s.name))).toEqual([]);
    // biome-ignore lint/suspicious/noExplicitAny: an unknown kind, on purpose
    expect(() => generateScenarios({ actions: ["teleport" as any] })).toThrow(TypeError);
  });

  it("need every new kind of action to take every transition", () => {
    const used = new Set(
      scenarios.flatMap((s) =>
        s.steps.map(({ action }) =>
          action.type === "failNext" && action.after !== undefined ? "failNextAfter" : action.type,
        ),
      ),
    );
    expect([...used].sort()).toEqual(
      [...basicActions, "holdNext", "relaunch", "misconfigure", "throwNext", "failNextAfter"].sort(),
    );
  });
});

describe("runScenario", () => {
  const [first] = scenarios.filter((s) => s.steps.some((step) => step.expect.errorCode === 2305));
  it("rejects with the scenario, the step and what differed when the screen does not show what a step expects", async () => {
    expect(first).toBeDefined();
    const scenario = first as Scenario;
    const index = scenario.steps.findIndex((step) => step.expect.errorCode === 2305);
    const steps = scenario.steps.map((step, i) =>
      i === index ? { ...step, expect: { ...step.expect, errorCode: 2306 as const } } : step,
    );
    await expect(
      runScenario({ ...scenario, steps }, createHeadlessDriver(), { timeoutMs: 200 }),
    ).rejects.toThrow(
      `scenario "${scenario.name}", step ${index + 1} of ${steps.length} (typeCode(wrong)): expected`,
    );
    await expect(
      runScenario({ ...scenario, steps }, createHeadlessDriver(), { timeoutMs: 200 }),
    ).rejects.toThrow(/the screen shows .*errorCode 2305.*\(differs in errorCode\)$/);
  });

  it("rejects naming the step whose action the screen does not offer", async () => {
    const scenario: Scenario = {
      name: "retry on the first screen",
      account: {},
      steps: [{ action: { type: "retry" }, expect: { step: "idle", errorCode: null } }],
      outcome: "cancelled",
    };
    await expect(runScenario(scenario, createHeadlessDriver())).rejects.toThrow(
      'scenario "retry on the first screen", step 1 of 1 (retry): the action failed: the screen offers no retry',
    );
  });
});
