import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderErrorTable } from "../../scripts/docs/errors";
import { renderStatechart } from "../../scripts/docs/statechart";
import { errorCatalog } from "../../src/errors";
import { allStateIds } from "../model/transitions";

const committed = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), "utf8");

describe("the generated docs", () => {
  it("docs/statechart.md is what `npm run docs` writes from the machine today", () => {
    expect(committed("statechart.md")).toBe(renderStatechart());
  });

  it("docs/errors.md is what `npm run docs` writes from the catalogue today", () => {
    expect(committed("errors.md")).toBe(renderErrorTable());
  });

  it("draws every state and lists every code", () => {
    const diagram = renderStatechart();
    for (const id of allStateIds().filter((id) => id !== "enrollment")) {
      expect(diagram).toContain(`as ${id.replace(/^enrollment\./, "").replaceAll(".", "_")}`);
    }
    const table = renderErrorTable();
    for (const { code } of errorCatalog) expect(table).toContain(`| ${code} |`);
  });
});
