import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import type { PluginOption, ViteDevServer } from "vite";
import { afterAll, beforeAll, describe } from "vitest";
import { generateScenarios, type Scenario } from "../../src/testing";
import { describeScenariosInBrowser, timerParams } from "./scenario-support";
import { launchBrowser } from "./support";

// The examples in other frameworks, in Chromium, each on the subset of the generated scenarios that
// takes every transition the whole set takes (smaller than the React demo's, which also reaches every
// state and pair).
const scenarios = generateScenarios({ cover: ["transitions"] });

/** An example served by Vite's dev server, and a page of Chromium on it. */
const example = (name: string, plugins: () => Promise<PluginOption[]>) => {
  let server: ViteDevServer;
  let browser: Browser;
  let page: Page;
  let base = "";
  beforeAll(async () => {
    const { createServer } = await import("vite");
    server = await createServer({
      root: fileURLToPath(new URL(`../../examples/${name}`, import.meta.url)),
      configFile: false,
      logLevel: "warn",
      plugins: await plugins(),
      server: { host: "127.0.0.1", port: 0 },
    });
    await server.listen();
    base = server.resolvedUrls?.local[0] ?? "";
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const url = (scenario: Scenario) =>
    `${base}?${new URLSearchParams({ account: JSON.stringify(scenario.account), ...timerParams(scenario) })}`;
  describeScenariosInBrowser(
    `generated scenarios on the ${name} example in Chromium`,
    scenarios,
    () => page,
    url,
  );
};

describe("the vanilla example (actor.subscribe + toViewModel, plain DOM)", () => {
  example("vanilla", async () => []);
});

describe("the Vue example (@xstate/vue)", () => {
  example("vue", async () => [(await import("@vitejs/plugin-vue")).default()]);
});

describe("the Svelte example (@xstate/svelte)", () => {
  example("svelte", async () => [(await import("@sveltejs/vite-plugin-svelte")).svelte()]);
});
