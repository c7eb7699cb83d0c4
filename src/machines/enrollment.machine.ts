import { setup } from "xstate";
import { actions } from "./actions";
import { guards } from "./guards";
import { deadlinesInput, initialContext, validationInput } from "./inputs";
import { outputs } from "./outputs";
import type { EnrollmentContext, EnrollmentEvent, EnrollmentInput, EnrollmentOutput } from "./types";
import { unconfiguredActors } from "./unconfigured";

/**
 * Where a failed backend step goes, by the recovery class the catalogue gives its code. Retry-class
 * codes, and any other a step cannot act on (a 2316 on a read), wait in the step for `retry`.
 */
const failureRoutes = [
  { guard: { type: "errorRecoveryIs", params: { recovery: ["terminal"] } }, target: "#enrollment.failed" },
  {
    guard: { type: "errorRecoveryIs", params: { recovery: ["restart-enrollment"] } },
    target: "#enrollment.accountBlocked",
  },
  {
    guard: { type: "errorRecoveryIs", params: { recovery: ["new-code"] } },
    target: "#enrollment.awaitingCode.expired",
  },
  { guard: { type: "errorRecoveryIs", params: { recovery: ["when-online"] } }, target: "offline" },
  { target: "stalled" },
] as const;

/** Where a refused code goes: the code screen, unless the code is spent or the flow cannot go on. */
const validationFailureRoutes = [
  { guard: { type: "errorRecoveryIs", params: { recovery: ["terminal"] } }, target: "#enrollment.failed" },
  {
    guard: { type: "errorRecoveryIs", params: { recovery: ["restart-enrollment"] } },
    target: "#enrollment.accountBlocked",
  },
  { guard: { type: "errorRecoveryIs", params: { recovery: ["sync"] } }, target: "#enrollment.synchronizing" },
  {
    guard: { type: "errorRecoveryIs", params: { recovery: ["new-code"] } },
    target: "#enrollment.awaitingCode.expired",
  },
  { guard: "attemptsSpent", target: "#enrollment.awaitingCode.expired" },
  { target: "#enrollment.awaitingCode.rejected" },
] as const;

const submitRoutes = [
  { guard: "codeFormatValid", target: "#enrollment.validatingCode" },
  { target: "#enrollment.awaitingCode.rejected", actions: "rejectCodeFormat" },
] as const;

