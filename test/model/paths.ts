import type { AnyMachineSnapshot, EventObject } from "xstate";
import { getInitialSnapshot, getNextSnapshot } from "xstate";
import { getAdjacencyMap, getShortestPaths } from "xstate/graph";
import { labelOf } from "../../src/errors";
import { type EnrollmentEvent, enrollmentMachine, type Reply } from "../../src/machines";
import { type ActorId, eventFixtures, type Outcome, outcomeFixtures } from "./fixtures";

/** A done event that carries one fixture outcome of one actor. */
export interface OutcomeEvent extends EventObject {
  readonly type: `xstate.done.actor.${ActorId}`;
  readonly actorId: ActorId;
  readonly outcome: Outcome;
  readonly output: Reply<unknown>;
}

/** An actor that threw: a bug, which lands in the machine's one "unexpected" path. */
export interface BugEvent extends EventObject {
  readonly type: `xstate.error.actor.${ActorId}`;
  readonly actorId: ActorId;
  readonly bug: true;
  readonly error: Error;
}

export type ModelEvent = EnrollmentEvent | OutcomeEvent | BugEvent;

export interface ModelStep {
  readonly event: ModelEvent;
  readonly state: AnyMachineSnapshot;
}

export interface ModelPath {
  readonly description: string;
  readonly steps: readonly ModelStep[];
}

const successValues: Record<string, unknown> = {
  initialized: null,
  notActivated: { isDeviceActivated: false },
  activated: { isDeviceActivated: true },
  notBlocked: { isAccountBlocked: "NotBlocked" },
  blocked: { isAccountBlocked: "AccountBlocked" },
  phone: { phoneNumber: "0612345678" },
  noPhone: { phoneNumber: null },
  sent: null,
  NotEnrolled: { status: "NotEnrolled" },
  AlreadyEnrolled: { status: "AlreadyEnrolled" },
  synchronized: { status: "NotEnrolled" },
};

const replyFor = (outcome: Outcome): Reply<unknown> => {
  switch (outcome.kind) {
    case "ok":
      return { ok: true, value: successValues[outcome.variant], at: 0 };
    case "interrupted":
      return { ok: false, interrupted: true, at: 0 };
    case "code":
      return { ok: false, error: { code: outcome.code, label: labelOf(outcome.code) }, at: 0 };
  }
};

export const outcomeEvent = (actorId: ActorId, outcome: Outcome): OutcomeEvent => ({
  type: `xstate.done.actor.${actorId}`,
  actorId,
  outcome,
  output: replyFor(outcome),
});

const userEvents = Object.values(eventFixtures)
  .flat()
  .filter((e) => !e.type.startsWith("deadline.")) as EnrollmentEvent[];

/** Timer events come as time passes: a deadline in context, the earlier one first. */
const deadlineEvents = ({ context }: AnyMachineSnapshot): EnrollmentEvent[] => {
  const resendPending = !context.resendReady && context.resendAvailableAt !== null;
  const codeDeadline = context.codeExpiresAt;
  const codeFirst = codeDeadline !== null && (!resendPending || codeDeadline < context.resendAvailableAt);
  return [
    ...(resendPending ? eventFixtures["deadline.resend"] : []),
    ...(codeFirst ? eventFixtures["deadline.code"] : []),
  ];
};
const isActorId = (id: string): id is ActorId => id in outcomeFixtures;

/** In each state: every user and timer event, and every outcome of each actor the state runs. */
export const modelEvents = (snapshot: AnyMachineSnapshot): ModelEvent[] =>
  snapshot.status !== "active"
    ? []
    : [
        ...userEvents,
        ...deadlineEvents(snapshot),
        ...Object.keys(snapshot.children)
          .filter(isActorId)
          .flatMap((id) => outcomeFixtures[id].map((outcome) => outcomeEvent(id, outcome))),
      ];

/** What makes two states different for the model: where, and the counters the guards read. */
export const serializeState = (snapshot: AnyMachineSnapshot): string => {
  const { sendsUsed, attemptsLeft, resendReady, online } = snapshot.context;
  return JSON.stringify([snapshot.value, sendsUsed, attemptsLeft, resendReady, online]);
};

