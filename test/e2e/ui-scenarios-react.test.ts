import { describe, expect, it } from "vitest";
import type { Coverage, Scenario } from "../../src/testing";
import { restingStateIds } from "../../src/testing/coverage";
import { coveredScenarios, targetPairs } from "../../src/testing/scenarios";
import { demoActions, describeScenariosInBrowser, openDemoPage, timerParams } from "./scenario-support";

// The React demo (examples/web) in Chromium, on its embedded simulator: of the scenarios its page hook
// supports (the basic actions, held calls, relaunches and a refused config; not a throwing engine call
// nor failNext with `after`), those that together reach every state a flow can rest in and produce
// every pair: 30 scenarios (154 steps).
const covered = coveredScenarios({ actions: demoActions, cover: ["states", "pairs"] });
const scenarios = covered.map((c) => c.scenario);

const demo = openDemoPage();
const url = (scenario: Scenario) => demo.url("embedded", scenario, timerParams(scenario));

describe("the React demo's subset of the generated scenarios", () => {
  it("reaches every state and produces every pair", () => {
    const all = coveredScenarios();
    const union = (list: typeof all, key: Coverage) => new Set(list.flatMap((c) => [...c.covers[key]]));
    const states = union(covered, "states");
    const pairs = union(covered, "pairs");
    console.log(
      `React demo subset: ${scenarios.length} of ${all.length} scenarios, ` +
        `${scenarios.reduce((n, s) => n + s.steps.length, 0)} steps, ` +
        `${states.size}/${restingStateIds().length} states, ${pairs.size}/${targetPairs().length} pairs, ` +
        `${union(covered, "transitions").size} transitions`,
    );
    expect(restingStateIds().filter((id) => !states.has(id))).toEqual([]);
    expect(targetPairs().filter((pair) => !pairs.has(pair))).toEqual([]);
  });
});

describeScenariosInBrowser("generated scenarios on the React demo in Chromium", scenarios, demo.page, url);
