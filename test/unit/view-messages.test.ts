import { describe, expect, it } from "vitest";
import { errorCatalog } from "../../src/errors";
import { messageFor, messages } from "../../src/view";

const locales = Object.keys(messages) as (keyof typeof messages)[];

describe("the user-facing messages", () => {
  it("come in English, French, German, Italian and Spanish", () => {
    expect(locales).toEqual(["en", "fr", "de", "it", "es"]);
  });

  it.each(locales)("give every catalogue code a message of its own in %s", (locale) => {
    for (const { code } of errorCatalog) {
      const message = messages[locale][code];
      expect(message.trim(), `${locale} ${code}`).not.toBe("");
      expect(message, `${locale} ${code}: a sentence`).toMatch(/[.!?]$/);
      if (locale !== "en") expect(message, `${locale} ${code} is translated`).not.toBe(messages.en[code]);
    }
    expect(Object.keys(messages[locale]).map(Number)).toEqual(errorCatalog.map((e) => e.code));
  });

  it("follow the language of a regional or differently cased locale, and fall back to English", () => {
    expect(messageFor(2305, "fr-CA")).toBe(messages.fr[2305]);
    expect(messageFor(2305, "DE")).toBe(messages.de[2305]);
    expect(messageFor(2305, "es_MX")).toBe(messages.es[2305]);
    expect(messageFor(2305, "pt-BR")).toBe(messages.en[2305]);
    expect(messageFor(2305, "constructor")).toBe(messages.en[2305]);
    expect(messageFor(2305)).toBe("This code is not correct. Check the SMS and try again.");
  });
});
