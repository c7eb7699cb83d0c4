import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { type DemoServer, startDemoServer } from "../../examples/web/server";
import { scenarios as demoAccounts } from "../../examples/web/src/backend";
import {
  type ActionKind,
  basicActions,
  createPlaywrightDriver,
  runScenario,
  type Scenario,
} from "../../src/testing";
import { launchBrowser } from "./support";

/** Runs each scenario as a test on one page, through the Playwright driver; prints the time it took. */
export const describeScenariosInBrowser = (
  title: string,
  scenarios: readonly Scenario[],
  page: () => Page,
  url: (scenario: Scenario) => string,
) =>
  describe(title, () => {
    let spent = 0;
    afterAll(() => {
      const steps = scenarios.reduce((n, s) => n + s.steps.length, 0);
      console.log(`${title}: ${scenarios.length} scenarios, ${steps} steps in ${Math.round(spent)} ms`);
    });
    it.each(scenarios.map((s) => [s.name, s] as const))("%s", async (_name, scenario) => {
      const started = performance.now();
      await runScenario(scenario, createPlaywrightDriver(page(), { url }));
      spent += performance.now() - started;
    });
  });

/** `?cooldown=1&lifetime=4`: the scenario's own limits, in seconds, as the example pages read them. */
export const timerParams = (scenario: Scenario): Record<string, string> => ({
  ...(scenario.timers?.resendCooldownMs === undefined
    ? {}
    : { cooldown: String(scenario.timers.resendCooldownMs / 1000) }),
  ...(scenario.timers?.codeLifetimeMs === undefined
    ? {}
    : { lifetime: String(scenario.timers.codeLifetimeMs / 1000) }),
});

/** What the React demo's `window.pimsSimulator` does: the basic actions, held calls, relaunches, a refused config. */
export const demoActions: readonly ActionKind[] = [...basicActions, "holdNext", "relaunch", "misconfigure"];

/** The demo's account preset (`?scenario=`) that is the scenario's account. */
export const demoPresetOf = (scenario: Scenario): string => {
  const preset = Object.entries(demoAccounts).find(
    ([, account]) => JSON.stringify(account) === JSON.stringify(scenario.account),
  )?.[0];
  if (preset === undefined)
    throw new Error(`the demo has no account like ${JSON.stringify(scenario.account)}`);
  return preset;
};

/** The demo, served on loopback, and one Chromium page on it: opened before a file's tests, closed after. */
export const openDemoPage = () => {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    server = await startDemoServer({ port: 0 });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const opened = () => {
    if (server === undefined || page === undefined) throw new Error("the demo page opens before the tests");
    return { server, page };
  };
  return {
    page: () => opened().page,
    /** The demo's address for `scenario` on `backend`, in English, with the scenario's account and `params`. */
    url: (backend: "embedded" | "http", scenario: Scenario, params: Record<string, string>) =>
      `${opened().server.url}/?${new URLSearchParams({
        backend,
        lang: "en",
        scenario: demoPresetOf(scenario),
        ...params,
      })}`,
  };
};
