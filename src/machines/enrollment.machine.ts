import type { RecoveryClass } from "../errors/index.js";
import { actions } from "./actions.js";
import { enrollmentActors } from "./actors.js";
import { guards } from "./guards.js";
import { initialContext } from "./initialContext.js";
import { deadlinesInput, synchronizeInput } from "./inputs.js";
import {
  accountBlockedOutput,
  alreadyActivatedOutput,
  cancelledOutput,
  failedOutput,
  finalStateOutput,
  handoffOutput,
  trustedPhoneRequiredOutput,
} from "./outputs.js";
import { setup } from "./setup.js";
import type { EnrollmentContext, EnrollmentEvent, EnrollmentInput, EnrollmentOutput } from "./types.js";

/** A transition shared by several states, typed so that its literal guard and action names are checked. */
type Route = {
  readonly guard?:
    | "codeFormatValid"
    | "earlierCodeValid"
    | { readonly type: "errorRecoveryIs"; readonly params: RecoveryClass };
  readonly target: string;
  readonly actions?: "rejectCodeFormat" | "recordError" | "holdCode";
};

// Shared routes, one object each, so that the Stately editor (which reads array literals of
// identifiers, not identifiers of arrays) draws every one of them. A step's `failure` substate routes the
// recorded error by its recovery class; retry-class codes, and any other a step cannot act on (a 2316 on
// a read), end in `stalled`, which waits for `retry`.

/** A code the flow cannot recover from. */
const toFailed: Route = {
  guard: { type: "errorRecoveryIs", params: "terminal" },
  target: "#enrollment.failed",
};
/** An actor that threw is a bug: the flow fails with 2000. */
const toFailedUnexpectedly: Route = { target: "#enrollment.failed", actions: "recordError" };
/** The account must drop its enrollments first. */
const toAccountBlocked: Route = {
  guard: { type: "errorRecoveryIs", params: "restart-enrollment" },
  target: "#enrollment.accountBlocked",
};
/** A new SMS code is needed. */
const toNewCode: Route = {
  guard: { type: "errorRecoveryIs", params: "new-code" },
  target: "#enrollment.awaitingCode.expired",
};
/** Nothing left the device: the step waits to be online again. */
const toOffline: Route = {
  guard: { type: "errorRecoveryIs", params: "when-online" },
  target: "offline",
};

/** A failed request that a step may retry as it is: the user's `retry`. */
const toStalled: Route = {
  guard: { type: "errorRecoveryIs", params: "retry" },
  target: "stalled",
};

/** The code is held in memory, outside the snapshot, for the validation and its retries. */
const submitValidCode: Route = {
  guard: "codeFormatValid",
  target: "#enrollment.validatingCode",
  actions: "holdCode",
};
const rejectMalformedCode: Route = {
  target: "#enrollment.awaitingCode.rejected",
  actions: "rejectCodeFormat",
};

