import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext } from "playwright-core";
import type { ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  basicActions,
  createPlaywrightDriver,
  generateScenarios,
  runScenario,
  type Scenario,
} from "../../src/testing";
import { timerParams } from "./scenario-support";
import { launchBrowser } from "./support";

// The vanilla example broken on purpose, in the page, before its script runs: the generated scenarios
// that need what was broken fail, each naming its step and what differed.
const subset = generateScenarios({ actions: basicActions, cover: ["transitions"] });
const retrying = subset.filter((s) => s.steps.some((step) => step.action.type === "retry"));
const counting = subset
  .filter((s) => s.steps.some((step) => step.expect.attemptsLeft !== undefined))
  .slice(0, 6);

/** The retry button is taken out of the page once it has loaded. */
const withoutRetryButton = () => {
  document.addEventListener("DOMContentLoaded", () =>
    document.querySelector('[data-pims-action="retry"]')?.remove(),
  );
};

/** The attempts-left text says one more attempt than the flow has. */
const withWrongAttemptsText = () => {
  document.addEventListener("DOMContentLoaded", () => {
    const meta = document.querySelector("[data-pims-attempts-left]");
    if (!meta) return;
    let written = "";
    new MutationObserver(() => {
      const text = meta.textContent ?? "";
      if (text === written) return;
      written = text.replace(/^(\d+) attempts? left/, (_, n: string) => `${Number(n) + 1} attempts left`);
      meta.textContent = written;
    }).observe(meta, { childList: true, characterData: true, subtree: true });
  });
};

let server: ViteDevServer;
let browser: Browser;
let base = "";
beforeAll(async () => {
  const { createServer } = await import("vite");
  server = await createServer({
    root: fileURLToPath(new URL("../../examples/vanilla", import.meta.url)),
    configFile: false,
    logLevel: "warn",
    server: { host: "127.0.0.1", port: 0 },
  });
  await server.listen();
  base = server.resolvedUrls?.local[0] ?? "";
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const url = (scenario: Scenario) =>
  `${base}?${new URLSearchParams({ account: JSON.stringify(scenario.account), ...timerParams(scenario) })}`;

/** Runs the scenarios on a page broken by `breakage`; the message of each failure, by scenario name. */
const failuresOn = async (breakage: () => void, scenarios: readonly Scenario[]) => {
  const context: BrowserContext = await browser.newContext();
  await context.addInitScript(breakage);
  const page = await context.newPage();
  const failures = new Map<string, string>();
  for (const scenario of scenarios) {
    try {
      await runScenario(scenario, createPlaywrightDriver(page, { url, actionTimeoutMs: 1_000 }), {
        timeoutMs: 1_500,
      });
    } catch (error) {
      failures.set(scenario.name, error instanceof Error ? error.message : String(error));
    }
  }
  await context.close();
  console.log(
    `${failures.size} of ${scenarios.length} scenarios failed:\n${[...failures.values()].join("\n")}`,
  );
  return failures;
};

describe("the vanilla example broken on purpose", () => {
  it("without its retry button: every scenario that retries fails at its retry step", async () => {
    expect(retrying.length).toBeGreaterThan(0);
    const failures = await failuresOn(withoutRetryButton, retrying);
    for (const scenario of retrying) {
      const step = scenario.steps.findIndex((s) => s.action.type === "retry") + 1;
      expect(failures.get(scenario.name)).toBe(
        `scenario "${scenario.name}", step ${step} of ${scenario.steps.length} (retry): the action failed: ` +
          `the screen shows no [data-pims-action="retry"]`,
      );
    }
  });

  it("with a wrong attempts-left text: every scenario on code entry fails where the text is read", async () => {
    expect(counting.length).toBeGreaterThan(0);
    const failures = await failuresOn(withWrongAttemptsText, counting);
    for (const scenario of counting) {
      const step = scenario.steps.findIndex((s) => s.expect.attemptsLeft !== undefined) + 1;
      const wanted = scenario.steps[step - 1]?.expect.attemptsLeft;
      expect(failures.get(scenario.name)).toMatch(
        new RegExp(
          `^scenario ".*", step ${step} of ${scenario.steps.length} \\(.*\\): expected .*attemptsLeft ${wanted}; ` +
            `the screen shows .*attemptsLeft ${(wanted ?? 0) + 1} \\(differs in attemptsLeft\\)$`,
        ),
      );
    }
  });
});