/** The SMS-code step of PIMS device enrollment, from facade initialisation to the handoff to enroll. */
export const enrollmentMachine = setup({
  types: {
    context: {} as EnrollmentContext,
    events: {} as EnrollmentEvent,
    input: {} as EnrollmentInput | undefined,
    output: {} as EnrollmentOutput,
    tags: {} as "busy",
  },
  actors: unconfiguredActors,
  actions,
  guards,
}).createMachine({
  id: "enrollment",
  initial: "idle",
  context: initialContext,
  output: outputs.ofFinalState,
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
      tags: ["busy"],
      invoke: {
        id: "initializeFacade",
        src: "initializeFacade",
        onDone: [
          { guard: "replySucceeded", target: "checkingDevice" },
          { target: "failed", actions: "recordError" },
        ],
        onError: { target: "failed", actions: "recordUnexpectedError" },
      },
    },
    checkingDevice: {
      initial: "deviceActivation",
      states: {
        deviceActivation: {
          tags: ["busy"],
          entry: "clearError",
          invoke: {
            id: "checkDeviceActivation",
            src: "checkDeviceActivation",
            onDone: [
              { guard: "deviceActivated", target: "#enrollment.alreadyActivated" },
              { guard: "replySucceeded", target: "accountBlock" },
              { target: "failure", actions: "recordError" },
            ],
            onError: { target: "#enrollment.failed", actions: "recordUnexpectedError" },
          },
        },
        accountBlock: {
          tags: ["busy"],
          invoke: {
            id: "checkAccountBlock",
            src: "checkAccountBlock",
            onDone: [
              { guard: "accountBlocked", target: "#enrollment.accountBlocked" },
              { guard: "replySucceeded", target: "#enrollment.checkingTrustedPhone" },
              { target: "failure", actions: "recordError" },
            ],
            onError: { target: "#enrollment.failed", actions: "recordUnexpectedError" },
          },
        },
        failure: { always: failureRoutes },
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
          tags: ["busy"],
          entry: "clearError",
          invoke: {
            id: "readTrustedPhone",
            src: "readTrustedPhone",
            onDone: [
              { guard: "noTrustedPhone", target: "#enrollment.trustedPhoneRequired" },
              {
                guard: { type: "replyFailedWith", params: { recovery: ["add-phone"] } },
                target: "#enrollment.trustedPhoneRequired",
              },
              { guard: "replySucceeded", target: "#enrollment.requestingCode", actions: "storePhone" },
              { target: "failure", actions: "recordError" },
            ],
            onError: { target: "#enrollment.failed", actions: "recordUnexpectedError" },
          },
        },
        failure: { always: failureRoutes },
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
          tags: ["busy"],
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
              {
                guard: { type: "replyFailedWith", params: { recovery: ["when-online"] } },
                target: "failure",
                actions: ["recordError", "refundSend"],
              },
              { target: "failure", actions: ["recordError", "startCooldown"] },
            ],
            onError: { target: "#enrollment.failed", actions: "recordUnexpectedError" },
          },
        },
        failure: { always: failureRoutes },
        stalled: {
          always: { guard: "noSendsLeft", target: "#enrollment.failed" },
          invoke: { id: "retryCooldown", src: "deadlines", input: deadlinesInput },
          on: {
            "deadline.resend": { actions: "markResendReady" },
            retry: { guard: "canResend", target: "sending" },
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
        "code.resend": { guard: "canResend", target: "requestingCode" },
        "deadline.resend": { actions: "markResendReady" },
        "deadline.code": { target: ".expired", actions: "expireCode" },
      },
      states: {
        editing: { on: { "code.submit": submitRoutes } },
        rejected: { on: { "code.submit": submitRoutes } },
        unconfirmed: { on: { "code.submit": submitRoutes } },
        expired: {
          entry: "allowResendWithoutCooldown",
          always: { guard: "noSendsLeft", target: "#enrollment.failed" },
        },
      },
    },
    validatingCode: {
      initial: "checking",
      states: {
        checking: {
          tags: ["busy"],
          entry: "clearError",
          invoke: {
            id: "validateCode",
            src: "validateCode",
            input: validationInput,
            onDone: [
              { guard: "replySucceeded", target: "#enrollment.handoff", actions: "storeStatus" },
              { guard: "replyInterrupted", target: "#enrollment.awaitingCode.editing" },
              {
                guard: { type: "replyFailedWith", params: { recovery: ["fix-input"] } },
                target: "failure",
                actions: ["recordError", "spendAttempt"],
              },
              { target: "failure", actions: "recordError" },
            ],
            onError: { target: "#enrollment.failed", actions: "recordUnexpectedError" },
          },
        },
        failure: { always: validationFailureRoutes },
      },
    },
    synchronizing: {
      initial: "syncing",
      states: {
        syncing: {
          tags: ["busy"],
          entry: "clearError",
          invoke: {
            id: "synchronizeToken",
            src: "synchronizeToken",
            onDone: [
              { guard: "replySucceeded", target: "#enrollment.handoff", actions: "storeStatus" },
              { target: "failure", actions: "recordError" },
            ],
            onError: { target: "#enrollment.failed", actions: "recordUnexpectedError" },
          },
        },
        failure: { always: failureRoutes },
        stalled: { on: { retry: "syncing" } },
        offline: {
          on: {
            retry: "syncing",
            "network.online": { target: "syncing", actions: "markOnline" },
          },
        },
      },
    },
    handoff: { type: "final", output: outputs.handoff },
    alreadyActivated: { type: "final", output: outputs.alreadyActivated },
    accountBlocked: { type: "final", output: outputs.accountBlocked },
    trustedPhoneRequired: { type: "final", output: outputs.trustedPhoneRequired },
    failed: { type: "final", output: outputs.failed },
    cancelled: { type: "final", output: outputs.cancelled },
  },
});