export const serializeEvent = (event: ModelEvent): string =>
  "outcome" in event ? `${event.actorId}:${JSON.stringify(event.outcome)}` : JSON.stringify(event);

export const describeStep = (event: ModelEvent): string => {
  if ("bug" in event) return `${event.actorId}→throws`;
  if (!("outcome" in event)) return event.type === "code.submit" ? `code.submit(${event.code})` : event.type;
  const { outcome } = event;
  const what =
    outcome.kind === "ok" ? outcome.variant : outcome.kind === "code" ? String(outcome.code) : "interrupted";
  return `${event.actorId}→${what}`;
};

/** The states a sequence of events leads to, replayed from the start (the graph keeps one per key). */
const replay = (events: readonly ModelEvent[]): ModelStep[] => {
  // biome-ignore lint/suspicious/noExplicitAny: done events are not in the machine's event union
  const machine = enrollmentMachine as any;
  let state: AnyMachineSnapshot = getInitialSnapshot(machine, undefined);
  return events.map((event) => {
    state = getNextSnapshot(machine, state, event);
    return { event, state };
  });
};

/** The statechart's graph under the model's events: every reachable state and its transitions. */
export type ModelGraph = Record<
  string,
  { state: AnyMachineSnapshot; transitions: Record<string, { event: ModelEvent; state: AnyMachineSnapshot }> }
>;

// biome-ignore lint/suspicious/noExplicitAny: the graph API types events from the machine; ours add done events
const graphOptions = { events: modelEvents, serializeState, serializeEvent } as any;
// biome-ignore lint/suspicious/noExplicitAny: as above
const graphLogic = enrollmentMachine as any;

export const modelGraph = (): ModelGraph => getAdjacencyMap(graphLogic, graphOptions) as ModelGraph;

/**
 * Transition coverage: for every transition of the statechart (source state, event, target state) that
 * changes the state or its context, the shortest path to its source followed by that transition.
 */
export const generatePaths = (): ModelPath[] => {
  const shortest = new Map(
    getShortestPaths(graphLogic, graphOptions).map((path) => [
      serializeState(path.state as AnyMachineSnapshot),
      path,
    ]),
  );
  const adjacency = modelGraph();
  const covered = new Set<string>();
  const paths: ModelPath[] = [];
  const bySourceLength = Object.entries(adjacency).sort(
    ([a], [b]) => (shortest.get(a)?.steps.length ?? 0) - (shortest.get(b)?.steps.length ?? 0),
  );
  for (const [key, { state, transitions }] of bySourceLength) {
    const prefix = shortest.get(key);
    if (!prefix) continue;
    for (const { event, state: next } of Object.values(transitions)) {
      if (serializeState(next) === key && JSON.stringify(next.context) === JSON.stringify(state.context))
        continue;
      const edge = JSON.stringify([state.value, serializeEvent(event), next.value]);
      if (covered.has(edge)) continue;
      covered.add(edge);
      const steps = replay([...prefix.steps.slice(1).map((s) => s.event as ModelEvent), event]);
      paths.push({ description: steps.map((s) => describeStep(s.event)).join(" → "), steps });
    }
  }
  return paths;
};

/**
 * For each actor, the first generated path's way to a state that runs it, then the actor throwing:
 * the `xstate.error.actor.*` transitions that no expected refusal takes.
 */
export const generateBugPaths = (paths: readonly ModelPath[]): ModelPath[] =>
  (Object.keys(outcomeFixtures) as ActorId[]).flatMap((actorId) => {
    for (const path of paths) {
      const index = path.steps.findIndex((step) => actorId in step.state.children);
      if (index < 0) continue;
      const bug: BugEvent = {
        type: `xstate.error.actor.${actorId}`,
        actorId,
        bug: true,
        error: new Error("bug"),
      };
      const steps = replay([...path.steps.slice(0, index + 1).map((s) => s.event), bug]);
      return [{ description: steps.map((s) => describeStep(s.event)).join(" → "), steps }];
    }
    return [];
  });