/** The SMS-code step of PIMS device enrollment, from facade initialisation to the handoff to enroll. */
export const enrollmentMachine = /* @__PURE__ */ setup({
  types: {} as {
    context: EnrollmentContext;
    events: EnrollmentEvent;
    input: EnrollmentInput | undefined;
    output: EnrollmentOutput;
    tags: "busy";
  },
  actors: enrollmentActors,
  actions,
  guards,
}).createMachine({
  id: "enrollment",
  initial: "idle",
  context: initialContext,
  output: finalStateOutput,
  on: {
    cancel: ".cancelled",
    "network.online": { actions: "markOnline" },
    "network.offline": { actions: "markOffline" },
  },
  states: {
    idle: {
      on: { start: "initializing" },
    },
    initializing: {
      tags: "busy",
      invoke: {
        id: "initializeFacade",
        src: "initializeFacade",
        onDone: [
          { guard: "replySucceeded", target: "checkingDevice" },
          { target: "failed", actions: "recordError" },
        ],
        onError: toFailedUnexpectedly,
      },
    },
    checkingDevice: {
      initial: "deviceActivation",
      states: {
        deviceActivation: {
          tags: "busy",
          entry: "clearError",
          invoke: {
            id: "checkDeviceActivation",
            src: "checkDeviceActivation",
            onDone: [
              { guard: "deviceActivated", target: "#enrollment.alreadyActivated" },
              { guard: "replySucceeded", target: "accountBlock" },
              { target: "failure", actions: "recordError" },
            ],
            onError: toFailedUnexpectedly,
          },
        },
        accountBlock: {
          tags: "busy",
          invoke: {
            id: "checkAccountBlock",
            src: "checkAccountBlock",
            onDone: [
              { guard: "accountBlocked", target: "#enrollment.accountBlocked" },
              { guard: "replySucceeded", target: "#enrollment.checkingTrustedPhone" },
              { target: "failure", actions: "recordError" },
            ],
            onError: toFailedUnexpectedly,
          },
        },
        failure: { always: [toFailed, toAccountBlocked, toNewCode, toOffline, "stalled"] },
        stalled: { on: { retry: "deviceActivation" } },
        offline: {
          on: {
            retry: "deviceActivation",
            "network.online": { target: "deviceActivation", actions: "markOnline" },
          },
        },
      },
    },
    checkingTrustedPhone: {
      initial: "reading",
      states: {
        reading: {
          tags: "busy",
          entry: "clearError",
          invoke: {
            id: "readTrustedPhone",
            src: "readTrustedPhone",
            onDone: [
              { guard: "noTrustedPhone", target: "#enrollment.trustedPhoneRequired" },
              {
                guard: { type: "replyFailedWith", params: "add-phone" },
                target: "#enrollment.trustedPhoneRequired",
              },
              { guard: "replySucceeded", target: "#enrollment.requestingCode", actions: "storePhone" },
              { target: "failure", actions: "recordError" },
            ],
            onError: toFailedUnexpectedly,
          },
        },
        failure: { always: [toFailed, toAccountBlocked, toNewCode, toOffline, "stalled"] },
        stalled: { on: { retry: "reading" } },
        offline: {
          on: {
            retry: "reading",
            "network.online": { target: "reading", actions: "markOnline" },
          },
        },
      },
    },
    requestingCode: {
      initial: "sending",
      states: {
        sending: {
          tags: "busy",
          entry: ["clearError", "countSend"],
          invoke: {
            id: "requestCode",
            src: "requestCode",
            onDone: [
              { guard: "replySucceeded", target: "#enrollment.awaitingCode", actions: "startCode" },
              {
                guard: "replyInterrupted",
                target: "#enrollment.awaitingCode.unconfirmed",
                actions: "allowResend",
              },
              // It may have sent an SMS: it counts, and a retry waits for the cooldown.
              { guard: "replyOutcomeUnknown", target: "failure", actions: ["recordError", "startCooldown"] },
              { target: "failure", actions: ["recordError", "refundSend"] },
            ],
            onError: toFailedUnexpectedly,
          },
        },
        failure: {
          always: [
            toFailed,
            toAccountBlocked,
            // A failed resend: the code sent earlier still works.
            { guard: "earlierCodeValid", target: "#enrollment.awaitingCode.editing" },
            toNewCode,
            toOffline,
            "stalled",
          ],
        },
        stalled: {
          always: { guard: "noSendsLeft", target: "#enrollment.failed" },
          invoke: { id: "retryCooldown", src: "deadlines", input: deadlinesInput },
          on: {
            "deadline.resend": { actions: "markResendReady" },
            retry: { guard: "canRequestCode", target: "sending" },
          },
        },
        offline: {
          on: {
            retry: "sending",
            "network.online": { target: "sending", actions: "markOnline" },
          },
        },
      },
    },
    awaitingCode: {
      initial: "editing",
      invoke: { id: "codeDeadlines", src: "deadlines", input: deadlinesInput },
      on: {
        "code.resend": { guard: "canRequestCode", target: "requestingCode" },
        "deadline.resend": { actions: "markResendReady" },
        "deadline.code": { target: ".expired", actions: "expireCode" },
      },
      states: {
        editing: { on: { "code.submit": [submitValidCode, rejectMalformedCode] } },
        rejected: { on: { "code.submit": [submitValidCode, rejectMalformedCode] } },
        unconfirmed: { on: { "code.submit": [submitValidCode, rejectMalformedCode] } },
        // Restored while the code was being validated: the code the user typed was not kept.
        retype: {
          entry: "clearError",
          on: { "code.submit": [submitValidCode, rejectMalformedCode] },
        },
        expired: {
          entry: ["allowResendWithoutCooldown", "discardCode"],
          always: { guard: "noSendsLeft", target: "#enrollment.failed" },
        },
      },
    },
    validatingCode: {
      initial: "checking",
      exit: "forgetCode",
      states: {
        checking: {
          tags: "busy",
          entry: "clearError",
          invoke: {
            id: "validateCode",
            src: "validateCode",
            onDone: [
              { guard: "replySucceeded", target: "#enrollment.handoff", actions: "storeStatus" },
              { guard: "replyInterrupted", target: "#enrollment.awaitingCode.retype" },
              {
                guard: { type: "replyFailedWith", params: "fix-input" },
                target: "failure",
                actions: ["recordError", "spendAttempt"],
              },
              {
                guard: { type: "replyFailedWith", params: "sync" },
                target: "failure",
                actions: ["recordError", "storeValidatedStatus"],
              },
              { target: "failure", actions: "recordError" },
            ],
            onError: toFailedUnexpectedly,
          },
        },
        failure: {
          always: [
            toFailed,
            toAccountBlocked,
            // After 2316 the code is spent: only the token's post-synchronization is retried.
            { guard: { type: "errorRecoveryIs", params: "sync" }, target: "#enrollment.synchronizing" },
            toNewCode,
            // Nothing was spent: the same code is validated again, on `retry` (and `network.online`).
            toOffline,
            toStalled,
            // A refused code with no attempt left needs a new code, as an expired one does.
            { guard: "attemptsSpent", target: "#enrollment.awaitingCode.expired" },
            "#enrollment.awaitingCode.rejected",
          ],
        },
        stalled: {
          invoke: { id: "heldCode", src: "heldCode" },
          on: {
            retry: "checking",
            "code.lost": "#enrollment.awaitingCode.retype",
          },
        },
        offline: {
          invoke: { id: "heldCode", src: "heldCode" },
          on: {
            retry: "checking",
            "network.online": { target: "checking", actions: "markOnline" },
            "code.lost": "#enrollment.awaitingCode.retype",
          },
        },
      },
    },
    synchronizing: {
      initial: "syncing",
      states: {
        syncing: {
          tags: "busy",
          entry: "clearError",
          invoke: {
            id: "synchronizeToken",
            src: "synchronizeToken",
            input: synchronizeInput,
            onDone: [
              { guard: "replySucceeded", target: "#enrollment.handoff", actions: "storeStatus" },
              { target: "failure", actions: "recordError" },
            ],
            onError: toFailedUnexpectedly,
          },
        },
        failure: { always: [toFailed, toAccountBlocked, toNewCode, toOffline, "stalled"] },
        stalled: { on: { retry: "syncing" } },
        offline: {
          on: {
            retry: "syncing",
            "network.online": { target: "syncing", actions: "markOnline" },
          },
        },
      },
    },
    handoff: { type: "final", output: handoffOutput },
    alreadyActivated: { type: "final", output: alreadyActivatedOutput },
    accountBlocked: { type: "final", output: accountBlockedOutput },
    trustedPhoneRequired: { type: "final", output: trustedPhoneRequiredOutput },
    failed: { type: "final", output: failedOutput },
    cancelled: { type: "final", output: cancelledOutput },
  },
});
