import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { MASKED_PHONE } from "../support/fixtures";
import { type DemoPage, demoForSuite, focused, visible } from "./support";
import { answerOtp, otpCalls, stubWebOtp } from "./webotp";

/**
 * The findings of walking the flow in Chromium as a new user would (issue 15), one test each, named
 * after what the user met. Each one failed on the code before the fix.
 */

const demo = demoForSuite();

const toCodeScreen = async (d: DemoPage, start = "Start", heading = "Enter the code") => {
  await d.app.getByRole("button", { name: start }).click();
  await visible(d.app.getByRole("heading", { name: heading }));
  await d.smsCount(1);
};

const wrongCodeFor = (code: string) => (code === "000000" ? "111111" : "000000");

/** WCAG's contrast ratio of two `rgb()` / `rgba()` colours (alpha ignored: both are opaque here). */
const contrast = (a: string, b: string): number => {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** The focused element's outline colour and the opaque background it is drawn on (its parents'). */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    let background = "rgb(255, 255, 255)";
    for (let node = element.parentElement; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if (color !== "rgba(0, 0, 0, 0)" && color !== "transparent") {
        background = color;
        break;
      }
    }
    return { outline: style.outlineColor, outlineStyle: style.outlineStyle, background };
  });

/**
 * Every text a live region of the app panel showed, in order, recorded by a MutationObserver: what a
 * screen reader announces.
 */
const recordAnnouncements = (page: Page) =>
  page.evaluate(() => {
    const app = document.querySelector("section.app") as HTMLElement;
    const heard: string[] = [];
    const last = new Map<Element, string>();
    const listen = () => {
      for (const region of Array.from(
        app.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"]'),
      )) {
        const text = (region.textContent ?? "").trim();
        if (last.get(region) !== text) {
          last.set(region, text);
          if (text !== "") heard.push(text);
        }
      }
    };
    listen();
    new MutationObserver(listen).observe(app, { subtree: true, childList: true, characterData: true });
    (window as unknown as { heard: string[] }).heard = heard;
  });

const announcements = (page: Page): Promise<string[]> =>
  page.evaluate(() => [...(window as unknown as { heard: string[] }).heard]);

