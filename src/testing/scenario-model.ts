import type { AnyMachineSnapshot, EventObject } from "xstate";
import { documentedCodes, type ErrorCode } from "../errors/index.js";
import type { EnrollmentEvent } from "../machines/types.js";
import { type EnrollmentSnapshot, type EnrollmentViewModel, toViewModel } from "../view/toViewModel.js";
import {
  type ActorId,
  codes,
  deadlineEvents,
  eventFixtures,
  isRestored,
  type ModelEvent,
  type Outcome,
  ok,
  outcomeEvent,
  pendingActors,
  RELAUNCH,
  type RelaunchEvent,
  userEvents,
} from "./model.js";

/**
 * The model a UI scenario can follow: what a person, the network and the simulator can make happen.
 * The simulator answers at once, so a person acts only when no call is in flight; a call fails only in
 * ways the simulator's `failNext` and `setOffline` can make it fail, or throws where the driver's
 * `throwNext` makes the engine's call throw. A call sent once (an SMS request, a validation) may also be
 * held, for the app to be relaunched while it is in flight; the app is relaunched where a restore
 * changes what comes next.
 */

/** Codes no table lists for these reads, which a backend may still answer: each reaches one more route. */
const beyond: ErrorCode[] = [2306, 2310, 2316];
const network: ErrorCode[] = [2201, 2202, 2204];

/**
 * How each call can end while online. `checkAccountBlock` makes the second `account.get` of one step
 * (`failNext("account.get", code, { after: 1 })` fails it); `initializeFacade` fails only on a config
 * `initialize` refuses. The token's post-synchronisation fails with the codes its `failNext("smscode.set")`
 * takes (2202 only comes from being offline).
 */
export const scenarioOutcomes: Record<ActorId, readonly Outcome[]> = {
  initializeFacade: [ok("initialized"), ...codes(2006)],
  checkDeviceActivation: [
    ok("notActivated"),
    ok("activated"),
    ...codes(...documentedCodes["account.get"], ...network, ...beyond),
  ],
  checkAccountBlock: [ok("notBlocked"), ok("blocked"), ...codes(...documentedCodes["account.get"])],
  readTrustedPhone: [
    ok("phone"),
    ok("noPhone"),
    ...codes(...documentedCodes["trustedphonenumber.get"], ...beyond),
  ],
  requestCode: [ok("sent"), ...codes(...documentedCodes["smscode.get"], ...beyond)],
  validateCode: [
    ok("NotEnrolled"),
    ok("AlreadyEnrolled"),
    ...codes(...documentedCodes["smscode.set"], 2305, 2306, 2307),
  ],
  synchronizeToken: [ok("synchronized"), ...codes(2309, 2310, 2311, 2314, 2316)],
};

/** Offline, every call to the backend or the token answers 2202; the facade's initialisation is local. */
const offlineOutcomes = (actorId: ActorId): readonly Outcome[] =>
  actorId === "initializeFacade" ? scenarioOutcomes.initializeFacade : codes(2202);

/** An actor of the machine that threw (its call of the facade did): the machine's "unexpected" path. */
export interface ThrowEvent extends EventObject {
  readonly type: `xstate.error.actor.${ActorId}`;
  readonly actorId: ActorId;
  readonly error: string;
}

export const throwEvent = (actorId: ActorId): ThrowEvent => ({
  type: `xstate.error.actor.${actorId}`,
  actorId,
  error: "thrown by throwNext",
});

export const isThrowEvent = (event: EventObject): event is ThrowEvent =>
  event.type.startsWith("xstate.error.actor.");

/** An event of the scenario model: the model's, an actor that threw, or the app relaunched. */
export type ScenarioModelEvent = ModelEvent | ThrowEvent | RelaunchEvent;

/** The calls the machine sends once: restored while in flight, they answer "interrupted". */
const sentOnce: readonly ActorId[] = ["requestCode", "validateCode"];

/** What a restore changes: a call sent once is interrupted, a held code is lost. */
const restoreOutcomes = (snapshot: AnyMachineSnapshot): ScenarioModelEvent[] =>
  "heldCode" in snapshot.children
    ? eventFixtures["code.lost"]
    : pendingActors(snapshot).map((actorId) => outcomeEvent(actorId, { kind: "interrupted" }));

/** Whether a screen rendered from the view model offers the event (the network's always come). */
const offers = (view: EnrollmentViewModel, event: EnrollmentEvent): boolean => {
  switch (event.type) {
    case "start":
      return view.step === "idle";
    case "code.submit":
      return view.canSubmit;
    case "code.resend":
      return view.canResend;
    case "retry":
      return view.canRetry;
    case "cancel":
      return view.step !== "idle";
    default:
      return true;
  }
};

/**
 * In each state: what a restore changes, just after one; else the answers of the calls in flight (or a
 * throw, or, for a call sent once, a relaunch while it is held), or what a person, the network, the clock
 * and the app can do (a relaunch where a code is held).
 */
export const scenarioEvents = (snapshot: AnyMachineSnapshot): ScenarioModelEvent[] => {
  if (snapshot.status !== "active") return [];
  if (isRestored(snapshot)) return restoreOutcomes(snapshot);
  const pending = pendingActors(snapshot);
  if (pending.length === 0) {
    const view = toViewModel(snapshot as EnrollmentSnapshot);
    return [
      ...userEvents.filter((event) => offers(view, event)),
      ...deadlineEvents(snapshot),
      ...("heldCode" in snapshot.children ? [RELAUNCH] : []),
    ];
  }
  const { online } = snapshot.context;
  return [
    ...pending.flatMap((actorId) => [
      ...(online ? scenarioOutcomes[actorId] : offlineOutcomes(actorId)).map((outcome) =>
        outcomeEvent(actorId, outcome),
      ),
      ...(online ? [throwEvent(actorId)] : []),
    ]),
    ...(online && pending.some((actorId) => sentOnce.includes(actorId)) ? [RELAUNCH] : []),
  ];
};
