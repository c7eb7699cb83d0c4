import {
  type AnyStateNode,
  type AnyTransitionDefinition,
  createActor,
  type EventObject,
  fromCallback,
  type InspectionEvent,
  type StateValue,
} from "xstate";
import { enrollmentMachine } from "../machines/enrollment.machine.js";
import type { EnrollmentInput } from "../machines/types.js";

/** One transition of the statechart: its source, its event ("always" for eventless) and its guard. */
export const transitionKey = (t: AnyTransitionDefinition): string => {
  const guard = t.guard === undefined ? "" : typeof t.guard === "string" ? t.guard : JSON.stringify(t.guard);
  const targets = (t.target ?? []).map((target: AnyStateNode) => target.id).join(",");
  return `${t.source.id} --${t.eventType || "always"}[${guard}]--> ${targets || "(self)"}`;
};

const nodesOf = (node: AnyStateNode): AnyStateNode[] => [
  node,
  ...Object.values(node.states as Record<string, AnyStateNode>).flatMap(nodesOf),
];

/** Every state node of the machine, by id (`enrollment.awaitingCode.rejected`). */
export const allStateIds = (): string[] => nodesOf(enrollmentMachine.root).map((node) => node.id);

/** A state left at once by an unguarded eventless transition: no snapshot ever rests in it. */
const isTransient = (node: AnyStateNode): boolean =>
  (node.always ?? []).some((t: AnyTransitionDefinition) => t.guard === undefined);

/** The states a flow can rest in: every state node but the root and the transient ones. */
export const restingStateIds = (): string[] =>
  nodesOf(enrollmentMachine.root)
    .filter((node) => node !== enrollmentMachine.root && !isTransient(node))
    .map((node) => node.id);

/** Every transition the machine defines, done events and eventless ones included. */
export const allTransitions = (): string[] =>
  nodesOf(enrollmentMachine.root).flatMap((node) => [
    ...[...node.transitions.values()].flat().map(transitionKey),
    ...(node.always ?? []).map(transitionKey),
  ]);

/** `{ checkingDevice: "stalled" }` → `checkingDevice.stalled`. */
export const leafOf = (value: StateValue): string =>
  typeof value === "string"
    ? value
    : Object.entries(value)
        .map(([key, child]) => (child ? `${key}.${leafOf(child as StateValue)}` : key))
        .join();

/** The ids of a state value and of its ancestors: `enrollment.awaitingCode`, `enrollment.awaitingCode.editing`. */
export const stateIdsOf = (value: StateValue): string[] => {
  const ids: string[] = [];
  let prefix = enrollmentMachine.id;
  for (const part of leafOf(value).split(".")) {
    prefix = `${prefix}.${part}`;
    ids.push(prefix);
  }
  return ids;
};

/** Collects the transitions an actor takes and the states it visits, from XState's own inspection events. */
export const createTransitionRecorder = () => {
  const taken = new Set<string>();
  const visited = new Set<string>();
  return {
    taken,
    visited,
    inspect: (event: InspectionEvent) => {
      if (event.type === "@xstate.microstep") for (const t of event._transitions) taken.add(transitionKey(t));
      if (
        event.type === "@xstate.snapshot" &&
        event.actorRef.sessionId === event.rootId &&
        "value" in event.snapshot
      )
        for (const id of stateIdsOf(event.snapshot.value as StateValue)) visited.add(id);
    },
  };
};

/** Actors that never answer: the model's done events answer for them. */
const silent = fromCallback(() => undefined);
const inertActors = Object.fromEntries(
  Object.keys(enrollmentMachine.implementations.actors).map((name) => [name, silent]),
);

/**
 * The transitions a sequence of model events takes, as XState's inspection reports them, on an actor
 * whose own actors never answer (the events carry their answers).
 */
export const transitionsTaken = (events: readonly EventObject[], input?: EnrollmentInput): Set<string> => {
  const recorder = createTransitionRecorder();
  // biome-ignore lint/suspicious/noExplicitAny: done events are not in the machine's event union
  const machine = enrollmentMachine.provide({ actors: inertActors as any });
  const actor = createActor(machine, { input, inspect: recorder.inspect });
  actor.start();
  // biome-ignore lint/suspicious/noExplicitAny: as above
  for (const event of events) actor.send(event as any);
  actor.stop();
  return recorder.taken;
};