describe("the flow as a person lives it (issue 15)", () => {
  it("offline while confirming the code: the flow waits, as the alert promises, and checks the same code once back online", async () => {
    const d = await demo.open();
    await toCodeScreen(d);
    const code = await d.latestCode();
    await d.controls.getByLabel("Offline").check();
    await d.app.getByLabel("SMS code").fill(code);
    await d.app.getByRole("button", { name: "Confirm" }).click();

    const alert = d.app.getByRole("alert");
    await visible(alert);
    expect(await alert.getAttribute("data-code")).toBe("2202");
    expect(await alert.textContent()).toMatch(/as soon as you are back online/);
    expect(await d.currentState()).toBe("validatingCode.offline");
    // The code the user typed is kept (not spent, not lost), and the way on is offered.
    expect(await d.app.getByLabel("SMS code").inputValue()).toBe(code);
    expect(await d.app.locator(".attempts").textContent()).toBe("3 attempts left");
    expect(await d.app.getByRole("button", { name: "Try again" }).isEnabled()).toBe(true);
    await d.axe("code entry, offline while validating");
    await d.screenshot("issue15-01-offline-during-validation");

    await d.controls.getByLabel("Offline").uncheck();
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    expect(await d.currentState()).toBe("handoff");
    await d.axe("handoff after going back online");
    await d.screenshot("issue15-02-back-online-handoff");
    expect(d.problems).toEqual([]);
  });

  it('"We sent a code by SMS" shows only once a send succeeded: not while the code is requested, not after a 2204, not offline', async () => {
    const sentTo = `We sent a code by SMS to ${MASKED_PHONE}.`;
    const requesting = await demo.open();
    await requesting.controls.getByLabel("Latency").selectOption("1000");
    await requesting.app.getByRole("button", { name: "Start" }).click();
    await visible(requesting.app.getByRole("heading", { name: "Sending you a code by SMS…" }));
    expect(await requesting.app.textContent()).not.toContain(sentTo);
    await requesting.axe("requesting the code");
    await visible(requesting.app.getByRole("heading", { name: "Enter the code" }), 8_000);
    expect(await requesting.app.textContent()).toContain(sentTo);

    const refused = await demo.open();
    await refused.injectFault("smscode.get", 2204);
    await refused.app.getByRole("button", { name: "Start" }).click();
    await visible(refused.app.getByRole("alert"));
    expect(await refused.currentState()).toBe("requestingCode.stalled");
    expect(await refused.app.textContent()).not.toContain(sentTo);

    const offline = await demo.open({ backend: "embedded" });
    await offline.injectFault("smscode.get", 2202);
    await offline.app.getByRole("button", { name: "Start" }).click();
    await visible(offline.app.getByRole("alert"));
    expect(await offline.currentState()).toBe("requestingCode.offline");
    expect(await offline.app.textContent()).not.toContain(sentTo);
    await offline.axe("requesting the code, offline");
    expect([...requesting.problems, ...refused.problems, ...offline.problems]).toEqual([]);
  });

  it('a stalled or offline SMS request is not headed "Sending you a code by SMS…": the heading says the request is on hold', async () => {
    const sending = "Sending you a code by SMS…";
    const onHold = "Code request on hold";
    const stalled = await demo.open();
    await stalled.injectFault("smscode.get", 2204);
    await stalled.app.getByRole("button", { name: "Start" }).click();
    await visible(stalled.app.getByRole("alert"));
    expect(await stalled.currentState()).toBe("requestingCode.stalled");
    expect(await stalled.app.getByRole("heading", { level: 3 }).textContent()).toBe(onHold);
    await stalled.axe("SMS request stalled, on hold");

    const offline = await demo.open({ backend: "embedded" });
    await offline.injectFault("smscode.get", 2202);
    await offline.app.getByRole("button", { name: "Start" }).click();
    await visible(offline.app.getByRole("alert"));
    expect(await offline.currentState()).toBe("requestingCode.offline");
    expect(await offline.app.getByRole("heading", { level: 3 }).textContent()).toBe(onHold);
    await offline.axe("SMS request offline, on hold");

    // Asked again, the request is under way: the heading says so again.
    await stalled.controls.getByLabel("Latency").selectOption("1000");
    await stalled.app.getByRole("button", { name: "Try again" }).click();
    await visible(stalled.app.getByRole("heading", { name: sending }));
    await visible(stalled.app.getByRole("heading", { name: "Enter the code" }), 8_000);
    expect([...stalled.problems, ...offline.problems]).toEqual([]);
  });

  it("after the third wrong code the alert says the attempts are used up, as the heading asks for a new code", async () => {
    const d = await demo.open();
    await toCodeScreen(d);
    const field = d.app.getByLabel("SMS code");
    const wrong = wrongCodeFor(await d.latestCode());
    for (const left of ["2 attempts left", "1 attempt left"]) {
      await field.fill(wrong);
      await field.press("Enter");
      await expect.poll(() => d.app.locator(".attempts").textContent()).toBe(left);
    }
    await field.fill(wrong);
    await field.press("Enter");

    await visible(d.app.getByRole("heading", { name: "Ask for a new code" }));
    const alert = d.app.getByRole("alert");
    expect(await alert.getAttribute("data-code")).toBe("2305");
    expect(await alert.textContent()).toContain(
      "That was the last attempt for this code. Ask for a new code.",
    );
    expect(await alert.textContent()).not.toContain("Check the SMS and try again");
    expect(await d.currentState()).toBe("awaitingCode.expired");
    await d.axe("attempts spent");
    await d.screenshot("issue15-03-attempts-spent");
    expect(d.problems).toEqual([]);
  });

  it("a 2204 on the SMS request offers Try again at once and spends none of the three sends", async () => {
    const d = await demo.open();
    await d.injectFault("smscode.get", 2204);
    await d.app.getByRole("button", { name: "Start" }).click();
    const alert = d.app.getByRole("alert");
    await visible(alert);
    expect(await alert.getAttribute("data-code")).toBe("2204");
    expect(await d.currentState()).toBe("requestingCode.stalled");
    const retry = d.app.getByRole("button", { name: /^Try again/ });
    expect(await retry.textContent()).toBe("Try again");
    expect(await retry.isEnabled()).toBe(true);
    await d.axe("SMS request refused with 2204");
    await d.screenshot("issue15-04-request-2204-try-again-at-once");

    await retry.click();
    await visible(d.app.getByRole("heading", { name: "Enter the code" }));
    await d.smsCount(1);
    // The refused request sent nothing: this send is the first of three.
    expect(await d.app.locator(".note").last().textContent()).toBe("2 new codes available");
    expect(d.problems).toEqual([]);
  });

  it("a 2102 on the SMS request, a screen with no input, does not ask the user to enter anything", async () => {
    const d = await demo.open();
    await d.injectFault("smscode.get", 2102);
    await d.app.getByRole("button", { name: "Start" }).click();
    const alert = d.app.getByRole("alert");
    await visible(alert);
    expect(await alert.getAttribute("data-code")).toBe("2102");
    expect(await d.app.getByRole("textbox").count()).toBe(0);
    const message = (await alert.locator(".alert-message").textContent()) ?? "";
    expect(message).not.toMatch(/enter|digits/i);
    expect(message).toMatch(/try again/i);
    const retry = d.app.getByRole("button", { name: /^Try again/ });
    expect(await retry.textContent()).toBe("Try again");
    expect(await retry.isEnabled()).toBe(true);
    await d.axe("SMS request refused with 2102");
    expect(d.problems).toEqual([]);
  });

  it("the error detail is small print for support, and the message is in the user's language", async () => {
    const d = await demo.open({ lang: "fr" });
    await toCodeScreen(d, "Commencer", "Saisissez le code");
    const field = d.app.getByLabel("Code reçu par SMS");
    await field.fill(wrongCodeFor(await d.latestCode()));
    await field.press("Enter");
    const alert = d.app.getByRole("alert");
    await visible(alert);

    expect(await alert.locator(".alert-message").textContent()).toBe(
      "Ce code est incorrect. Vérifiez le SMS et réessayez.",
    );
    // The SDK's label is for support: only in the small print, marked as English, with the code.
    const detail = alert.locator("small");
    expect(await detail.count()).toBe(1);
    expect(await detail.locator('[lang="en"]').textContent()).toBe("2305 The sms code is invalid");
    const outsideDetail = await alert.evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      for (const small of Array.from(copy.querySelectorAll("small"))) small.remove();
      return copy.textContent ?? "";
    });
    expect(outsideDetail).not.toContain("The sms code is invalid");
    await d.axe("French, wrong code");
    await d.screenshot("issue15-05-french-error-screen");
    expect(d.problems).toEqual([]);
  });

  it('the scenario "token not configured" fails with 2344 before any SMS is sent or any code asked for', async () => {
    const d = await demo.open({ scenario: "tokenNotConfigured" });
    await d.app.getByRole("button", { name: "Start" }).click();
    const heading = d.app.getByRole("heading", { name: /^(Enrollment failed|Enter the code)$/ });
    await visible(heading);
    expect(await d.phone.locator(".sms").count()).toBe(0);
    expect(await heading.textContent()).toBe("Enrollment failed");
    expect(await d.app.getByRole("alert").getAttribute("data-code")).toBe("2344");
    expect(await d.currentState()).toBe("failed");
    expect(await d.phone.textContent()).toContain("No messages yet.");
    await d.axe("failed with 2344");
    expect(d.problems).toEqual([]);
  });

  it("screen readers hear the countdowns at the moments that matter, not every second", async () => {
    const d = await demo.open({ cooldown: "2", lifetime: "33" });
    await toCodeScreen(d);
    await recordAnnouncements(d.page);
    // The resend becomes available at 2 s, the code has 30 s left at 3 s.
    await expect
      .poll(() => announcements(d.page), { timeout: 6_000, interval: 200 })
      .toContain("The code expires in 30 seconds.");
    await d.page.waitForTimeout(1_200);
    const heard = await announcements(d.page);
    expect(heard.filter((text) => /\d:\d\d|\d+ s\b/.test(text))).toEqual([]);
    expect(heard).toEqual(["You can now ask for a new code.", "The code expires in 30 seconds."]);

    // The field's description says what to type, not how long is left.
    const description = await d.app.getByLabel("SMS code").evaluate((input) =>
      (input.getAttribute("aria-describedby") ?? "")
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" "),
    );
    expect(description).not.toMatch(/expire|\d:\d\d/);
    await d.axe("code entry, countdown running");
    expect(d.problems).toEqual([]);
  });

  it("after a wrong code the focus stays in the field with its content selected, and the error is its description", async () => {
    const d = await demo.open();
    const { page } = d;
    await toCodeScreen(d);
    const code = await d.latestCode();
    await expect.poll(() => focused(page)).toBe("#sms-code");
    await page.keyboard.type(wrongCodeFor(code));
    await page.keyboard.press("Enter");
    await visible(d.app.getByRole("alert"));

    await expect.poll(() => focused(page)).toBe("#sms-code");
    const field = d.app.getByLabel("SMS code");
    expect(
      await field.evaluate((input: HTMLInputElement) => [
        input.selectionStart,
        input.selectionEnd,
        input.value.length,
      ]),
    ).toEqual([0, 6, 6]);
    const alertId = await d.app.getByRole("alert").getAttribute("id");
    expect(alertId).toBeTruthy();
    expect((await field.getAttribute("aria-describedby"))?.split(/\s+/)).toContain(alertId);
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    await d.axe("wrong code");

    // Typing replaces the wrong code at once.
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    expect(d.problems).toEqual([]);
  });

  it("the focus ring contrasts at least 3:1 with what surrounds it", async () => {
    const d = await demo.open();
    const { page } = d;
    for (let i = 0; i < 12 && (await focused(page)) !== "button: Start"; i++)
      await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("button: Start");
    const onButton = await focusRing(page);
    expect(onButton.outlineStyle).toBe("solid");
    expect(contrast(onButton.outline, onButton.background)).toBeGreaterThanOrEqual(3);

    await page.keyboard.press("Enter");
    await expect.poll(() => focused(page)).toBe("#sms-code");
    // The field got the focus from a script after a keyboard action: :focus-visible applies.
    const onField = await focusRing(page);
    expect(contrast(onField.outline, onField.background)).toBeGreaterThanOrEqual(3);
    expect(d.problems).toEqual([]);
  });

  it("the code field takes the code as people type and paste it: letters dropped, spaced digits accepted, a whole SMS pasted", async () => {
    const d = await demo.open({}, (context) =>
      context.grantPermissions(["clipboard-read", "clipboard-write"]),
    );
    const { page } = d;
    await toCodeScreen(d);
    const code = await d.latestCode();
    const field = d.app.getByLabel("SMS code");

    await field.pressSequentially("12ab3");
    expect(await field.inputValue()).toBe("123");

    const sms = (await d.phone.locator(".sms.latest .sms-text").textContent()) ?? "";
    await field.fill("");
    await page.evaluate((text) => navigator.clipboard.writeText(text), sms);
    await field.press("ControlOrMeta+v");
    expect(await field.inputValue()).toBe(code);

    await field.fill("");
    await field.pressSequentially(`${code.slice(0, 3)} ${code.slice(3)}`);
    await field.press("Enter");
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    expect(d.problems).toEqual([]);
  });

  it("a failed resend returns to code entry, where the code sent earlier still works", async () => {
    const d = await demo.open({ cooldown: "1" });
    await toCodeScreen(d);
    const code = await d.latestCode();
    const resend = d.app.getByTestId("resend");
    await expect.poll(() => resend.isEnabled(), { timeout: 3_000 }).toBe(true);
    await d.injectFault("smscode.get", 2204);
    await resend.click();

    const alert = d.app.getByRole("alert");
    await visible(alert);
    expect(await alert.getAttribute("data-code")).toBe("2204");
    expect(await alert.textContent()).toContain("The code you already received still works.");
    expect(await d.currentState()).toMatch(/^awaitingCode\./);
    await d.axe("code entry after a failed resend");
    await d.app.getByLabel("SMS code").fill(code);
    await d.app.getByRole("button", { name: "Confirm" }).click();
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));
    expect(d.problems).toEqual([]);
  });

  it("the SMS ends with its origin-bound line, and WebOTP fills and submits the code, asked for in code entry only", async () => {
    const d = await demo.open({}, stubWebOtp);
    await toCodeScreen(d);
    const code = await d.latestCode();
    const sms = (await d.phone.locator(".sms.latest .sms-text").textContent()) ?? "";
    expect(sms.trimEnd().endsWith(`@127.0.0.1 #${code}`)).toBe(true);
    await expect.poll(() => otpCalls(d.page)).toEqual([{ transport: ["sms"], signal: true, aborted: false }]);

    await answerOtp(d.page, code);
    await visible(d.app.getByRole("heading", { name: "Phone number confirmed" }));

    // Leaving code entry aborts the request: here by cancelling.
    const leaving = await demo.open({}, stubWebOtp);
    await toCodeScreen(leaving);
    await expect.poll(() => otpCalls(leaving.page)).toHaveLength(1);
    await leaving.app.getByRole("button", { name: "Cancel" }).click();
    await visible(leaving.app.getByRole("heading", { name: "Enrollment cancelled" }));
    expect(await otpCalls(leaving.page)).toEqual([{ transport: ["sms"], signal: true, aborted: true }]);

    // An option turns it off.
    const off = await demo.open({ autofill: "off" }, stubWebOtp);
    await toCodeScreen(off);
    expect(await otpCalls(off.page)).toEqual([]);
    expect([...d.problems, ...leaving.problems, ...off.problems]).toEqual([]);
  });
});
