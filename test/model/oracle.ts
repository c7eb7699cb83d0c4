import type { AnyMachineSnapshot } from "xstate";
import { leafOf } from "../../src/testing/coverage";
import { specifiedRecoveryOf } from "../support/recovery";
import { MALFORMED_CODE } from "./fixtures";
import type { ModelEvent } from "./paths";

export { leafOf };

/** Where each success leads, as the spec's flow (§3) says. */
const successTargets: Record<string, string> = {
  initialized: "checkingDevice.deviceActivation",
  activated: "alreadyActivated",
  notActivated: "checkingDevice.accountBlock",
  blocked: "accountBlocked",
  notBlocked: "checkingTrustedPhone.reading",
  phone: "requestingCode.sending",
  noPhone: "trustedPhoneRequired",
  sent: "awaitingCode.editing",
  NotEnrolled: "handoff",
  AlreadyEnrolled: "handoff",
  synchronized: "handoff",
};

const pendingPhase: Record<string, string> = {
  checkingDevice: "deviceActivation",
  checkingTrustedPhone: "reading",
  requestingCode: "sending",
  validatingCode: "checking",
  synchronizing: "syncing",
};

/** The spec (round 2): only a request that timed out or whose answer was unreadable may have sent an SMS. */
const MAY_HAVE_SENT = [2201, 2203];

/** The phases of code entry, where a code can be typed. */
const CODE_ENTRY = ["editing", "rejected", "unconfirmed", "retype"];

/**
 * Where the spec says a step leads, worked out apart from the machine: success targets, recovery
 * classes restated from the spec, and the limits on sends and attempts. `undefined`: the oracle has no
 * opinion, and only the model's prediction is checked.
 */
export const expectedLeaf = (from: AnyMachineSnapshot, event: ModelEvent): string | undefined => {
  const leaf = leafOf(from.value);
  const [step = "", phase] = leaf.split(".");
  const { context } = from;
  const sendsLeftAfter = (sendsUsed: number) => (sendsUsed >= context.timers.maxSends ? "failed" : undefined);
  const noSendsLeft = context.sendsUsed >= context.timers.maxSends;
  const newCode = noSendsLeft ? "failed" : "awaitingCode.expired";
  // A code was sent earlier and can still be typed (the model's replies all come before it expires).
  const earlierCodeValid = context.codeExpiresAt !== null && context.attemptsLeft > 0;

  if ("bug" in event) return "failed";
  if ("outcome" in event) {
    const { outcome, actorId } = event;
    if (outcome.kind === "ok") return successTargets[outcome.variant];
    if (outcome.kind === "interrupted")
      return actorId === "requestCode" ? "awaitingCode.unconfirmed" : "awaitingCode.retype";
    if (actorId === "initializeFacade") return "failed";
    const recovery = specifiedRecoveryOf(outcome.code);
    if (recovery === "terminal") return "failed";
    if (recovery === "restart-enrollment") return "accountBlocked";
    if (actorId === "requestCode") {
      // Counted on entry; refunded unless it may have sent one.
      const sendsUsed = context.sendsUsed - (MAY_HAVE_SENT.includes(outcome.code) ? 0 : 1);
      if (earlierCodeValid) return "awaitingCode.editing";
      if (recovery === "new-code") return sendsLeftAfter(sendsUsed) ?? "awaitingCode.expired";
      if (recovery === "when-online") return "requestingCode.offline";
      return sendsLeftAfter(sendsUsed) ?? "requestingCode.stalled";
    }
    if (recovery === "add-phone") return actorId === "readTrustedPhone" ? "trustedPhoneRequired" : undefined;
    if (recovery === "new-code") return newCode;
    if (actorId === "validateCode") {
      if (recovery === "sync") return "synchronizing.syncing";
      if (recovery === "when-online") return "validatingCode.offline";
      if (recovery === "retry") return "validatingCode.stalled";
      if (recovery === "fix-input" && context.attemptsLeft <= 1) return newCode;
      return "awaitingCode.rejected";
    }
    if (recovery === "when-online") return `${step}.offline`;
    // retry and fix-input: the step waits for `retry`.
    return `${step}.stalled`;
  }

  switch (event.type) {
    case "start":
      return leaf === "idle" ? "initializing" : undefined;
    case "cancel":
      return "cancelled";
    case "retry":
      if (phase === "offline") return `${step}.${pendingPhase[step]}`;
      if (phase !== "stalled") return undefined;
      // A request that may have sent an SMS waits for its cooldown; any other is retried at once.
      if (step === "requestingCode" && !context.resendReady && context.resendAvailableAt !== null)
        return leaf;
      return `${step}.${pendingPhase[step]}`;
    case "network.online":
      return phase === "offline" ? `${step}.${pendingPhase[step]}` : undefined;
    case "code.lost":
      return step === "validatingCode" ? "awaitingCode.retype" : undefined;
    case "code.submit":
      if (step !== "awaitingCode" || !CODE_ENTRY.includes(phase ?? "")) return undefined;
      return event.code === MALFORMED_CODE ? "awaitingCode.rejected" : "validatingCode.checking";
    case "code.resend":
      if (step !== "awaitingCode") return undefined;
      return context.resendReady && !noSendsLeft ? "requestingCode.sending" : leaf;
    case "deadline.code":
      return step === "awaitingCode" ? newCode : undefined;
    default:
      return undefined;
  }
};
