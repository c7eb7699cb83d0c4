import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { noticeFor } from "../../src";
import { exampleForSuite, visible } from "./support";
import { answerOtp, otpCalls, stubWebOtp } from "./webotp";

// The vanilla, Vue and Svelte examples as a person lives them (issue 15), in Chromium: copy that matches
// the state, countdowns announced at the moments that matter, and SMS autofill (WebOTP, with a stubbed
// navigator.credentials) in the Vue and Svelte examples (the vanilla one's is in vanilla.test.ts).
const start = async (page: Page) => {
  await page.getByRole("button", { name: "Start" }).click();
};

describe.each(["vanilla", "vue", "svelte"] as const)("the %s example as a person lives it", (name) => {
  const example = exampleForSuite(name);
  it('a stalled SMS request is headed "On hold", not "Please wait…": nothing is being sent', async () => {
    const { page, errors } = await example.open();
    await page.evaluate("window.pimsSimulator.failNext('smscode.get', 2204)");
    await start(page);
    await expect.poll(() => page.locator("[data-pims-error]").getAttribute("data-pims-error")).toBe("2204");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("On hold");
    await page.getByRole("button", { name: "Try again" }).click();
    await visible(page.getByRole("heading", { name: "Enter the code" }));
    expect(errors).toEqual([]);
  });

  it("offline during the SMS request, the heading says the flow is on hold, and back online it carries on", async () => {
    const { page, errors } = await example.open();
    await page.evaluate("window.pimsSimulator.setOffline(true)");
    await start(page);
    await expect.poll(() => page.locator("[data-pims-error]").getAttribute("data-pims-error")).toBe("2202");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("On hold");
    await page.evaluate("window.pimsSimulator.setOffline(false)");
    await visible(page.getByRole("heading", { name: "Enter the code" }));
    expect(errors).toEqual([]);
  });

  it("code entry says the code was sent, and announces when a new code may be asked for", async () => {
    const { page, errors } = await example.open("?cooldown=1");
    await start(page);
    await visible(page.getByRole("heading", { name: "Enter the code" }));
    expect(await page.locator("main").textContent()).toContain(noticeFor("codeSent", "en", "06••••••78"));
    await expect
      .poll(() => page.getByRole("status").allTextContents(), { timeout: 4_000 })
      .toContain(noticeFor("resendAvailable", "en", null));
    expect(errors).toEqual([]);
  });
});

describe.each(["vue", "svelte"] as const)("the %s example's SMS autofill", (name) => {
  const example = exampleForSuite(name);
  /** A new tab with the stub on the example, at code entry. */
  const toCodeEntry = async (query = "") => {
    const { page, errors } = await example.open(query, stubWebOtp);
    await start(page);
    await visible(page.getByRole("heading", { name: "Enter the code" }));
    return { page, errors };
  };

  it("asks WebOTP in code entry and submits the code it returns through to the handoff", async () => {
    const { page, errors } = await toCodeEntry();
    await expect.poll(() => otpCalls(page)).toEqual([{ transport: ["sms"], signal: true, aborted: false }]);
    const code = await page.evaluate<string>("window.pimsSimulator.lastCode()");
    await answerOtp(page, code);
    await visible(page.getByRole("heading", { name: "Phone number confirmed" }));
    expect(errors).toEqual([]);
  });

  it("leaving code entry (Cancel) aborts the WebOTP request", async () => {
    const { page, errors } = await toCodeEntry();
    await expect.poll(() => otpCalls(page)).toHaveLength(1);
    await page.getByRole("button", { name: "Cancel" }).click();
    await visible(page.getByRole("heading", { name: "Enrollment cancelled" }));
    expect(await otpCalls(page)).toEqual([{ transport: ["sms"], signal: true, aborted: true }]);
    expect(errors).toEqual([]);
  });

  it("with ?autofill=off never asks, from code entry to the handoff", async () => {
    const { page, errors } = await toCodeEntry("?autofill=off");
    const code = await page.evaluate<string>("window.pimsSimulator.lastCode()");
    await page.getByLabel("SMS code").fill(code);
    await page.getByRole("button", { name: "Confirm" }).click();
    await visible(page.getByRole("heading", { name: "Phone number confirmed" }));
    expect(await otpCalls(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
