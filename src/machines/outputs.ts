import type { EventObject } from "xstate";
import { errorBody } from "../errors/index.js";
import { accountBlockAnswer } from "./actors.js";
import type { EnrollmentApi, EnrollmentContext, EnrollmentOutput } from "./types.js";

// Each final state's output; the machine's output is the one of the final state it ended in. Plain
// functions, not a map: the machine config then holds no property access, and a bundle that does not
// use the machine drops it whole.

type Args = { context: EnrollmentContext };

const ENROLLMENT_API: EnrollmentApi = "pims.authentication.enrollment";

export const handoffOutput = ({ context }: Args): EnrollmentOutput => {
  const status = context.status ?? "NotEnrolled";
  return {
    outcome: "handoff",
    status,
    next: { api: ENROLLMENT_API, action: "enroll", pin: status === "NotEnrolled" ? "new" : "existing" },
  };
};

export const alreadyActivatedOutput = (): EnrollmentOutput => ({ outcome: "alreadyActivated" });

/**
 * Blocked by the account check: which block, so that an app tells a blocked PIN from a blocked account;
 * blocked by the token's answer to the validation (2310, 2317): the error that said so. The event is the
 * one that ended the flow.
 */
export const accountBlockedOutput = ({ context, event }: Args & { event: EventObject }): EnrollmentOutput => {
  const blockState = accountBlockAnswer(event)?.isAccountBlocked;
  return {
    outcome: "accountBlocked",
    next: { api: ENROLLMENT_API, action: "remove" },
    ...(blockState === "AccountBlocked" || blockState === "PINBlocked" ? { blockState } : {}),
    ...(context.error === null ? {} : { error: context.error }),
  };
};

export const trustedPhoneRequiredOutput = (): EnrollmentOutput => ({
  outcome: "trustedPhoneRequired",
  next: { api: ENROLLMENT_API, action: "enrollWithPhoneNumber" },
});

export const failedOutput = ({ context }: Args): EnrollmentOutput => ({
  outcome: "failed",
  error: context.error ?? errorBody(2000),
});

export const cancelledOutput = (): EnrollmentOutput => ({ outcome: "cancelled" });

/** The machine's output: the output of the final state it ended in. */
export const finalStateOutput = ({ event }: { event: { output?: unknown } }) =>
  event.output as EnrollmentOutput;
