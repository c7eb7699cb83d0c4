import { assign, createActor, fromCallback, fromPromise, setup } from "xstate";
import type { AccountBlockState, CallContext, ErrorCode, Outcome, Services } from "../src/index";
import { actorFlow, type Flow } from "./flow";
import {
  accountBlocked,
  answerValue,
  calls,
  codeFormatValid,
  type Deadlines,
  deadlinesFromNow,
  deviceActivated,
  limits,
  recoveryOf,
  startDeadlines,
} from "./flow-rules";

// The enrollment flow as a bare XState machine of the same shape as `enrollmentMachine` (the same states and
// substates, invokes, failure routes, deadline timers and busy tags) with no facade: its actors make the
// flow's calls (./flow-rules) on the simulator's transport and token directly, and read the services from
// their input, so one machine serves every actor. `createBareFlowProvided` binds them with
// `machine.provide()` per actor instead, as `createEnrollmentActor` does, to show what that costs on its own.

interface Context extends Deadlines {
  readonly services: Services;
  sendsUsed: number;
  attemptsLeft: number;
  phoneNumber: string | null;
  resendReady: boolean;
  status: string | null;
  error: ErrorCode | null;
}

type Event =
  | { type: "start" }
  | { type: "code.submit"; code: string }
  | { type: "code.resend" }
  | { type: "retry" }
  | { type: "cancel" }
  | { type: "deadline.code" }
  | { type: "deadline.resend" };

type Done<T> = { output: Outcome<T> };

type WithServices<I = object> = I & { readonly services: Services };

const call = <T, I = object>(work: (input: WithServices<I>, ctx: CallContext) => Promise<Outcome<T>>) =>
  fromPromise<Outcome<T>, WithServices<I>>(({ input, signal }) => work(input, { signal }));

const CODE_DUE: Event = { type: "deadline.code" };
const RESEND_DUE: Event = { type: "deadline.resend" };

/** The actors; each reads the services from its input, so one machine serves every actor. */
const bareActors = () => ({
  initialize: fromPromise<Outcome<null>>(async () => ({ ok: true, value: null })),
  checkDeviceActivation: call(({ services }, ctx) => calls.checkDeviceActivation(services, ctx)),
  checkAccountBlock: call(({ services }, ctx) => calls.checkAccountBlock(services, ctx)),
  readTrustedPhone: call(({ services }, ctx) => calls.readTrustedPhone(services, ctx)),
  requestCode: call(({ services }, ctx) => calls.requestCode(services, ctx)),
  validateCode: call(({ services, code }: WithServices<{ code: string }>, ctx) =>
    calls.validateCode(services, code, ctx),
  ),
  synchronizeToken: call(({ services }, ctx) => calls.synchronizeToken(services, ctx)),
  deadlines: fromCallback<Event, Deadlines>(({ input, sendBack }) =>
    startDeadlines(input, { codeExpired: () => sendBack(CODE_DUE), resendDue: () => sendBack(RESEND_DUE) }),
  ),
});

const servicesInput = ({ context }: { context: Context }) => ({ services: context.services });

const outputOf = (event: unknown) => (event as Done<unknown>).output;
const answer = <T>(event: unknown): T | undefined => answerValue<T>(outputOf(event));

const failureRoutes = [
  { guard: { type: "errorIs", params: { recovery: "terminal" } }, target: "#bare.failed" },
  { guard: { type: "errorIs", params: { recovery: "add-phone" } }, target: "#bare.trustedPhoneRequired" },
  { guard: { type: "errorIs", params: { recovery: "new-code" } }, target: "#bare.awaitingCode.expired" },
  { guard: { type: "errorIs", params: { recovery: "sync" } }, target: "#bare.synchronizing.stalled" },
  { guard: { type: "errorIs", params: { recovery: "when-online" } }, target: "offline" },
  { target: "stalled" },
] as const;
const submitRoutes = [
  { guard: "codeFormatValid", target: "#bare.validatingCode" },
  { target: "#bare.awaitingCode.rejected" },
] as const;
const failedStep = { target: "failure", actions: "recordError" } as const;

