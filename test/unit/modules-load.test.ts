/// <reference types="vite/client" />
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Every module of the engine's core evaluates on its own, in a fresh module graph, defines what it exports,
 * and does nothing else: package.json says `"sideEffects": false`, so a bundler drops any import whose
 * bindings go unused, and work done while loading would then happen in one build and not in another.
 * Loading a module here schedules no timer, writes no log, makes no request, adds no listener and leaves
 * the global object as it found it.
 */
const modules = import.meta.glob<Record<string, unknown>>([
  "../../src/errors/**/*.ts",
  "../../src/facade/**/*.ts",
  "../../src/machines/**/*.ts",
  "../../src/services/**/*.ts",
]);

/** The global calls through which a module could act while it loads. */
const effects: ReadonlyArray<readonly [string, object]> = [
  ["setTimeout", globalThis],
  ["setInterval", globalThis],
  ["setImmediate", globalThis],
  ["queueMicrotask", globalThis],
  ["fetch", globalThis],
  ["addEventListener", globalThis],
  ["on", process],
  ["once", process],
  ["log", console],
  ["info", console],
  ["warn", console],
  ["error", console],
  ["debug", console],
];

/** Spies on every effect and returns the ones called, by name. */
const watchEffects = () => {
  const spies = effects
    .map(([name, owner]) => [name, owner as Record<string, () => unknown>] as const)
    .filter(([name, owner]) => typeof owner[name] === "function")
    .map(([name, owner]) => [name, vi.spyOn(owner, name)] as const);
  return () => spies.filter(([, spy]) => spy.mock.calls.length > 0).map(([name]) => name);
};

// The dependencies' own one-time set-up (zod registers its global config once per process) is theirs, not ours.
beforeAll(async () => {
  await import("zod/mini");
  await import("xstate");
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the engine's modules", () => {
  it("are found", () => {
    expect(Object.keys(modules).length).toBeGreaterThan(30);
  });

  it.each(Object.keys(modules).sort())(
    "%s loads, defines its exports and has no side effect",
    async (path) => {
      const load = modules[path];
      expect(load).toBeTypeOf("function");
      vi.resetModules();
      const globalsBefore = Reflect.ownKeys(globalThis);
      const effectsCalled = watchEffects();

      const exported = await (load as () => Promise<Record<string, unknown>>)();

      expect(effectsCalled()).toEqual([]);
      expect(Reflect.ownKeys(globalThis).filter((key) => !globalsBefore.includes(key))).toEqual([]);
      const undefinedExports = Object.entries(exported)
        .filter(([, value]) => value === undefined)
        .map(([name]) => name);
      expect(undefinedExports).toEqual([]);
    },
  );
});
