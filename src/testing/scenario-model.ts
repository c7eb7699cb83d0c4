import type { AnyMachineSnapshot } from "xstate";
import { documentedCodes, type ErrorCode } from "../errors/index.js";
import type { EnrollmentEvent } from "../machines/types.js";
import { type EnrollmentSnapshot, type EnrollmentViewModel, toViewModel } from "../view/toViewModel.js";
import {
  type ActorId,
  codes,
  deadlineEvents,
  type ModelEvent,
  type Outcome,
  ok,
  outcomeEvent,
  pendingActors,
  userEvents,
} from "./model.js";

/**
 * The model a UI scenario can follow: what a person, the network and the simulator can make happen.
 * The simulator answers at once, so a person acts only when no call is in flight; a call fails only in
 * ways the simulator's `failNext` and `setOffline` can make it fail.
 */

/** Codes no table lists for these reads, which a backend may still answer: each reaches one more route. */
const beyond: ErrorCode[] = [2306, 2310, 2316];
const network: ErrorCode[] = [2201, 2202, 2204];

/**
 * How each call can end while online. `checkAccountBlock` only succeeds: it is the second `account.get`
 * of one step and `failNext("account.get")` fails the first. The token's post-synchronisation fails with
 * the codes its `failNext("smscode.set")` takes (2202 only comes from being offline).
 */
export const scenarioOutcomes: Record<ActorId, readonly Outcome[]> = {
  initializeFacade: [ok("initialized")],
  checkDeviceActivation: [
    ok("notActivated"),
    ok("activated"),
    ...codes(...documentedCodes["account.get"], ...network, ...beyond),
  ],
  checkAccountBlock: [ok("notBlocked"), ok("blocked")],
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

/** In each state: the answers of the calls in flight, or else what a person, the network and the clock can do. */
export const scenarioEvents = (snapshot: AnyMachineSnapshot): ModelEvent[] => {
  if (snapshot.status !== "active") return [];
  const pending = pendingActors(snapshot);
  if (pending.length === 0) {
    const view = toViewModel(snapshot as EnrollmentSnapshot);
    return [...userEvents.filter((event) => offers(view, event)), ...deadlineEvents(snapshot)];
  }
  return pending.flatMap((actorId) =>
    (snapshot.context.online ? scenarioOutcomes[actorId] : offlineOutcomes(actorId)).map((outcome) =>
      outcomeEvent(actorId, outcome),
    ),
  );
};
