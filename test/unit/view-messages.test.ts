import { beforeEach, describe, expect, it, vi } from "vitest";
import { errorCatalog } from "../../src/errors";
import { de } from "../../src/locales/de";
import { es } from "../../src/locales/es";
import { fr } from "../../src/locales/fr";
import { it as italian } from "../../src/locales/it";
import { en } from "../../src/view/locales/en";
import { startFlow } from "../support/flow";

const locales = [en, fr, de, italian, es];

/** The view layer in a module graph of its own: nothing registered but English, as when an app starts. */
const freshView = async () => {
  vi.resetModules();
  return import("../../src/view");
};

describe("the user-facing messages", () => {
  it("come in English, French, German, Italian and Spanish, one module each", () => {
    expect(locales.map((locale) => locale.language)).toEqual(["en", "fr", "de", "it", "es"]);
  });

  it.each(locales)("give every catalogue code a message of its own in $language", (locale) => {
    for (const { code } of errorCatalog) {
      const message = locale.messages[code];
      expect(message.trim(), `${locale.language} ${code}`).not.toBe("");
      expect(message, `${locale.language} ${code}: a sentence`).toMatch(/[.!?]$/);
      if (locale !== en)
        expect(message, `${locale.language} ${code} is translated`).not.toBe(en.messages[code]);
    }
    expect(Object.keys(locale.messages).map(Number)).toEqual(errorCatalog.map((e) => e.code));
  });
});

describe("the languages an app registers", () => {
  let view: Awaited<ReturnType<typeof freshView>>;
  beforeEach(async () => {
    view = await freshView();
  });

  it("reads English until a language is registered, then that language", () => {
    expect(view.messageFor(2305, "fr")).toBe(en.messages[2305]);
    view.registerLocale(fr);
    expect(view.messageFor(2305, "fr")).toBe(fr.messages[2305]);
    expect(view.messageFor(2305, "de"), "German is not registered").toBe(en.messages[2305]);
  });

  it("follows the language of a regional or differently cased locale, and falls back to English", () => {
    view.registerLocale(fr, de, es);
    expect(view.messageFor(2305, "fr-CA")).toBe(fr.messages[2305]);
    expect(view.messageFor(2305, "DE")).toBe(de.messages[2305]);
    expect(view.messageFor(2305, "es_MX")).toBe(es.messages[2305]);
    expect(view.messageFor(2305, "pt-BR")).toBe(en.messages[2305]);
    expect(view.messageFor(2305, "constructor")).toBe(en.messages[2305]);
    expect(view.messageFor(2305, "")).toBe(en.messages[2305]);
    expect(view.messageFor(2305)).toBe("This code is not correct. Check the SMS and try again.");
  });

  it("gives a view in English, without throwing, for a language the app did not register", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.actor.send({ type: "code.submit", code: "12ab" });
    const options = { now: flow.clock.now(), locale: "it-IT" };
    expect(view.toViewModel(flow.actor.getSnapshot(), options)).toMatchObject({
      error: { code: 2102, message: en.messages[2102] },
      notice: "We sent a code by SMS to 06••••••78.",
    });
    view.registerLocale(italian);
    expect(view.toViewModel(flow.actor.getSnapshot(), options)).toMatchObject({
      error: { code: 2102, message: italian.messages[2102] },
      notice: "Abbiamo inviato un codice via SMS al 06••••••78.",
    });
  });

  it("refuses what is not a locale module's export with a TypeError that says what to import", () => {
    const mistakes: unknown[] = [
      "fr",
      null,
      { language: "pt", messages: {}, notices: {} },
      { language: "fr" },
    ];
    for (const mistake of mistakes) {
      expect(() => view.registerLocale(mistake as typeof fr), JSON.stringify(mistake)).toThrow(
        new TypeError(
          'registerLocale takes what pims-enrollment/locales/<language> exports, as in `import { fr } from "pims-enrollment/locales/fr"; registerLocale(fr)`',
        ),
      );
    }
    // Nothing of a refused call is registered, not even the locales before the mistake.
    expect(() => view.registerLocale(de, "fr" as unknown as typeof fr)).toThrow(TypeError);
    expect(view.messageFor(2305, "de")).toBe(en.messages[2305]);
  });
});
