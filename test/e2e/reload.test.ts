import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { API_PATHS } from "../../src/http";
import { MASKED_PHONE } from "../support/fixtures";
import { type DemoPage, demoForSuite, visible } from "./support";

/**
 * A real page reload (a person pressing reload, or a mobile browser that discarded the tab) over the
 * reference server: the flow comes back where it was, with the same deadlines and attempts, and no second
 * SMS; after the handoff, or from a stored snapshot the engine refuses, it starts over without alarm.
 */

const demo = demoForSuite();

/** What the demo stored in the tab's sessionStorage, every key, as one string. */
const storage = (page: Page): Promise<string> =>
  page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(sessionStorage))));

/** The deadlines and counters of the flow's snapshot stored in the tab, `null` when none is stored. */
const storedFacts = (page: Page) =>
  page.evaluate(() => {
    const stored = sessionStorage.getItem("pims-demo.flow");
    if (stored === null) return null;
    const { context } = (JSON.parse(stored) as { snapshot: { context: Record<string, unknown> } }).snapshot;
    const { resendAvailableAt, codeExpiresAt, attemptsLeft, sendsUsed } = context;
    return { resendAvailableAt, codeExpiresAt, attemptsLeft, sendsUsed };
  });

/** Counts the SMS requests (`POST /v1/smscode`) the page sends, across reloads. */
const countSmsRequests = (page: Page) => {
  const seen = { count: 0 };
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === API_PATHS.smsCode) seen.count += 1;
  });
  return seen;
};

const toCodeScreen = async (d: DemoPage) => {
  await d.app.getByRole("button", { name: "Start", exact: true }).click();
  await visible(d.app.getByRole("heading", { name: "Enter the code" }));
  await d.smsCount(1);
};

/** The code as a token of its own: not a run of digits inside a timestamp. */
const asToken = (code: string) => new RegExp(`(?<![0-9])${code}(?![0-9])`);

