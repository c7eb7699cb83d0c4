import { describe, expect, it } from "vitest";
import { ui } from "../../examples/web/src/i18n";
import { normalizeCode, registerLocale, toViewModel } from "../../src";
import { de } from "../../src/locales/de";
import { es } from "../../src/locales/es";
import { fr } from "../../src/locales/fr";
import { it as italian } from "../../src/locales/it";
import { en } from "../../src/view/locales/en";
import { MASKED_PHONE, PHONE } from "../support/fixtures";
import { startFlow, wrongCode } from "../support/flow";

/** Every key path of a string table (nested objects included), functions counted as strings. */
const keysOf = (table: object, prefix = ""): string[] =>
  Object.entries(table).flatMap(([key, value]) =>
    value !== null && typeof value === "object" ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

/** One part of the five locales, by language: `{ en: en.messages, fr: fr.messages, … }`. */
const byLanguage = (part: "messages" | "notices") =>
  Object.fromEntries([en, fr, de, italian, es].map((locale) => [locale.language, locale[part]]));

describe("every string in the five languages", () => {
  const tables = {
    "the error messages (src/view/locales)": byLanguage("messages"),
    "the notices (src/view/locales)": byLanguage("notices"),
    "the demo's own words (examples/web/src/i18n.ts)": ui,
  };
  it.each(Object.entries(tables))(
    "%s: en, fr, de, it and es have the same keys, none empty",
    (_name, table) => {
      const byLanguage = table as Record<string, object>;
      expect(Object.keys(byLanguage).sort()).toEqual(["de", "en", "es", "fr", "it"]);
      const english = keysOf(byLanguage.en ?? {}).sort();
      for (const [language, strings] of Object.entries(byLanguage)) {
        expect(keysOf(strings).sort(), `${language} has the keys of en`).toEqual(english);
        for (const key of keysOf(strings)) {
          const value = key
            .split(".")
            .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], strings);
          const text = typeof value === "function" ? String(value(1, "x")) : String(value);
          expect(text.trim(), `${language} ${key}`).not.toBe("");
        }
      }
    },
  );

  it("the key check fails when one language misses a key", () => {
    const { attemptsSpent: _dropped, ...fewer } = de.notices;
    expect(keysOf(fewer).sort()).not.toEqual(keysOf(en.notices).sort());
  });
});

describe("copy that matches the state", () => {
  it('says "sent" only once the SMS request succeeded, never while it is requested or after it failed', async () => {
    const flow = startFlow();
    flow.sim.failNext("smscode.get", 2204);
    flow.actor.send({ type: "start" });
    await flow.until({ requestingCode: "stalled" });
    expect(flow.view()).toMatchObject({ notice: null, codeSent: false });
    flow.actor.send({ type: "retry" });
    expect(flow.view()).toMatchObject({ step: "requestingCode", notice: null, codeSent: false });
    await flow.until("awaitingCode");
    expect(flow.view()).toMatchObject({
      notice: `We sent a code by SMS to ${MASKED_PHONE}.`,
      codeSent: true,
    });
  });

  it("says when the code's attempts are spent, in the user's language", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    for (let i = 0; i < 3; i++) {
      flow.actor.send({ type: "code.submit", code: wrongCode(flow.lastCode()) });
      await flow.until("awaitingCode");
    }
    await flow.until({ awaitingCode: "expired" });
    registerLocale(fr);
    const view = toViewModel(flow.actor.getSnapshot(), { now: flow.clock.now(), locale: "fr" });
    expect(view.error).toEqual({
      code: 2305,
      label: "The sms code is invalid",
      message: "C'était le dernier essai pour ce code. Demandez un nouveau code.",
      detail: "2305 The sms code is invalid",
    });
  });

  it("gives an input error on a step without input a message that asks for no input", async () => {
    const flow = startFlow();
    flow.sim.failNext("smscode.get", 2102);
    flow.actor.send({ type: "start" });
    await flow.until({ requestingCode: "stalled" });
    expect(flow.view().error).toMatchObject({
      code: 2102,
      message: "The request could not be processed. Please try again.",
    });
    // In code entry the same code asks for the digits, as it should.
    flow.actor.send({ type: "retry" });
    await flow.until("awaitingCode");
    flow.actor.send({ type: "code.submit", code: "12ab" });
    expect(flow.view().error?.message).toBe(en.messages[2102]);
  });

  it("after a failed resend, says the code received earlier still works", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.clock.increment(30_000);
    flow.sim.setOffline(true);
    flow.actor.send({ type: "code.resend" });
    await flow.until({ awaitingCode: "editing" });
    expect(flow.view().error).toMatchObject({
      code: 2202,
      message: "You are offline, so no new code was sent. The code you already received still works.",
    });
  });

  it("announces the countdowns at the moments that matter only", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    const heard: (string | null)[] = [];
    for (let s = 0; s <= 300; s++) {
      const { announcement } = flow.view();
      if (heard.at(-1) !== announcement || heard.length === 0) heard.push(announcement);
      flow.clock.increment(1_000);
    }
    expect(heard).toEqual([
      null,
      "You can now ask for a new code.",
      "The code expires in 1 minute.",
      "The code expires in 30 seconds.",
      null,
    ]);
  });
});

describe("normalizeCode", () => {
  it.each([
    ["４２４２４２", "424242"],
    ["@127.0.0.1 #123456", "123456"],
    ["Your PIMS code is 111111.\n\n@example.com #654321", "654321"],
    ["776 969", "776969"],
    ["77-69-69", "776969"],
    ["Your code is 424242. It is valid for 5 minutes.", "424242"],
    ["12ab", ""],
    ["123", ""],
    ["12345678901", ""],
    ["", ""],
    [`call ${PHONE}`, PHONE],
  ])("%j → %j", (text, code) => {
    expect(normalizeCode(text)).toBe(code);
  });
});
