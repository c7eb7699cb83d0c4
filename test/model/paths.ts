import type { AnyMachineSnapshot, EventObject } from "xstate";
import {
  type ActorId,
  deadlineEvents,
  type ModelEvent as EngineModelEvent,
  modelGraph as graphOf,
  isOutcomeEvent,
  type OutcomeEvent,
  outcomeEvent,
  pendingActors,
  replay,
  restoreEvents,
  serializeEvent,
  serializeState,
  transitionPaths,
  userEvents,
} from "../../src/testing/model";
import { errorEvent } from "../support/events";
import { outcomeFixtures } from "./fixtures";

export type { OutcomeEvent };
export { outcomeEvent, serializeEvent, serializeState };

/** An actor that threw: a bug, which lands in the machine's one "unexpected" path. */
export interface BugEvent extends EventObject {
  readonly type: `xstate.error.actor.${ActorId}`;
  readonly actorId: ActorId;
  readonly bug: true;
  readonly error: Error;
}

export type ModelEvent = EngineModelEvent | BugEvent;

export interface ModelStep {
  readonly event: ModelEvent;
  readonly state: AnyMachineSnapshot;
}

export interface ModelPath {
  readonly description: string;
  readonly steps: readonly ModelStep[];
}

/** In each state: every user and timer event, and every outcome of each actor the state runs. */
export const modelEvents = (snapshot: AnyMachineSnapshot): ModelEvent[] =>
  snapshot.status !== "active"
    ? []
    : [
        ...userEvents,
        ...deadlineEvents(snapshot),
        ...restoreEvents(snapshot),
        ...pendingActors(snapshot).flatMap((id) =>
          outcomeFixtures[id].map((outcome) => outcomeEvent(id, outcome)),
        ),
      ];

export const describeStep = (event: ModelEvent): string => {
  if ("bug" in event) return `${event.actorId}→throws`;
  if (!isOutcomeEvent(event)) return event.type === "code.submit" ? `code.submit(${event.code})` : event.type;
  const { outcome } = event;
  const what =
    outcome.kind === "ok" ? outcome.variant : outcome.kind === "code" ? String(outcome.code) : "interrupted";
  return `${event.actorId}→${what}`;
};

const described = (steps: readonly ModelStep[]): ModelPath => ({
  description: steps.map((s) => describeStep(s.event)).join(" → "),
  steps,
});

/** The statechart's graph under the model's events: every reachable state and its transitions. */
export type ModelGraph = ReturnType<typeof modelGraph>;
export const modelGraph = () => graphOf(modelEvents);

/**
 * Transition coverage: for every transition of the statechart (source state, event, target state) that
 * changes the state or its context, the shortest path to its source followed by that transition.
 */
export const generatePaths = (): ModelPath[] => transitionPaths(modelEvents).map(described);

/**
 * For each actor, the first generated path's way to a state that runs it, then the actor throwing:
 * the `xstate.error.actor.*` transitions that no expected refusal takes.
 */
export const generateBugPaths = (paths: readonly ModelPath[]): ModelPath[] =>
  (Object.keys(outcomeFixtures) as ActorId[]).flatMap((actorId) => {
    for (const path of paths) {
      const index = path.steps.findIndex((step) => actorId in step.state.children);
      if (index < 0) continue;
      const bug: BugEvent = { ...errorEvent(actorId, new Error("bug")), actorId, bug: true };
      return [described(replay<ModelEvent>([...path.steps.slice(0, index + 1).map((s) => s.event), bug]))];
    }
    return [];
  });
