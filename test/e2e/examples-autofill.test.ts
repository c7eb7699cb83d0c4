import { describe, expect, it } from "vitest";
import { exampleForSuite, visible } from "./support";
import { answerOtp, otpCalls, stubWebOtp } from "./webotp";

// SMS autofill (WebOTP) in the Vue and Svelte examples, in Chromium with a stubbed navigator.credentials:
// asked for in code entry, its code submitted, aborted on leaving code entry, never asked with ?autofill=off.
describe.each(["vue", "svelte"] as const)("the %s example's SMS autofill", (name) => {
  const example = exampleForSuite(name);

  /** A new tab with the stub on the example, at code entry. */
  const toCodeEntry = async (query = "") => {
    const { page, errors } = await example.open(query, stubWebOtp);
    await page.getByRole("button", { name: "Start" }).click();
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
