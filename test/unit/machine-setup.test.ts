import { describe, expect, expectTypeOf, it } from "vitest";
import { createActor } from "xstate";
import { setup } from "../../src/machines/setup";

describe("the machine's own setup, XState's without the action creators", () => {
  it("returns createMachine and nothing else, and its type promises nothing else", () => {
    const made = setup({});
    expect(Object.keys(made)).toEqual(["createMachine"]);
    expectTypeOf(made).toHaveProperty("createMachine");
    expectTypeOf(made).not.toHaveProperty("assign");
    expectTypeOf(made).not.toHaveProperty("extend");
  });

  it("makes a machine that runs the named implementations it was given", () => {
    const machine = setup({ guards: { always: () => true } }).createMachine({
      initial: "a",
      states: { a: { always: { guard: "always", target: "b" } }, b: { type: "final" } },
    });
    expect(createActor(machine).start().getSnapshot().value).toBe("b");
  });
});