describe("the demo across a page reload (over the reference server)", () => {
  it("a reload in code entry comes back to code entry with the same phone, attempts and deadlines, sends no second SMS, and the code sent before finishes the flow", async () => {
    const d = await demo.open({ backend: "http" });
    const smsRequests = countSmsRequests(d.page);
    await toCodeScreen(d);
    const code = await d.latestCode();
    const wrong = code === "000000" ? "111111" : "000000";
    await d.app.getByLabel("SMS code").fill(wrong);
    await d.app.getByRole("button", { name: "Confirm" }).click();
    await visible(d.app.getByText("2 attempts left"));
    const before = await storedFacts(d.page);

    await d.page.reload();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    expect(await d.app.textContent()).toContain(`We sent a code by SMS to ${MASKED_PHONE}.`);
    expect(await d.app.locator(".attempts").textContent()).toBe("2 attempts left");
    expect(await d.currentState()).toMatch(/^awaitingCode/);
    // The same absolute deadlines, not new ones from the moment of the reload.
    expect(before).not.toBeNull();
    expect(await storedFacts(d.page)).toEqual(before);
    // The phone still shows the one SMS: the server kept the page's session, and nothing asked for another.
    await d.smsCount(1);
    expect(smsRequests.count).toBe(1);
    // What the tab stores holds neither the code sent nor the one typed.
    const stored = await storage(d.page);
    expect(stored).not.toMatch(asToken(code));
    expect(stored).not.toMatch(asToken(wrong));

    await d.app.getByLabel("SMS code").fill(code);
    await d.app.getByRole("button", { name: "Confirm" }).click();
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    expect(await d.currentState()).toBe("handoff");
    expect(smsRequests.count).toBe(1);
    expect(d.problems).toEqual([]);
  });

  it("a reload while the SMS is being requested sends no second one: the flow comes back to code entry, for the code it may have sent", async () => {
    const d = await demo.open({ backend: "http" });
    const smsRequests = countSmsRequests(d.page);
    await d.controls.getByLabel("Latency").selectOption("1000");
    await d.app.getByRole("button", { name: "Start", exact: true }).click();
    await visible(d.app.getByRole("heading", { name: "Sending you a code by SMS…" }), 8_000);
    await expect.poll(() => smsRequests.count).toBe(1);

    await d.page.reload();
    await visible(d.app.getByLabel("SMS code"));
    expect(await d.currentState()).toBe("awaitingCode.unconfirmed");
    expect(smsRequests.count).toBe(1);
    expect(d.problems).toEqual([]);
  });

  it("a reload after the handoff starts a fresh flow", async () => {
    const d = await demo.open({ backend: "http" });
    await toCodeScreen(d);
    await d.app.getByLabel("SMS code").fill(await d.latestCode());
    await d.app.getByRole("button", { name: "Confirm" }).click();
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));

    await d.page.reload();
    await visible(d.app.getByRole("button", { name: "Start", exact: true }));
    expect(await d.currentState()).toBe("idle");
    // A fresh simulated account: the SMS of the finished flow is gone from the phone.
    await d.smsCount(0);
    expect(d.problems).toEqual([]);
  });

  it("a stored snapshot the engine refuses starts a fresh flow, with no error on the page", async () => {
    const d = await demo.open({ backend: "http" });
    await toCodeScreen(d);
    await d.page.evaluate(() => {
      const stored = JSON.parse(sessionStorage.getItem("pims-demo.flow") ?? "null") as {
        snapshot: Record<string, unknown>;
      } | null;
      if (stored === null) throw new Error("the demo stored no flow to corrupt");
      stored.snapshot = { ...stored.snapshot, value: "noSuchState" };
      sessionStorage.setItem("pims-demo.flow", JSON.stringify(stored));
    });
    const warnings: string[] = [];
    d.page.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
    });

    await d.page.reload();
    await visible(d.app.getByRole("button", { name: "Start", exact: true }));
    expect(await d.currentState()).toBe("idle");
    expect(await d.page.getByRole("alert").count()).toBe(0);
    // Said to the developer, in the console only.
    await expect.poll(() => warnings.join("\n")).toMatch(/could not be restored/);
    // On a fresh simulated account too: the interrupted flow's SMS is gone from the phone.
    await d.smsCount(0);
    expect(d.problems).toEqual([]);
  });

  it("stored text that is not JSON starts a fresh flow, with no error on the page", async () => {
    const d = await demo.open({ backend: "http" });
    await d.page.evaluate(() => sessionStorage.setItem("pims-demo.flow", "{not json"));

    await d.page.reload();
    await visible(d.app.getByRole("button", { name: "Start", exact: true }));
    expect(await d.currentState()).toBe("idle");
    expect(await d.page.getByRole("alert").count()).toBe(0);
    expect(d.problems).toEqual([]);
  });

  it("a new visit in the same tab (the address opened again, not reloaded) starts a fresh flow", async () => {
    const d = await demo.open({ backend: "http" });
    await toCodeScreen(d);
    await d.page.goto(d.page.url());
    await visible(d.app.getByRole("button", { name: "Start", exact: true }));
    expect(await d.currentState()).toBe("idle");
    await d.smsCount(0);
    expect(d.problems).toEqual([]);
  });
});

describe("the demo across a page reload (simulator in the page)", () => {
  it("the simulator in the page keeps no SMS code across a reload: the flow starts over, and the page says so without alarm", async () => {
    const d = await demo.open({ backend: "embedded" });
    await toCodeScreen(d);
    await d.page.reload();
    await visible(d.app.getByRole("button", { name: "Start", exact: true }));
    expect(await d.currentState()).toBe("idle");
    const notice = d.page.getByRole("status").filter({ hasText: "The page was reloaded" });
    expect(await notice.textContent()).toContain("?backend=http");
    expect(await d.page.getByRole("alert").count()).toBe(0);
    await d.smsCount(0);
    await d.axe("started over after a reload, simulator in the page");
    expect(d.problems).toEqual([]);
  });
});
