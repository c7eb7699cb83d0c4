import { type AnyMachineSnapshot, type EventObject, getInitialSnapshot, getNextSnapshot } from "xstate";
import { getAdjacencyMap, getShortestPaths } from "xstate/graph";
import { type ErrorCode, labelOf, type Operation, recoveryOf } from "../errors/index.js";
import { enrollmentMachine } from "../machines/enrollment.machine.js";
import type { EnrollmentEvent, EnrollmentInput, Reply } from "../machines/types.js";

/**
 * The enrollment statechart as a model for generated tests: its events, how each of its actors' calls
 * can end, and the paths that take every transition of its graph (`xstate/graph`). The machine invokes
 * actors, which `createTestModel` refuses; the actors' answers are modelled as the done events they send.
 */

/** A symbolic code: whoever runs a path types the code the simulated phone received, or a wrong one. */
export const SENT_CODE = "424242";
export const MALFORMED_CODE = "12a4";

/** Every public and timer event, with the variants a path may send. Exhaustive by type. */
export const eventFixtures = {
  start: [{ type: "start" }],
  "code.submit": [
    { type: "code.submit", code: SENT_CODE },
    { type: "code.submit", code: MALFORMED_CODE },
  ],
  "code.resend": [{ type: "code.resend" }],
  retry: [{ type: "retry" }],
  cancel: [{ type: "cancel" }],
  "network.online": [{ type: "network.online" }],
  "network.offline": [{ type: "network.offline" }],
  "deadline.resend": [{ type: "deadline.resend" }],
  "deadline.code": [{ type: "deadline.code" }],
  "code.lost": [{ type: "code.lost" }],
} satisfies { [K in EnrollmentEvent["type"]]: readonly Extract<EnrollmentEvent, { type: K }>[] };

/**
 * The events a person (or the network) sends; the timers' events come as time passes, and `code.lost`
 * from a restored actor whose validation waited with the code it no longer holds.
 */
export const userEvents: readonly EnrollmentEvent[] = Object.values(eventFixtures)
  .flat()
  .filter((event) => !event.type.startsWith("deadline.") && event.type !== "code.lost");

/** Where a restore loses the code the user typed: a validation waiting for `retry` or the network. */
export const restoreEvents = (snapshot: AnyMachineSnapshot): EnrollmentEvent[] =>
  "heldCode" in snapshot.children ? eventFixtures["code.lost"] : [];

/** The operation each backend actor runs, so that its codes are the catalogue's documented pairs. */
export const actorOperation = {
  initializeFacade: undefined,
  checkDeviceActivation: "account.get",
  checkAccountBlock: "account.get",
  readTrustedPhone: "trustedphonenumber.get",
  requestCode: "smscode.get",
  validateCode: "smscode.set",
  synchronizeToken: undefined,
} as const satisfies Record<string, Operation | undefined>;

/** An actor of the machine that calls the facade. */
export type ActorId = keyof typeof actorOperation;

export const isActorId = (id: string): id is ActorId => Object.hasOwn(actorOperation, id);

/** How an actor's call can end: a success variant, a catalogue code, or interrupted by a restore. */
export type Outcome =
  | { readonly kind: "ok"; readonly variant: SuccessVariant }
  | { readonly kind: "code"; readonly code: ErrorCode }
  | { readonly kind: "interrupted" };

/** What each success variant answers, as the facade's result. */
export const successValues = {
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
} as const;

export type SuccessVariant = keyof typeof successValues;

export const ok = (variant: SuccessVariant): Outcome => ({ kind: "ok", variant });
export const codes = (...list: ErrorCode[]): Outcome[] => list.map((code) => ({ kind: "code", code }));

/** A done event that carries one outcome of one actor. */
export interface OutcomeEvent extends EventObject {
  readonly type: `xstate.done.actor.${ActorId}`;
  readonly actorId: ActorId;
  readonly outcome: Outcome;
  readonly output: Reply<unknown>;
}

/** An event of the model: a public or timer event, or an actor's answer. */
export type ModelEvent = EnrollmentEvent | OutcomeEvent;

const replyFor = (outcome: Outcome, at: number): Reply<unknown> => {
  switch (outcome.kind) {
    case "ok":
      return { ok: true, value: successValues[outcome.variant], at };
    case "interrupted":
      return { ok: false, error: "interrupted", at };
    case "code": {
      const error = { code: outcome.code, label: labelOf(outcome.code) };
      // A 2316 carries the status the validation answered: the model's account is not enrolled yet.
      return recoveryOf(outcome.code) === "sync"
        ? { ok: false, error, at, validatedStatus: "NotEnrolled" }
        : { ok: false, error, at };
    }
  }
};

/** The done event of `actorId` answering `outcome`, as if answered at `at` (epoch ms). */
export const outcomeEvent = (actorId: ActorId, outcome: Outcome, at = 0): OutcomeEvent => ({
  type: `xstate.done.actor.${actorId}`,
  actorId,
  outcome,
  output: replyFor(outcome, at),
});

