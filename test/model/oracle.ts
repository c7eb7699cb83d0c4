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
  synchronizing: "syncing",
};

/**
 * Where the spec says a step leads, worked out apart from the machine: success targets, recovery
 * classes restated from the spec, and the limits on sends and attempts. `undefined`: the oracle has no
 * opinion, and only the model's prediction is checked.
 */
export const expectedLeaf = (from: AnyMachineSnapshot, event: ModelEvent): string | undefined => {
  const leaf = leafOf(from.value);
  const [step = "", phase] = leaf.split(".");
  const { context } = from;
  const noSendsLeft = context.sendsUsed >= context.timers.maxSends;
  const newCode = noSendsLeft ? "failed" : "awaitingCode.expired";

  if ("bug" in event) return "failed";
  if ("outcome" in event) {
    const { outcome, actorId } = event;
    if (outcome.kind === "ok") return successTargets[outcome.variant];
    if (outcome.kind === "interrupted")
      return actorId === "requestCode" ? "awaitingCode.unconfirmed" : "awaitingCode.editing";
    if (actorId === "initializeFacade") return "failed";
    const recovery = specifiedRecoveryOf(outcome.code);
    if (recovery === "terminal") return "failed";
    if (recovery === "restart-enrollment") return "accountBlocked";
    if (recovery === "add-phone") return actorId === "readTrustedPhone" ? "trustedPhoneRequired" : undefined;
    if (recovery === "new-code") return newCode;
    if (actorId === "validateCode") {
      if (recovery === "sync") return "synchronizing.syncing";
      if (recovery === "fix-input" && context.attemptsLeft <= 1) return newCode;
      return "awaitingCode.rejected";
    }
    if (recovery === "when-online") return `${step}.offline`;
    // retry and fix-input: the step waits for `retry`; a request that may have sent an SMS counts one.
    return step === "requestingCode" && noSendsLeft ? "failed" : `${step}.stalled`;
  }

  switch (event.type) {
    case "start":
      return leaf === "idle" ? "initializing" : undefined;
    case "cancel":
      return "cancelled";
    case "retry":
      if (phase === "offline") return `${step}.${pendingPhase[step]}`;
      if (phase !== "stalled") return undefined;
      if (step === "requestingCode" && !context.resendReady) return leaf;
      return `${step}.${pendingPhase[step]}`;
    case "network.online":
      return phase === "offline" ? `${step}.${pendingPhase[step]}` : undefined;
    case "code.submit":
      if (step !== "awaitingCode" || phase === "expired") return undefined;
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
