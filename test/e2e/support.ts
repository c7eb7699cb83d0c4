import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { type DemoServer, startDemoServer } from "../../examples/web/server";

/** Debian's Chromium (CI installs it with apt-get); never a downloaded browser. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });

export const SCREENSHOTS = "test-results/screenshots";
/** One JSON line per screen checked by axe-core: `{ screen, violations, passes, incomplete }`. */
export const AXE_RESULTS = "test-results/axe/results.jsonl";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeSummary {
  readonly violations: readonly string[];
  readonly passes: number;
  readonly incomplete: number;
}

/**
 * Runs axe-core (its default rules: WCAG 2.x A and AA, and best practices) on the whole page as it is now,
 * records the result under `screen`, and expects no violation. The script is evaluated through the
 * DevTools protocol, which the page's Content-Security-Policy does not govern.
 */
export const expectAccessible = async (page: Page, screen: string): Promise<void> => {
  await page.evaluate(axeSource);
  const summary = await page.evaluate(async (): Promise<AxeSummary> => {
    type Axe = {
      run(context: Document): Promise<{
        violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
        passes: unknown[];
        incomplete: unknown[];
      }>;
    };
    const result = await (window as unknown as { axe: Axe }).axe.run(document);
    return {
      violations: result.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`,
      ),
      passes: result.passes.length,
      incomplete: result.incomplete.length,
    };
  });
  mkdirSync("test-results/axe", { recursive: true });
  appendFileSync(AXE_RESULTS, `${JSON.stringify({ screen, ...summary })}\n`);
  expect(summary.violations, `axe-core on "${screen}"`).toEqual([]);
};

/** Waits until the locator shows (Playwright's own `expect` is not used: vitest runs these tests). */
export const visible = (locator: Locator, timeout = 5_000): Promise<void> =>
  locator.first().waitFor({ state: "visible", timeout });

/** The id, or else the text, of the focused element. */
export const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "(body)";
    return element.id !== ""
      ? `#${element.id}`
      : `${element.tagName.toLowerCase()}: ${element.textContent?.trim()}`;
  });

export interface Demo {
  readonly server: DemoServer;
  readonly browser: Browser;
  /**
   * A new tab (its own browser context, so its own server session) on the demo with these URL params;
   * `prepare` runs on the context before the page loads (init scripts, permissions).
   */
  open(
    params?: Record<string, string>,
    prepare?: (context: BrowserContext) => Promise<unknown>,
    /** Default 1,360 × 900. */
    viewport?: { width: number; height: number },
  ): Promise<DemoPage>;
  close(): Promise<void>;
}

/** The demo served as `npm start` serves it (the page built by the global setup), on a free port. */
export const startDemo = async (): Promise<Demo> => {
  const server = await startDemoServer({ port: 0 });
  const browser = await launchBrowser();
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    async open(params = {}, prepare, viewport = { width: 1360, height: 900 }) {
      const context = await browser.newContext({ viewport });
      contexts.push(context);
      await prepare?.(context);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("console", (message) => {
        // The browser logs every refused request (a 422 refusal, a dropped connection); the flow expects them.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
          problems.push(`console error: ${message.text()}`);
        }
      });
      const query = new URLSearchParams(params).toString();
      await page.goto(`${server.url}/${query === "" ? "" : `?${query}`}`);
      await page.getByRole("heading", { level: 3 }).first().waitFor();
      return demoPage(page, problems);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
};

/**
 * The demo for the tests of the file or `describe` this is called in: started before them, closed after
 * them. Read through the handle it returns, which reaches the demo once `beforeAll` has started it.
 */
export const demoForSuite = (): Demo => {
  let started: Demo | undefined;
  beforeAll(async () => {
    started = await startDemo();
  });
  afterAll(async () => {
    await started?.close();
  });
  const demo = (): Demo => {
    if (started === undefined) throw new Error("the demo is read before beforeAll started it");
    return started;
  };
  return {
    get server() {
      return demo().server;
    },
    get browser() {
      return demo().browser;
    },
    open: (...args) => demo().open(...args),
    close: () => demo().close(),
  };
};

/** The viewports the layout is checked at: a desktop browser, and a phone held upright. */
export const VIEWPORTS = {
  desktop: { width: 1400, height: 1000 },
  phone: { width: 390, height: 844 },
} as const;

export interface DemoPage {
  readonly page: Page;
  /** Console and page errors seen so far (the tests expect none, unless they cause one). */
  readonly problems: string[];
  /** The enrollment app's panel. */
  readonly app: Locator;
  /** The simulated phone's panel. */
  readonly phone: Locator;
  readonly statechart: Locator;
  readonly controls: Locator;
  /** The latest SMS code on the simulated phone, read from the message text as a person would. */
  latestCode(): Promise<string>;
  /** Waits until the phone shows `count` SMS. */
  smsCount(count: number): Promise<void>;
  /** The highlighted state of the live statechart (`awaitingCode.editing`, `handoff`, …). */
  currentState(): Promise<string>;
  /** Arms a fault from the panel for the next `times` calls (default 1), and waits until it is listed as armed. */
  injectFault(operation: string, code: number, times?: number): Promise<void>;
  screenshot(name: string): Promise<void>;
  /** axe-core on the page as it is now: no violation (see `expectAccessible`). */
  axe(screen: string): Promise<void>;
}

const demoPage = (page: Page, problems: string[]): DemoPage => {
  const app = page.getByRole("region", {
    name: /your app|votre application|ihre app|la tua app|tu aplicación/i,
  });
  const phone = page.locator("section.phone");
  const statechart = page.getByRole("region", { name: "Live statechart" });
  const controls = page.getByRole("region", { name: "Simulator controls" });
  return {
    page,
    problems,
    app,
    phone,
    statechart,
    controls,
    async latestCode() {
      const text = await phone.locator(".sms.latest .sms-text").textContent();
      const code = /\b([0-9]{4,10})\b/.exec(text ?? "")?.[1];
      expect(code, `an SMS code in "${text}"`).toBeDefined();
      return code as string;
    },
    async smsCount(count) {
      await expect.poll(() => phone.locator(".sms").count()).toBe(count);
    },
    async currentState() {
      return (await statechart.locator(".current code").textContent()) ?? "";
    },
    async injectFault(operation, code, times = 1) {
      await controls.getByLabel("Operation").selectOption(operation);
      await controls.getByLabel("Error code").selectOption(String(code));
      await controls.getByLabel("How many calls").fill(String(times));
      const armed = controls.locator(
        `.fault-list li[data-operation="${operation}"][data-code="${code}"][data-fault-state="armed"]`,
      );
      const before = await armed.count();
      await controls
        .getByRole("button", {
          name: times === 1 ? `Fail next ${operation}` : `Fail the next ${times} ${operation}`,
        })
        .click();
      await expect.poll(() => armed.count()).toBe(before + times);
    },
    async screenshot(name) {
      await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
    },
    axe: (screen) => expectAccessible(page, screen),
  };
};

export interface ExampleServer {
  /** The example's page, ending in `/`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * An example of `examples/` served by Vite's dev server as `npx vite examples/<name>` serves it (with its
 * own `vite.config.ts` where it has one), on a free port.
 */
export const serveExample = async (name: "vanilla" | "vue" | "svelte"): Promise<ExampleServer> => {
  const { createServer } = await import("vite");
  const root = fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
  const config = `${root}/vite.config.ts`;
  const server = await createServer({
    root,
    configFile: existsSync(config) ? config : false,
    logLevel: "warn",
    server: { host: "127.0.0.1", port: 0 },
  });
  await server.listen();
  return { url: server.resolvedUrls?.local[0] ?? "", close: () => server.close() };
};

export interface ExampleTab {
  readonly page: Page;
  /** The page errors seen so far (the tests expect none). */
  readonly errors: string[];
}

export interface ExampleSuite {
  /** The example's page, ending in `/`. */
  readonly url: string;
  readonly browser: Browser;
  /**
   * A new tab (its own browser context) on the example's page with `query` (`?lang=fr`, or ""), its
   * page errors recorded; `prepare` runs on the context before the page loads (init scripts).
   */
  open(query?: string, prepare?: (context: BrowserContext) => Promise<unknown>): Promise<ExampleTab>;
}

/**
 * An example served and Chromium launched for the tests of the file or `describe` this is called in:
 * both started before them and closed after them, with every tab `open` made.
 */
export const exampleForSuite = (name: "vanilla" | "vue" | "svelte"): ExampleSuite => {
  let example: ExampleServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    example = await serveExample(name);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await example?.close();
  });
  const started = () => {
    if (example === undefined || browser === undefined) {
      throw new Error(`the ${name} example is read before beforeAll started it`);
    }
    return { example, browser };
  };
  return {
    get url() {
      return started().example.url;
    },
    get browser() {
      return started().browser;
    },
    async open(query = "", prepare) {
      const context = await started().browser.newContext();
      contexts.push(context);
      await prepare?.(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`${started().example.url}${query}`);
      return { page, errors };
    },
  };
};
