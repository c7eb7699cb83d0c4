import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { allStateIds, allTransitions } from "../model/transitions";

/** Stately's own source parser; it needs XState v4, so it is installed apart, in tools/statechart. */
const extract = createRequire(import.meta.url)("../../tools/statechart/extract.cjs") as (
  source: string,
) => { config: ExtractedNode }[];

interface ExtractedNode {
  id?: string;
  states?: Record<string, ExtractedNode>;
  on?: Record<string, unknown>;
  always?: unknown;
  invoke?: unknown;
}

const machinesDir = new URL("../../src/machines/", import.meta.url);
const machines = readdirSync(machinesDir)
  .filter((file) => file.endsWith(".ts"))
  .flatMap((file) => extract(readFileSync(new URL(file, machinesDir), "utf8")));

const asArray = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

const walk = (node: ExtractedNode, path: string, visit: (node: ExtractedNode, path: string) => void) => {
  visit(node, path);
  for (const [key, child] of Object.entries(node.states ?? {})) walk(child, `${path}.${key}`, visit);
};

describe("the machine as the Stately editor reads it", () => {
  it("finds exactly one machine in src/machines, the enrollment statechart", () => {
    expect(machines).toHaveLength(1);
    expect(machines[0]?.config.id).toBe("enrollment");
  });

  const config = machines[0]?.config ?? {};

  it("sees every state of the running machine", () => {
    const seen: string[] = [];
    walk(config, "enrollment", (_, path) => seen.push(path));
    expect(seen.sort()).toEqual(allStateIds().sort());
  });

  it("sees every transition, none of them hidden in a helper it cannot read", () => {
    let count = 0;
    walk(config, "enrollment", (node) => {
      for (const transitions of Object.values(node.on ?? {})) count += asArray(transitions).length;
      count += asArray(node.always).length;
      for (const invoke of asArray(node.invoke) as { onDone?: unknown; onError?: unknown }[]) {
        count += asArray(invoke.onDone).length + asArray(invoke.onError).length;
      }
    });
    expect(count).toBe(allTransitions().length);
  });

  it("reports no implementation as inline: every action, guard and actor is named", () => {
    const text = JSON.stringify(config);
    expect(text).toContain('"kind":"named"');
    expect(text).not.toContain('"kind":"inline"');
  });
});
