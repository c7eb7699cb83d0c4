import { describe, expect, it } from "vitest";
import { languages, strings } from "../../examples/shared/strings";

/** Every string of a language, functions called with a sample argument, keyed by its path. */
const flatten = (value: unknown, path = ""): Record<string, string> => {
  if (typeof value === "string") return { [path]: value };
  if (typeof value === "function") return { [path]: String((value as (x: never) => unknown)(2 as never)) };
  return Object.assign(
    {},
    ...Object.entries(value as Record<string, unknown>).map(([key, child]) =>
      flatten(child, `${path}.${key}`),
    ),
  );
};

describe("the Vue and Svelte examples' strings", () => {
  const english = flatten(strings.en);
  it.each(languages)("has every string, none empty, in %s", (lang) => {
    const own = flatten(strings[lang]);
    expect(Object.keys(own).sort()).toEqual(Object.keys(english).sort());
    expect(Object.entries(own).filter(([, text]) => text.trim() === "")).toEqual([]);
  });

  it.each(languages.filter((lang) => lang !== "en"))("translates the words in %s", (lang) => {
    const own = flatten(strings[lang]);
    // Only words that read the same in that language: "Offline" (de, it), "Error 2102" (es).
    const same = Object.keys(english).filter((key) => own[key] === english[key]);
    expect(same.filter((key) => key !== ".offline" && key !== ".errorDetail")).toEqual([]);
  });
});
