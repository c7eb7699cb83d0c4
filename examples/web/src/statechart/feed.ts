import type { AnyStateNode, AnyTransitionDefinition, InspectionEvent } from "xstate";
import { transitionKey } from "./graph";

/** The transitions the machine took for the last event that changed its state. */
export interface TakenStep {
  /** Counts the steps, so that a repeated transition is a new step. */
  readonly id: number;
  readonly event: string;
  /** By `transitionKey`: each microstep's transitions, in order. */
  readonly transitions: readonly string[];
  /** The states left and entered, by id: the first source and the last target. */
  readonly from: string;
  readonly to: string;
}

/**
 * Listens to the root actor's `@xstate.microstep` inspection events and keeps the last step: the
 * transitions one event caused (a done event, then the `failure` state's `always`, for instance).
 * Transitions without a target (an action only) are not steps.
 */
export const createTransitionFeed = () => {
  let last: TakenStep | null = null;
  let lastEvent: unknown = null;
  const listeners = new Set<() => void>();
  return {
    inspect(inspection: InspectionEvent) {
      if (inspection.type !== "@xstate.microstep" || inspection.actorRef.sessionId !== inspection.rootId)
        return;
      const taken = (inspection._transitions as AnyTransitionDefinition[]).flatMap((transition) =>
        ((transition.target ?? []) as AnyStateNode[]).map((target) => ({ transition, target })),
      );
      const first = taken[0];
      const final = taken.at(-1);
      if (first === undefined || final === undefined) return;
      const keys = taken.map(({ transition, target }) => transitionKey(transition, target));
      const sameEvent = last !== null && inspection.event === lastEvent;
      last = {
        id: (last?.id ?? 0) + 1,
        event: inspection.event.type,
        transitions: sameEvent && last ? [...last.transitions, ...keys] : keys,
        from: sameEvent && last ? last.from : (first.transition.source as AnyStateNode).id,
        to: final.target.id,
      };
      lastEvent = inspection.event;
      for (const listener of listeners) listener();
    },
    /** For `useSyncExternalStore`. */
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    last: (): TakenStep | null => last,
  };
};

export type TransitionFeed = ReturnType<typeof createTransitionFeed>;
