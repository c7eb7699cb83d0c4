import { describe, expect, it } from "vitest";
import { MASKED_PHONE } from "../support/fixtures";
import { type DemoPage, demoForSuite, visible } from "./support";

const demo = demoForSuite();

/** Start, then wait for the code screen; the phone has received `sms` messages. */
const startFlow = async (d: DemoPage) => {
  await d.app.getByRole("button", { name: "Start" }).click();
  await visible(d.app.getByRole("heading", { name: "Enter the code" }));
  await d.smsCount(1);
};

describe("the demo on the reference server", () => {
  it("takes the user from Start to the handoff with the code read on the simulated phone", async () => {
    const d = await demo.open();
    expect(await d.controls.getByTestId("backend").textContent()).toBe("reference server over HTTP");
    await d.axe("01-idle");
    await d.screenshot("01-idle");

    await startFlow(d);
    expect(await d.app.textContent()).toContain(`We sent a code by SMS to ${MASKED_PHONE}.`);
    expect(await d.currentState()).toBe("awaitingCode.editing");
    await d.axe("02-code-entry-with-sms");
    await d.screenshot("02-code-entry-with-sms");

    await d.app.getByLabel("SMS code").fill(await d.latestCode());
    await d.app.getByRole("button", { name: "Confirm" }).click();

    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    expect(await d.app.textContent()).toContain("Next: choose a PIN for this device.");
    expect(await d.currentState()).toBe("handoff");
    await d.app.getByText("What the app calls next").click();
    const output = JSON.parse((await d.app.locator("pre").textContent()) ?? "null");
    expect(output).toEqual({
      outcome: "handoff",
      status: "NotEnrolled",
      next: { api: "pims.authentication.enrollment", action: "enroll", pin: "new" },
    });
    await d.axe("03-handoff-new-pin");
    await d.screenshot("03-handoff-new-pin");
    expect(d.problems).toEqual([]);
  });

  it("keeps the user on the code screen with one attempt less after a wrong code, then accepts the right one", async () => {
    const d = await demo.open();
    await startFlow(d);
    const code = await d.latestCode();
    const wrong = code === "000000" ? "111111" : "000000";
    const field = d.app.getByLabel("SMS code");

    await field.fill(wrong);
    await field.press("Enter");
    const alert = d.app.getByRole("alert");
    await visible(alert);
    expect(await alert.textContent()).toContain("This code is not correct. Check the SMS and try again.");
    expect(await alert.getAttribute("data-code")).toBe("2305");
    expect(await d.app.locator(".attempts").textContent()).toBe("2 attempts left");
    expect(await d.currentState()).toBe("awaitingCode.rejected");
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await d.axe("04-wrong-code");
    await d.screenshot("04-wrong-code");

    await field.fill(code);
    await field.press("Enter");
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    expect(d.problems).toEqual([]);
  });

  it("counts the resend cooldown down live, then sends a new code that replaces the old one", async () => {
    const d = await demo.open({ cooldown: "3" });
    await startFlow(d);
    const first = await d.latestCode();
    const resend = d.app.getByTestId("resend");

    expect(await resend.isDisabled()).toBe(true);
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          seen.add((await resend.textContent()) ?? "");
          return resend.isEnabled();
        },
        { timeout: 6_000, interval: 100 },
      )
      .toBe(true);
    // The button counted down second by second, then offered the resend.
    expect(seen).toContain("Send a new code in 2 s");
    expect(seen).toContain("Send a new code in 1 s");
    expect(await resend.textContent()).toBe("Send a new code");
    await d.axe("05-resend-available");
    await d.screenshot("05-resend-available");

    await resend.click();
    await d.smsCount(2);
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    const second = await d.latestCode();
    expect(await d.app.locator(".note").last().textContent()).toBe("1 new code available");
    await expect.poll(() => resend.textContent()).toMatch(/^Send a new code in [123] s$/);
    await d.axe("06-resend-countdown");
    await d.screenshot("06-resend-countdown");

    await d.app.getByLabel("SMS code").fill(second);
    await d.app.getByRole("button", { name: "Confirm" }).click();
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    expect(second).toMatch(/^[0-9]{6}$/);
    expect(first).toMatch(/^[0-9]{6}$/);
    expect(d.problems).toEqual([]);
  });

  it("shows the blocked-account screen, with removing the enrollments as the next step, when validation answers 2310", async () => {
    const d = await demo.open();
    await startFlow(d);
    await d.injectFault("smscode.set", 2310);

    await d.app.getByLabel("SMS code").fill(await d.latestCode());
    await d.app.getByRole("button", { name: "Confirm" }).click();

    await visible(d.app.getByRole("heading", { name: "Your account is blocked" }));
    const alert = d.app.getByRole("alert");
    expect(await alert.textContent()).toContain(
      "Your account is blocked. Remove your enrolled devices to start again.",
    );
    expect(await alert.locator("small").textContent()).toBe("2310 inwebo: account is blocked");
    expect(await d.app.textContent()).toContain(
      "Remove all the devices enrolled on your account, then enroll this one again.",
    );
    expect(await d.currentState()).toBe("accountBlocked");
    await d.axe("07-account-blocked-2310");
    await d.screenshot("07-account-blocked-2310");

    await d.app.getByRole("button", { name: "Start over" }).click();
    await visible(d.app.getByRole("heading", { name: "Secure this device" }));
    expect(d.problems).toEqual([]);
  });

  it("waits while offline and carries on by itself when the network is back", async () => {
    const d = await demo.open();
    await d.controls.getByLabel("Offline").check();
    await d.app.getByRole("button", { name: "Start" }).click();

    const alert = d.app.getByRole("alert");
    await visible(alert);
    expect(await alert.textContent()).toContain(
      "You are offline. We will continue as soon as you are back online.",
    );
    expect(await alert.getAttribute("data-code")).toBe("2202");
    expect(await d.currentState()).toBe("checkingDevice.offline");
    expect(await d.app.getByText("Offline", { exact: true }).isVisible()).toBe(true);
    await d.axe("08-offline");
    await d.screenshot("08-offline");

    await d.controls.getByLabel("Offline").uncheck();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    await d.smsCount(1);
    expect(await d.app.getByText("Offline", { exact: true }).count()).toBe(0);
    // A request that failed for want of a network does not count as a send.
    expect(await d.app.locator(".note").last().textContent()).toBe("2 new codes available");
    expect(d.problems).toEqual([]);
  });
});

describe("the demo on the embedded simulator (?backend=embedded)", () => {
  it("runs the whole flow in the page, with no API call to the server", async () => {
    const d = await demo.open({ backend: "embedded" });
    const apiCalls: string[] = [];
    d.page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/v1/") || path.startsWith("/_sim/")) apiCalls.push(path);
    });
    expect(await d.controls.getByTestId("backend").textContent()).toBe("embedded simulator (in the page)");
    await startFlow(d);
    await d.app.getByLabel("SMS code").fill(await d.latestCode());
    await d.app.getByRole("button", { name: "Confirm" }).click();
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    expect(apiCalls).toEqual([]);
    expect(d.problems).toEqual([]);
  });
});