export const isOutcomeEvent = (event: EventObject): event is OutcomeEvent => "outcome" in event;

/** The actors a state is waiting for: the backend calls in flight. */
export const pendingActors = (snapshot: AnyMachineSnapshot): ActorId[] =>
  Object.keys(snapshot.children).filter(isActorId);

/** Timer events come as time passes: a deadline in context, the earlier one first. */
export const deadlineEvents = ({ context }: AnyMachineSnapshot): EnrollmentEvent[] => {
  const resendPending = !context.resendReady && context.resendAvailableAt !== null;
  const codeDeadline = context.codeExpiresAt;
  const codeFirst = codeDeadline !== null && (!resendPending || codeDeadline < context.resendAvailableAt);
  return [
    ...(resendPending ? eventFixtures["deadline.resend"] : []),
    ...(codeFirst ? eventFixtures["deadline.code"] : []),
  ];
};

/** The app killed and launched again, its flow restored from its persisted snapshot: a model event, not the machine's. */
export const RELAUNCH = { type: "relaunch" } as const;
export type RelaunchEvent = typeof RELAUNCH;

/** A snapshot just restored: a call it sent once answers "interrupted", the code it held is lost. */
export type RestoredSnapshot = AnyMachineSnapshot & { readonly restored: true };

export const isRestored = (snapshot: AnyMachineSnapshot): snapshot is RestoredSnapshot =>
  "restored" in snapshot;

/** What makes two states different for the model: where, the counters the guards read, and a restore. */
export const serializeState = (snapshot: AnyMachineSnapshot): string => {
  const { sendsUsed, attemptsLeft, resendReady, online } = snapshot.context;
  const state = [snapshot.value, sendsUsed, attemptsLeft, resendReady, online];
  return JSON.stringify(isRestored(snapshot) ? [...state, "restored"] : state);
};

export const serializeEvent = (event: EventObject): string =>
  isOutcomeEvent(event) ? `${event.actorId}:${JSON.stringify(event.outcome)}` : JSON.stringify(event);

/** One step of a path: the event, and the state it leads to. */
export interface ModelStep<E extends EventObject = ModelEvent> {
  readonly event: E;
  readonly state: AnyMachineSnapshot;
}

/** The events of a path, from the machine's initial state. */
export type ModelPath<E extends EventObject = ModelEvent> = readonly ModelStep<E>[];

/**
 * The machine as the model's logic: a relaunch restores the flow where it was (the same state and
 * context; the machine's next transition, which XState's snapshots do not carry the mark through, ends
 * the restore). Any other event is the machine's.
 */
// biome-ignore lint/suspicious/noExplicitAny: the graph and transition APIs type events from the machine; the model's add done events
export const modelLogic: any = Object.create(enrollmentMachine, {
  transition: {
    value: (snapshot: AnyMachineSnapshot, event: EventObject, scope: unknown) =>
      event.type === RELAUNCH.type
        ? { ...snapshot, restored: true }
        : // biome-ignore lint/suspicious/noExplicitAny: as above
          enrollmentMachine.transition(snapshot as any, event as any, scope as any),
  },
});
const logic = modelLogic;

/** The states a sequence of events leads to, replayed from the start with the machine's `input`. */
export const replay = <E extends EventObject>(
  events: readonly E[],
  input?: EnrollmentInput,
): ModelStep<E>[] => {
  let state: AnyMachineSnapshot = getInitialSnapshot(logic, input);
  return events.map((event) => {
    state = getNextSnapshot(logic, state, event);
    return { event, state };
  });
};

/** The events the model offers in a state. */
export type EventsOf<E extends EventObject> = (snapshot: AnyMachineSnapshot) => readonly E[];

const graphOptions = (events: EventsOf<EventObject>) => ({ events, serializeState, serializeEvent });

/** The statechart's graph under the model's events: every reachable state and its transitions. */
export type ModelGraph<E extends EventObject = ModelEvent> = Record<
  string,
  { state: AnyMachineSnapshot; transitions: Record<string, { event: E; state: AnyMachineSnapshot }> }
>;

export const modelGraph = <E extends EventObject>(events: EventsOf<E>): ModelGraph<E> =>
  getAdjacencyMap(logic, graphOptions(events as EventsOf<EventObject>)) as ModelGraph<E>;

/**
 * Transition coverage: for every edge of the graph (a state, an event, the state it leads to) that
 * changes the state or its context, the shortest path to its source followed by that edge.
 */
export const transitionPaths = <E extends EventObject>(events: EventsOf<E>): ModelPath<E>[] => {
  const options = graphOptions(events as EventsOf<EventObject>);
  const shortest = new Map(
    getShortestPaths(logic, options).map((path) => [serializeState(path.state as AnyMachineSnapshot), path]),
  );
  const adjacency = modelGraph(events);
  const covered = new Set<string>();
  const paths: ModelPath<E>[] = [];
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
      paths.push(replay([...prefix.steps.slice(1).map((step) => step.event as E), event]));
    }
  }
  return paths;
};
