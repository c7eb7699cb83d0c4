import type { ErrorCode, Operation } from "../errors/index.js";
import type { FailNextOptions } from "../services/simulator/types.js";
import { typedCode } from "./codes.js";
import { readScreen, selectors } from "./dom.js";
import type { Driver, FacadeCall, Scenario, ScenarioAction, ScreenReading } from "./types.js";

/**
 * What a page under a browser driver exposes as `window.pimsSimulator`: the simulator its UI runs on.
 * `setOffline` takes the page's network down or up as the app sees it: the simulator answers 2202, and
 * the flow hears `network.offline` (or `network.online`).
 */
export interface PageSimulator {
  /** `options.after` only in the scenarios of the `failNextAfter` kind. */
  failNext(operation: Operation, code: ErrorCode, options?: FailNextOptions): unknown;
  setOffline(offline: boolean): unknown;
  /** The code of the latest SMS the simulator sent, `null` before the first. */
  lastCode(): string | null | Promise<string | null>;
  /**
   * Optional, for the scenarios that use them (`generateScenarios({ actions })` leaves them out for a page
   * without): the next call of `operation` reaches the simulator, its answer never reaches the flow.
   */
  holdNext?(operation: Operation): unknown;
  /** The app killed and launched again, in the page: its flow restored from its persisted snapshot. */
  relaunch?(): unknown;
  /** Before `start`: the app's config made one `initialize` refuses. */
  misconfigure?(): unknown;
  /** The engine's next `call` of its facade throws (after `after` more). */
  throwNext?(call: FacadeCall, after?: number): unknown;
}

/** The part of a Playwright locator the driver uses. */
export interface PlaywrightLocator {
  first(): PlaywrightLocator;
  count(): Promise<number>;
  click(options?: { timeout?: number }): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  waitFor(options?: {
    state?: "attached" | "detached" | "visible" | "hidden";
    timeout?: number;
  }): Promise<void>;
}

/** The part of Playwright's `Page` the driver uses (from playwright, playwright-core or @playwright/test). */
export interface PlaywrightPage {
  goto(url: string): Promise<unknown>;
  locator(selector: string): PlaywrightLocator;
  evaluate<R>(expression: string): Promise<R>;
  waitForTimeout(timeout: number): Promise<void>;
}

/** `createPlaywrightDriver`'s options. */
export interface PlaywrightDriverOptions {
  /**
   * The page's address for a scenario: there the page starts its simulator on `scenario.account` and its
   * flow with `scenario.timers`, and exposes the simulator as `window.pimsSimulator`.
   */
  readonly url: (scenario: Scenario) => string;
  /** How long an action waits for its element to show and be enabled, and a page to load; default 3 s. */
  readonly actionTimeoutMs?: number;
}

const HOOK = "window.pimsSimulator";
/** One frame and one task: what a click set off has rendered. */
const NEXT_FRAME = "new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))";

/**
 * A driver for a page in a real browser that follows the documented data attributes (`data-pims-step`,
 * `data-pims-phase`, `data-pims-error`, `data-pims-attempts-left`, `data-pims-field="code"`,
 * `data-pims-action="start" | "submit" | "resend" | "retry" | "cancel"`) and exposes its simulator as
 * `window.pimsSimulator`. It clicks and types as a person does: an action whose element does not show, or
 * stays disabled, fails.
 */
export const createPlaywrightDriver = (page: PlaywrightPage, options: PlaywrightDriverOptions): Driver => {
  const timeout = options.actionTimeoutMs ?? 3_000;

  const simulator = async <R>(call: string): Promise<R> => {
    try {
      return await page.evaluate<R>(`${HOOK}.${call}`);
    } catch (error) {
      throw new Error(
        `${HOOK}.${call} failed in the page: ${error instanceof Error ? error.message : error}`,
      );
    }
  };

  /** A hook a page may leave out: the action fails saying so. */
  const optional = async (name: string, args: string) => {
    if (!(await page.evaluate<boolean>(`typeof ${HOOK}.${name} === "function"`)))
      throw new Error(`the page's ${HOOK} has no ${name}`);
    await simulator(`${name}${args}`);
  };

  const shown = async (selector: string) => {
    const target = page.locator(`${selector}:visible`).first();
    if ((await target.count()) === 0) throw new Error(`the screen shows no ${selector}`);
    return target;
  };
  const click = async (name: string) => (await shown(selectors.action(name))).click({ timeout });

  const typeCode = async (code: string) => {
    await (await shown(selectors.codeField)).fill(code, { timeout });
    await click("submit");
  };

  const perform = async (action: ScenarioAction): Promise<void> => {
    switch (action.type) {
      case "start":
      case "resend":
      case "retry":
      case "cancel":
        await click(action.type);
        break;
      case "typeCode":
        await typeCode(typedCode(action.code, await simulator<string | null>("lastCode()")));
        break;
      case "goOffline":
      case "goOnline":
        await simulator(`setOffline(${action.type === "goOffline"})`);
        break;
      case "wait":
        await page.waitForTimeout(action.ms);
        break;
      case "failNext":
        await simulator(
          action.after === undefined
            ? `failNext(${JSON.stringify(action.operation)}, ${action.code})`
            : `failNext(${JSON.stringify(action.operation)}, ${action.code}, { after: ${action.after} })`,
        );
        break;
      case "holdNext":
        await optional("holdNext", `(${JSON.stringify(action.operation)})`);
        break;
      case "relaunch":
      case "misconfigure":
        await optional(action.type, "()");
        break;
      case "throwNext":
        await optional(
          "throwNext",
          action.after === undefined
            ? `(${JSON.stringify(action.call)})`
            : `(${JSON.stringify(action.call)}, ${action.after})`,
        );
        break;
    }
    await page.evaluate(NEXT_FRAME);
  };

  return {
    async open(scenario) {
      await page.goto(options.url(scenario));
      await page.locator(selectors.step).first().waitFor({ state: "attached", timeout });
      const deadline = Date.now() + timeout;
      while (!(await page.evaluate<boolean>(`typeof ${HOOK} === "object" && ${HOOK} !== null`))) {
        if (Date.now() > deadline) throw new Error(`the page at ${options.url(scenario)} exposes no ${HOOK}`);
        await page.waitForTimeout(20);
      }
    },
    perform,
    read: () => page.evaluate<ScreenReading>(`(${readScreen.toString()})(document)`),
    async close() {},
  };
};
