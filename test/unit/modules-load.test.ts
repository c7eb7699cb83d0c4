/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";

/**
 * Every module of the engine's core evaluates on its own, in a fresh module graph, and defines what it
 * exports. A module that throws while loading (a machine whose config does not resolve, a catalogue
 * that does not build) fails here, as a test, and not only as a suite that cannot be collected.
 */
const modules = import.meta.glob<Record<string, unknown>>([
  "../../src/errors/**/*.ts",
  "../../src/facade/**/*.ts",
  "../../src/machines/**/*.ts",
  "../../src/services/**/*.ts",
]);

describe("the engine's modules", () => {
  it("are found", () => {
    expect(Object.keys(modules).length).toBeGreaterThan(30);
  });

  it.each(Object.keys(modules).sort())("%s loads and defines its exports", async (path) => {
    const load = modules[path];
    expect(load).toBeTypeOf("function");
    const exported = await (load as () => Promise<Record<string, unknown>>)();
    const undefinedExports = Object.entries(exported)
      .filter(([, value]) => value === undefined)
      .map(([name]) => name);
    expect(undefinedExports).toEqual([]);
  });
});
