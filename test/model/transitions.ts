import type { AnyStateNode, AnyTransitionDefinition, InspectionEvent } from "xstate";
import { enrollmentMachine } from "../../src/machines";

/** One transition of the statechart: its source, its event ("" for eventless) and its guard's name. */
export const transitionKey = (t: AnyTransitionDefinition): string => {
  const guard = t.guard === undefined ? "" : typeof t.guard === "string" ? t.guard : JSON.stringify(t.guard);
  const targets = (t.target ?? []).map((target: AnyStateNode) => target.id).join(",");
  return `${t.source.id} --${t.eventType || "always"}[${guard}]--> ${targets || "(self)"}`;
};

const nodesOf = (node: AnyStateNode): AnyStateNode[] => [
  node,
  ...Object.values(node.states as Record<string, AnyStateNode>).flatMap(nodesOf),
];

/** Every state node of the machine, by id. */
export const allStateIds = (): string[] => nodesOf(enrollmentMachine.root).map((n) => n.id);

/** Every transition the machine defines, done events and eventless ones included. */
export const allTransitions = (): string[] =>
  nodesOf(enrollmentMachine.root).flatMap((node) => [
    ...[...node.transitions.values()].flat().map(transitionKey),
    ...(node.always ?? []).map(transitionKey),
  ]);

/** Collects the transitions real actors take, from XState's own inspection events. */
export const createTransitionRecorder = () => {
  const taken = new Set<string>();
  return {
    taken,
    inspect: (event: InspectionEvent) => {
      if (event.type === "@xstate.microstep") for (const t of event._transitions) taken.add(transitionKey(t));
    },
  };
};
