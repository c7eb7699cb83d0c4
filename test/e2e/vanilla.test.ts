import { describe, expect, it } from "vitest";
import { languages, strings } from "../../examples/shared/strings";
import { de } from "../../src/locales/de";
import { es } from "../../src/locales/es";
import { fr } from "../../src/locales/fr";
import { it as italian } from "../../src/locales/it";
import { en } from "../../src/view/locales/en";
import { exampleForSuite, expectAccessible, focused, SCREENSHOTS, visible } from "./support";
import { answerOtp, otpCalls, stubWebOtp } from "./webotp";

const example = exampleForSuite("vanilla");

describe("the vanilla example (no framework: actor.subscribe + toViewModel)", () => {
  it("runs the flow to the handoff with plain DOM", async () => {
    const { page, errors } = await example.open();
    await expectAccessible(page, "vanilla: idle");
    await page.getByRole("button", { name: "Start" }).click();
    await visible(page.getByRole("heading", { name: "Enter the code" }));
    await expect.poll(() => focused(page)).toBe("#code");
    await expectAccessible(page, "vanilla: code entry");
    const sms = await page.locator("#sms li").last().textContent();
    const code = /[0-9]{4,10}/.exec(sms ?? "")?.[0] ?? "";

    await page.getByLabel("SMS code").fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("This code is not correct");
    // The focus stays in the field, the error its description.
    expect(await focused(page)).toBe("#code");
    expect(await page.getByLabel("SMS code").getAttribute("aria-describedby")).toBe("error");
    await expectAccessible(page, "vanilla: wrong code");

    await page.getByLabel("SMS code").fill(code);
    await page.getByRole("button", { name: "Confirm" }).click();
    await visible(page.getByRole("heading", { name: "Phone number confirmed" }));
    expect(await page.locator("#status").textContent()).toBe("Next: choose a PIN for this device.");
    await expectAccessible(page, "vanilla: handoff");
    await page.screenshot({ path: `${SCREENSHOTS}/18-vanilla-handoff.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
  it.each(languages)("shows the engine's messages in the page's language (?lang=%s)", async (lang) => {
    const t = strings[lang];
    const words = { en, fr, de, it: italian, es }[lang];
    const { page } = await example.open(`?lang=${lang}&autofill=off`);
    await page.getByRole("button", { name: t.start }).click();
    await visible(page.getByRole("heading", { name: t.titles.awaitingCode ?? "" }));
    await page.getByLabel(t.codeLabel).fill("12ab");
    await page.getByRole("button", { name: t.confirm }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain(words.messages[2102]);
    await page.close();
  });

  it("SMS autofill: the SMS ends with '@127.0.0.1 #<code>', WebOTP's code is submitted, leaving code entry aborts the request, ?autofill=off never asks", async () => {
    const open = async (query: string) => {
      const tab = await example.open(query, stubWebOtp);
      await tab.page.getByRole("button", { name: "Start" }).click();
      await visible(tab.page.getByRole("heading", { name: "Enter the code" }));
      return tab;
    };

    const filled = await open("");
    const sms = (await filled.page.locator("#sms li").last().textContent()) ?? "";
    const code = /#(\d{4,10})$/.exec(sms)?.[1] ?? "";
    expect(sms.endsWith(`\n@127.0.0.1 #${code}`)).toBe(true);
    await expect
      .poll(() => otpCalls(filled.page))
      .toEqual([{ transport: ["sms"], signal: true, aborted: false }]);
    await answerOtp(filled.page, code);
    await visible(filled.page.getByRole("heading", { name: "Phone number confirmed" }));

    const cancelled = await open("");
    await expect.poll(() => otpCalls(cancelled.page)).toHaveLength(1);
    await cancelled.page.getByRole("button", { name: "Cancel" }).click();
    expect(await otpCalls(cancelled.page)).toEqual([{ transport: ["sms"], signal: true, aborted: true }]);

    const off = await open("?autofill=off");
    expect(await otpCalls(off.page)).toEqual([]);
    expect([...filled.errors, ...cancelled.errors, ...off.errors]).toEqual([]);
  });
});
