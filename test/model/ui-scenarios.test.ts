import { describe, expect, it } from "vitest";
import { createHeadlessDriver, generateScenarios, runScenario, type Scenario } from "../../src/testing";
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

/**
 * The transitions no UI scenario can take, and why: each is taken by the engine's own generated paths
 * (paths.test.ts), which drive the actor's services directly.
 */
const beyondAnyScreen: readonly [RegExp, string][] = [
  [/--xstate\.error\.actor\./, "an actor that throws is a bug in the engine, not something a screen causes"],
  [/\[replyInterrupted\]/, "only a restore interrupts a request in flight"],
  [/^enrollment\.awaitingCode\.unconfirmed /, "only reached after a restore interrupted the SMS request"],
  [/--code\.lost\[/, "only a restored actor loses the code a waiting validation held"],
  [/^enrollment\.awaitingCode\.retype /, "only reached after a restore lost the code being validated"],
  [
    /^enrollment\.initializing --xstate\.done\.actor\.initializeFacade\[\]/,
    "the config is the app's, not the simulator's",
  ],
  [
    /^enrollment\.checkingDevice\.accountBlock --xstate\.done\.actor\.checkAccountBlock\[\]/,
    "failNext(account.get) fails the first of the step's two account.get calls",
  ],
];

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

  it("take every transition of the statechart that a screen, the network or the simulator can cause", () => {
    const missing = allTransitions().filter((t) => !recorder.taken.has(t));
    const unexplained = missing.filter((t) => !beyondAnyScreen.some(([pattern]) => pattern.test(t)));
    const steps = scenarios.reduce((n, s) => n + s.steps.length, 0);
    console.log(
      `UI scenarios: ${scenarios.length} scenarios, ${steps} steps, ` +
        `${recorder.taken.size}/${allTransitions().length} transitions, ` +
        `${[...visited].filter((id) => restingStateIds().includes(id)).length}/${restingStateIds().length} states, ` +
        `${targetPairs().filter((pair) => pairsOf(scenarios).has(pair)).length}/${targetPairs().length} pairs; ` +
        `generated in ${Math.round(generatedMs)} ms, run headless in ${Math.round(runMs)} ms\n` +
        missing
          .map((t) => `  not taken: ${t} — ${beyondAnyScreen.find(([p]) => p.test(t))?.[1] ?? "UNEXPLAINED"}`)
          .join("\n"),
    );
    expect(unexplained).toEqual([]);
  });

  it("reach every state a flow can rest in but the ones only a restore reaches", () => {
    const unreached = restingStateIds().filter((id) => !visited.has(id));
    expect(unreached).toEqual(["enrollment.awaitingCode.unconfirmed", "enrollment.awaitingCode.retype"]);
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
