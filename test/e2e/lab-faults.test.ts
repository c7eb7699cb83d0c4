import { describe, expect, it } from "vitest";
import { type DemoPage, demoForSuite, visible } from "./support";

const demo = demoForSuite();

const API_PATH = {
  "trustedphonenumber.get": "GET /v1/trustedphonenumber",
  "smscode.get": "POST /v1/smscode",
  "smscode.set": "POST /v1/smscode/validation",
} as const;
type Operation = keyof typeof API_PATH;

/** The API requests the page sent, as `METHOD /path`, from the moment this is called. */
const recordRequests = (d: DemoPage): string[] => {
  const sent: string[] = [];
  d.page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith("/v1/")) sent.push(`${request.method()} ${path}`);
  });
  return sent;
};

/** The faults of the panel's list: state, operation, code and the call it hit. */
const faultList = (d: DemoPage) =>
  d.controls.locator(".fault-list li").evaluateAll((items) =>
    items.map((item) => ({
      state: item.getAttribute("data-fault-state"),
      operation: item.getAttribute("data-operation"),
      code: Number(item.getAttribute("data-code")),
      hit: item.querySelector(".fault-hit")?.textContent?.trim() ?? null,
    })),
  );

/** Brings the flow to the step that makes the operation's call, with the fault armed just before it. */
const reachWithFault = async (d: DemoPage, operation: Operation, code: number) => {
  if (operation !== "smscode.set") {
    await d.injectFault(operation, code);
    await d.app.getByRole("button", { name: "Start" }).click();
    return;
  }
  await d.app.getByRole("button", { name: "Start" }).click();
  await visible(d.app.getByRole("heading", { name: "Enter the code" }));
  await d.smsCount(1);
  await d.injectFault(operation, code);
  await d.app.getByLabel("SMS code").fill(await d.latestCode());
  await d.app.getByRole("button", { name: "Confirm" }).click();
};

const alertCode = async (d: DemoPage) => {
  const alert = d.app.getByRole("alert");
  await visible(alert, 8_000);
  return alert.getAttribute("data-code");
};

/**
 * The screen each operation's failure documents (spec §3): a step waits in `offline` (2202) or `stalled`
 * (2201) with Try again; the validation does so too, holding the code the user typed to send it again.
 */
const SCREEN: Record<Operation, { readonly 2201: string; readonly 2202: string }> = {
  "trustedphonenumber.get": { 2201: "checkingTrustedPhone.stalled", 2202: "checkingTrustedPhone.offline" },
  "smscode.get": { 2201: "requestingCode.stalled", 2202: "requestingCode.offline" },
  "smscode.set": { 2201: "validatingCode.stalled", 2202: "validatingCode.offline" },
};

const OPERATIONS = Object.keys(API_PATH) as Operation[];

/** The panel's list as it must read once every one of these faults has fired, each hit matching its pattern. */
const fired = (...faults: { operation: string; code: number; hit: RegExp }[]) =>
  faults.map(({ operation, code, hit }) => ({
    state: "fired",
    operation,
    code,
    hit: expect.stringMatching(hit),
  }));

