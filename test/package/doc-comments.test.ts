import { resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every symbol a public entry exports carries a doc comment at its declaration: that comment is what the API
// docs (`npm run docs:api`) and editors show. The entries are the ones TypeDoc documents.

const root = resolve(import.meta.dirname, "../..");
const entries = [
  "src/index.ts",
  "src/simulator.ts",
  "src/http.ts",
  "src/http/controls.ts",
  "src/server.ts",
  "src/react.ts",
  "src/testing.ts",
  "src/locales/fr.ts",
  "src/locales/de.ts",
  "src/locales/it.ts",
  "src/locales/es.ts",
];

const program = ts.createProgram(
  entries.map((entry) => resolve(root, entry)),
  { strict: true, noEmit: true, skipLibCheck: true, jsx: ts.JsxEmit.ReactJSX },
);
const checker = program.getTypeChecker();

/** The exported names of `entry` whose declarations have no doc comment. */
const undocumented = (entry: string): string[] => {
  const source = program.getSourceFile(resolve(root, entry));
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${entry} is not a module`);
  return checker
    .getExportsOfModule(module)
    .filter((exported) => {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = symbol.declarations ?? [];
      return !declarations.some((declaration) => {
        // A `const` carries its comment on the statement, two levels up from its declaration.
        const node = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
        return ts.getJSDocCommentsAndTags(node).length > 0;
      });
    })
    .map((exported) => exported.name)
    .sort();
};

describe("the public API", () => {
  it.each(entries)("documents every export of %s with a doc comment", (entry) => {
    expect(undocumented(entry)).toEqual([]);
  });
});