const bareMachine = setup({
  types: { context: {} as Context, events: {} as Event, input: {} as Services, tags: {} as "busy" },
  actors: bareActors(),
  guards: {
    ok: ({ event }) => outputOf(event).ok,
    deviceActivated: ({ event }) => deviceActivated(answer<{ isDeviceActivated: boolean }>(event)),
    accountBlocked: ({ event }) => accountBlocked(answer<{ isAccountBlocked: AccountBlockState }>(event)),
    noTrustedPhone: ({ event }) => answer<{ phoneNumber: string | null }>(event)?.phoneNumber === null,
    codeFormatValid: ({ event }) => event.type === "code.submit" && codeFormatValid(event.code),
    errorIs: ({ context }, params: { recovery: string }) =>
      context.error !== null && recoveryOf(context.error) === params.recovery,
    canResend: ({ context }) => context.resendReady && context.sendsUsed < limits.maxSends,
  },
  actions: {
    recordError: assign({
      error: ({ event }) => {
        const output = outputOf(event);
        return output.ok ? null : output.error;
      },
    }),
    clearError: assign({ error: null }),
    storePhone: assign({
      phoneNumber: ({ event }) => answer<{ phoneNumber: string | null }>(event)?.phoneNumber ?? null,
    }),
    countSend: assign({ sendsUsed: ({ context }) => context.sendsUsed + 1 }),
    startCode: assign(() => ({
      attemptsLeft: limits.maxAttempts,
      resendReady: false,
      ...deadlinesFromNow(),
    })),
    markResendReady: assign({ resendReady: true }),
    storeStatus: assign({ status: ({ event }) => answer<{ status: string }>(event)?.status ?? null }),
    spendAttempt: assign({ attemptsLeft: ({ context }) => context.attemptsLeft - 1 }),
  },
}).createMachine({
  id: "bare",
  initial: "idle",
  context: ({ input }) => ({
    services: input,
    sendsUsed: 0,
    attemptsLeft: 0,
    phoneNumber: null,
    codeExpiresAt: null,
    resendAvailableAt: null,
    resendReady: false,
    status: null,
    error: null,
  }),
  on: { cancel: ".cancelled" },
  states: {
    idle: { on: { start: "initializing" } },
    initializing: {
      tags: ["busy"],
      invoke: {
        id: "initialize",
        src: "initialize",
        input: servicesInput,
        onDone: [{ guard: "ok", target: "checkingDevice" }, { target: "failed" }],
        onError: "failed",
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
            input: servicesInput,
            onDone: [
              { guard: "deviceActivated", target: "#bare.alreadyActivated" },
              { guard: "ok", target: "accountBlock" },
              failedStep,
            ],
            onError: "#bare.failed",
          },
        },
        accountBlock: {
          tags: ["busy"],
          invoke: {
            id: "checkAccountBlock",
            src: "checkAccountBlock",
            input: servicesInput,
            onDone: [
              { guard: "accountBlocked", target: "#bare.accountBlocked" },
              { guard: "ok", target: "#bare.checkingTrustedPhone" },
              failedStep,
            ],
            onError: "#bare.failed",
          },
        },
        failure: { always: failureRoutes },
        stalled: { on: { retry: "deviceActivation" } },
        offline: { on: { retry: "deviceActivation" } },
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
            input: servicesInput,
            onDone: [
              { guard: "noTrustedPhone", target: "#bare.trustedPhoneRequired" },
              { guard: "ok", target: "#bare.requestingCode", actions: "storePhone" },
              failedStep,
            ],
            onError: "#bare.failed",
          },
        },
        failure: { always: failureRoutes },
        stalled: { on: { retry: "reading" } },
        offline: { on: { retry: "reading" } },
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
            input: servicesInput,
            onDone: [{ guard: "ok", target: "#bare.awaitingCode", actions: "startCode" }, failedStep],
            onError: "#bare.failed",
          },
        },
        failure: { always: failureRoutes },
        stalled: { on: { retry: { guard: "canResend", target: "sending" } } },
        offline: { on: { retry: "sending" } },
      },
    },
    awaitingCode: {
      initial: "editing",
      invoke: {
        id: "codeDeadlines",
        src: "deadlines",
        input: ({ context }) => ({
          codeExpiresAt: context.codeExpiresAt,
          resendAvailableAt: context.resendReady ? null : context.resendAvailableAt,
        }),
      },
      on: {
        "code.resend": { guard: "canResend", target: "requestingCode" },
        "deadline.code": ".expired",
        "deadline.resend": { actions: "markResendReady" },
      },
      states: {
        editing: { on: { "code.submit": submitRoutes } },
        rejected: { on: { "code.submit": submitRoutes } },
        unconfirmed: { on: { "code.submit": submitRoutes } },
        expired: {},
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
            input: ({ context, event }) => ({
              services: context.services,
              code: event.type === "code.submit" ? event.code : "",
            }),
            onDone: [
              { guard: "ok", target: "#bare.handoff", actions: "storeStatus" },
              { target: "failure", actions: ["recordError", "spendAttempt"] },
            ],
            onError: "#bare.failed",
          },
        },
        failure: {
          always: [
            { guard: { type: "errorIs", params: { recovery: "sync" } }, target: "#bare.synchronizing" },
            { target: "#bare.awaitingCode.rejected" },
          ],
        },
      },
    },
    synchronizing: {
      initial: "syncing",
      states: {
        syncing: {
          tags: ["busy"],
          invoke: {
            id: "synchronizeToken",
            src: "synchronizeToken",
            input: servicesInput,
            onDone: [{ guard: "ok", target: "#bare.handoff" }, failedStep],
            onError: "#bare.failed",
          },
        },
        failure: { always: failureRoutes },
        stalled: { on: { retry: "syncing" } },
        offline: { on: { retry: "syncing" } },
      },
    },
    handoff: { type: "final" },
    alreadyActivated: { type: "final" },
    accountBlocked: { type: "final" },
    trustedPhoneRequired: { type: "final" },
    failed: { type: "final" },
    cancelled: { type: "final" },
  },
});

/** A bare-machine actor over `services`, not started: one machine shared by every actor. */
export const createBareFlow = (services: Services): Flow =>
  actorFlow(createActor(bareMachine, { input: services }));

/**
 * The same, with `machine.provide()` per actor, as `createEnrollmentActor` does to bind its facade: the
 * difference between the two rows is what building a machine per actor costs.
 */
export const createBareFlowProvided = (services: Services): Flow =>
  actorFlow(createActor(bareMachine.provide({ actors: bareActors() }), { input: services }));