describe("the fault panel over the reference server (HTTP)", () => {
  it.each(OPERATIONS)(
    "a 2202 armed on %s fails it in the page, never sent, and shows the offline screen",
    async (operation) => {
      const d = await demo.open();
      const sent = recordRequests(d);
      expect(await d.controls.getByTestId("backend").textContent()).toBe("reference server over HTTP");
      await reachWithFault(d, operation, 2202);

      expect(await alertCode(d)).toBe("2202");
      expect(await d.app.getByRole("alert").textContent()).toContain(
        "You are offline. We will continue as soon as you are back online.",
      );
      expect(await d.currentState()).toBe(SCREEN[operation][2202]);
      // Decided in the page's transport: the request of that operation never left the page.
      expect(sent.filter((request) => request === API_PATH[operation])).toEqual([]);
      await expect.poll(() => faultList(d)).toEqual(fired({ operation, code: 2202, hit: /never sent/ }));
      expect(d.problems).toEqual([]);
    },
  );

  it.each(OPERATIONS)(
    "a 2201 armed on %s holds the answer back until the request timeout, then shows its screen",
    async (operation) => {
      const d = await demo.open({ timeout: "2" });
      const sent = recordRequests(d);
      expect(await d.controls.getByTestId("request-timeout").textContent()).toBe("Request timeout: 2 s");
      await reachWithFault(d, operation, 2201);
      const started = Date.now();

      expect(await alertCode(d)).toBe("2201");
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
      expect(await d.currentState()).toBe(SCREEN[operation][2201]);
      // The request left: the server received it and never answered.
      expect(sent.filter((request) => request === API_PATH[operation]).length).toBe(1);
      await expect
        .poll(() => faultList(d))
        .toEqual(fired({ operation, code: 2201, hit: new RegExp(`^on ${operation}, call \\d+ at `) }));
      expect(d.problems).toEqual([]);
    },
  );

  it("lists a fault armed for two calls as armed, then each as fired by the call it failed, as the user retries", async () => {
    const d = await demo.open();
    await d.injectFault("trustedphonenumber.get", 2204, 2);
    expect(await faultList(d)).toEqual([
      { state: "armed", operation: "trustedphonenumber.get", code: 2204, hit: null },
      { state: "armed", operation: "trustedphonenumber.get", code: 2204, hit: null },
    ]);

    await d.app.getByRole("button", { name: "Start" }).click();
    expect(await alertCode(d)).toBe("2204");
    expect(await d.currentState()).toBe("checkingTrustedPhone.stalled");
    await expect
      .poll(() => faultList(d))
      .toEqual([
        ...fired({
          operation: "trustedphonenumber.get",
          code: 2204,
          hit: /^on trustedphonenumber\.get, call 3 at /,
        }),
        { state: "armed", operation: "trustedphonenumber.get", code: 2204, hit: null },
      ]);

    await d.app.getByRole("button", { name: "Try again" }).click();
    await expect
      .poll(() => faultList(d))
      .toEqual(
        fired(
          { operation: "trustedphonenumber.get", code: 2204, hit: /call 3 at / },
          { operation: "trustedphonenumber.get", code: 2204, hit: /call 4 at / },
        ),
      );
    expect(await d.currentState()).toBe("checkingTrustedPhone.stalled");
    await d.screenshot("lab-01-faults-armed-and-fired");

    await d.app.getByRole("button", { name: "Try again" }).click();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    expect(d.problems).toEqual([]);
  });

  it("explains the 2316 the flow recovers from by itself, beside the fault that fired", async () => {
    const d = await demo.open();
    await d.app.getByRole("button", { name: "Start" }).click();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    await d.smsCount(1);
    await d.controls.getByLabel("Operation").selectOption("smscode.set");
    await d.controls.getByLabel("Error code").selectOption("2316");
    expect(await d.controls.getByTestId("decider").textContent()).toContain(
      "the flow synchronises again by itself and reaches the handoff",
    );
    await d.injectFault("smscode.set", 2316);
    await d.app.getByLabel("SMS code").fill(await d.latestCode());
    await d.app.getByRole("button", { name: "Confirm" }).click();

    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    await expect
      .poll(() => faultList(d))
      .toEqual(fired({ operation: "smscode.set", code: 2316, hit: /^on token\.activationFinalize at / }));
    expect(await d.controls.locator(".fault-note").textContent()).toBe(
      "The code was accepted; only the token's post-synchronisation failed. The flow retried it by itself (synchronizing) without a new code.",
    );
    await d.screenshot("lab-02-2316-recovered");
    expect(d.problems).toEqual([]);
  });
});

describe("the fault panel on the embedded simulator", () => {
  it("fails the SMS request with 2202 in the page and lists it as fired by the simulator", async () => {
    const d = await demo.open({ backend: "embedded" });
    const sent = recordRequests(d);
    await reachWithFault(d, "smscode.get", 2202);
    expect(await alertCode(d)).toBe("2202");
    expect(await d.currentState()).toBe("requestingCode.offline");
    await expect
      .poll(() => faultList(d))
      .toEqual(fired({ operation: "smscode.get", code: 2202, hit: /^on smscode\.get, call 4 at / }));
    await d.app.getByRole("button", { name: "Try again" }).click();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    expect(sent).toEqual([]);
    expect(d.problems).toEqual([]);
  });
});
