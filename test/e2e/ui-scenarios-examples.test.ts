import type { Page } from "playwright-core";
import { beforeAll, describe } from "vitest";
import { basicActions, generateScenarios, type Scenario } from "../../src/testing";
import { describeScenariosInBrowser, timerParams } from "./scenario-support";
import { exampleForSuite } from "./support";

// The examples in other frameworks, in Chromium, each on the subset of the scenarios their page hook
// supports (the basic actions, and failNext's `after`, which examples/shared/simulated-page.ts passes on
// to the simulator) that takes every transition those take (smaller than the React demo's, which also
// reaches every state and pair).
const scenarios = generateScenarios({ actions: [...basicActions, "failNextAfter"], cover: ["transitions"] });

/** An example served by Vite's dev server, and a page of Chromium on it. */
const example = (name: "vanilla" | "vue" | "svelte") => {
  const served = exampleForSuite(name);
  let page: Page;
  beforeAll(async () => {
    page = await served.browser.newPage();
  });
  const url = (scenario: Scenario) =>
    `${served.url}?${new URLSearchParams({ account: JSON.stringify(scenario.account), ...timerParams(scenario) })}`;
  describeScenariosInBrowser(
    `generated scenarios on the ${name} example in Chromium`,
    scenarios,
    () => page,
    url,
  );
};

describe("the vanilla example (actor.subscribe + toViewModel, plain DOM)", () => {
  example("vanilla");
});

describe("the Vue example (@xstate/vue)", () => {
  example("vue");
});

describe("the Svelte example (@xstate/svelte)", () => {
  example("svelte");
});
