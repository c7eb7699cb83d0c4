import { describe, expect, it } from "vitest";
import { leafOf } from "./oracle";
import { type ModelEvent, modelGraph, serializeState } from "./paths";

const graph = modelGraph();

/** The states from which a final state can be reached using only the events `allowed` lets through. */
const canFinish = (allowed: (event: ModelEvent) => boolean): Set<string> => {
  const finishing = new Set(Object.keys(graph).filter((key) => graph[key]?.state.status === "done"));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [key, { transitions }] of Object.entries(graph)) {
      if (finishing.has(key)) continue;
      const next = Object.values(transitions).filter(({ event }) => allowed(event));
      if (next.some(({ state }) => finishing.has(serializeState(state)))) {
        finishing.add(key);
        grew = true;
      }
    }
  }
  return finishing;
};

describe("the statechart's graph", () => {
  const reachable = Object.keys(graph);

  // The root's `cancel` reaches a final state from everywhere: counted, it would hide any stuck state.
  it("has no stuck state: from every reachable state a final state can be reached without cancel", () => {
    const finishing = canFinish((event) => event.type !== "cancel");
    const stuck = reachable
      .filter((key) => !finishing.has(key))
      .map((key) => leafOf(graph[key]?.state.value ?? ""));
    expect(reachable.length).toBeGreaterThan(50);
    expect(stuck).toEqual([]);
  });

  it("can still reach the handoff from every state that is not final", () => {
    const handoff = new Set(Object.keys(graph).filter((key) => graph[key]?.state.value === "handoff"));
    const toHandoff = new Set(handoff);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [key, { transitions }] of Object.entries(graph)) {
        if (toHandoff.has(key)) continue;
        if (Object.values(transitions).some(({ state }) => toHandoff.has(serializeState(state)))) {
          toHandoff.add(key);
          grew = true;
        }
      }
    }
    const active = reachable.filter((key) => graph[key]?.state.status === "active");
    expect(
      active.filter((key) => !toHandoff.has(key)).map((key) => leafOf(graph[key]?.state.value ?? "")),
    ).toEqual([]);
  });
});
