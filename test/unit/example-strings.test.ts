import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
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

describe("the vanilla, Vue, Svelte and React Native examples' strings", () => {
  const english = flatten(strings.en);
  it.each(languages)("has every string, none empty, in %s", (lang) => {
    const own = flatten(strings[lang]);
    expect(Object.keys(own).sort()).toEqual(Object.keys(english).sort());
    expect(Object.entries(own).filter(([, text]) => text.trim() === "")).toEqual([]);
  });

  it.each(languages.filter((lang) => lang !== "en"))("translates the words in %s", (lang) => {
    const own = flatten(strings[lang]);
    // Only words that read the same in that language: "Offline" (de, it).
    const same = Object.keys(english).filter((key) => own[key] === english[key]);
    expect(same.filter((key) => key !== ".offline")).toEqual([]);
  });
});

/** Props whose value a person reads or hears. */
const WORDED_PROPS = new Set([
  "aria-label",
  "accessibilityLabel",
  "accessibilityHint",
  "placeholder",
  "label",
]);

/** The words written into a TSX file's markup: JSX text, and string literals given to worded props. */
const wordsInMarkup = (file: string): string[] => {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const words: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) words.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      WORDED_PROPS.has(node.name.getText(source)) &&
      node.initializer !== undefined &&
      ts.isStringLiteral(node.initializer)
    ) {
      words.push(node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return words;
};

describe("the React Native example", () => {
  const folder = join(import.meta.dirname, "../../examples/react-native");
  const screens = readdirSync(folder).filter((name) => name.endsWith(".tsx"));

  it("has screens to check", () => {
    expect(screens).toContain("EnrollmentScreen.tsx");
  });

  it.each(screens)("writes no words into the markup of %s: they come from the shared table", (name) => {
    expect(wordsInMarkup(join(folder, name))).toEqual([]);
  });
});
