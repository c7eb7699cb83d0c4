import { describe, expect, it } from "vitest";
import { createPlaywrightDriver, type PlaywrightPage, type ScenarioAction } from "../../src/testing";

/**
 * A page without a DOM: `evaluate` runs the driver's expression against a window that holds only the
 * hook given, so that what the driver asks of `window.pimsSimulator` can be read back.
 */
const pageWith = (hook: Record<string, (...args: unknown[]) => unknown>): PlaywrightPage => {
  const window = { pimsSimulator: hook };
  const requestAnimationFrame = (callback: () => void) => callback();
  return {
    goto: async () => undefined,
    locator: () => {
      throw new Error("this page has no DOM");
    },
    evaluate: async <R>(expression: string) =>
      // The driver's own expressions, run against the stand-in window.
      new Function("window", "requestAnimationFrame", `return (${expression});`)(
        window,
        requestAnimationFrame,
      ) as R,
    waitForTimeout: async () => undefined,
  };
};

/** A hook that records each call, by name and arguments. */
const recordingHook = (names: readonly string[]) => {
  const calls: unknown[][] = [];
  const hook = Object.fromEntries(
    names.map((name) => [name, (...args: unknown[]) => calls.push([name, ...args])]),
  );
  return { hook, calls };
};

const driverOn = (hook: Record<string, (...args: unknown[]) => unknown>) =>
  createPlaywrightDriver(pageWith(hook), { url: () => "about:blank" });

describe("the Playwright driver's page hooks", () => {
  it("passes failNext's `after` to the page's failNext, and nothing more when there is none", async () => {
    const { hook, calls } = recordingHook(["failNext"]);
    const driver = driverOn(hook);
    await driver.perform({ type: "failNext", operation: "account.get", code: 2001, after: 1 });
    await driver.perform({ type: "failNext", operation: "smscode.get", code: 2204 });
    expect(calls).toEqual([
      ["failNext", "account.get", 2001, { after: 1 }],
      ["failNext", "smscode.get", 2204],
    ]);
  });

  it("calls the page's holdNext, relaunch, misconfigure and throwNext for those actions", async () => {
    const { hook, calls } = recordingHook(["holdNext", "relaunch", "misconfigure", "throwNext"]);
    const driver = driverOn(hook);
    const actions: ScenarioAction[] = [
      { type: "holdNext", operation: "smscode.get" },
      { type: "relaunch" },
      { type: "misconfigure" },
      { type: "throwNext", call: "account.get", after: 1 },
      { type: "throwNext", call: "initialize" },
    ];
    for (const action of actions) await driver.perform(action);
    expect(calls).toEqual([
      ["holdNext", "smscode.get"],
      ["relaunch"],
      ["misconfigure"],
      ["throwNext", "account.get", 1],
      ["throwNext", "initialize"],
    ]);
  });

  it("fails an action whose hook the page leaves out, saying which", async () => {
    const driver = driverOn(recordingHook(["failNext", "setOffline", "lastCode"]).hook);
    await expect(driver.perform({ type: "relaunch" })).rejects.toThrow(
      "the page's window.pimsSimulator has no relaunch",
    );
    await expect(driver.perform({ type: "holdNext", operation: "smscode.set" })).rejects.toThrow(
      "the page's window.pimsSimulator has no holdNext",
    );
  });
});
