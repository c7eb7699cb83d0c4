import { assign, createActor, fromCallback, fromPromise, setup } from "xstate";
import type { CallContext, Outcome, Services } from "../src/services/ports";
import { actorFlow, type Flow } from "./flow";

// The enrollment flow as a bare XState machine of the same shape as `enrollmentMachine` (the same states and
// substates, invokes, failure routes, deadline timers and busy tags) with no facade: its actors call the
// simulator's transport and token directly, and read the services from their input, so one machine serves
// every actor. `createBareFlowProvided` binds them with `machine.provide()` per actor instead, as
// `createEnrollmentActor` does, to show what that costs on its own.

const CODE_LIFETIME_MS = 5 * 60_000;
const RESEND_COOLDOWN_MS = 30_000;
const MAX_ATTEMPTS = 3;

interface Context {
  readonly services: Services;
  sendsUsed: number;
  attemptsLeft: number;
  phoneNumber: string | null;
  codeExpiresAt: number | null;
  resendAvailableAt: number | null;
  status: string | null;
  error: number | null;
}

type Event =
  | { type: "start" }
  | { type: "code.submit"; code: string }
  | { type: "code.resend" }
  | { type: "retry" }
  | { type: "cancel" }
  | { type: "deadline.code" };

type Answer<T> = Outcome<T>;
type Done<T> = { output: Answer<T> };

type WithServices<I = object> = I & { readonly services: Services };

const call = <T, I = object>(work: (input: WithServices<I>, ctx: CallContext) => Promise<Answer<T>>) =>
  fromPromise<Answer<T>, WithServices<I>>(({ input, signal }) => work(input, { signal }));

/** The actors; each reads the services from its input, so one machine serves every actor. */
const bareActors = () => ({
  initialize: fromPromise<Answer<null>>(async () => ({ ok: true, value: null })),
  checkDeviceActivation: call(({ services }, ctx) => services.transport.getAccount("isDeviceActivated", ctx)),
  checkAccountBlock: call(({ services }, ctx) => services.transport.getAccount("isAccountBlocked", ctx)),
  readTrustedPhone: call(({ services }, ctx) => services.transport.getTrustedPhoneNumber(ctx)),
  requestCode: call(({ services }, ctx) => services.transport.requestSmsCode(ctx)),
  validateCode: call(
    async ({ services, code }: WithServices<{ code: string }>, ctx): Promise<Answer<{ status: string }>> => {
      const { transport, token } = services;
      if (token === undefined) return { ok: false, code: 2344 };
      const validation = await transport.validateSmsCode(code, ctx);
      if (!validation.ok) return validation;
      const started = await token.activationStart(validation.value.activationCode, ctx);
      if (!started.ok) return { ok: false, code: 2311 };
      const finalized = await token.activationFinalize(ctx);
      return finalized.ok
        ? { ok: true, value: { status: validation.value.status } }
        : { ok: false, code: 2316 };
    },
  ),
  synchronizeToken: call(async ({ services }, ctx): Promise<Answer<{ status: string }>> => {
    if (services.token === undefined) return { ok: false, code: 2344 };
    const synchronized = await services.token.synchronize(ctx);
    return synchronized.ok ? { ok: true, value: { status: "NotEnrolled" } } : { ok: false, code: 2316 };
  }),
  deadlines: fromCallback<Event, { expiresAt: number | null }>(({ input, sendBack }) => {
    const timers = [
      setTimeout(() => sendBack({ type: "deadline.code" }), Math.max(0, (input.expiresAt ?? 0) - Date.now())),
      setTimeout(() => {}, RESEND_COOLDOWN_MS),
    ];
    return () => {
      for (const timer of timers) clearTimeout(timer);
    };
  }),
});

const servicesInput = ({ context }: { context: Context }) => ({ services: context.services });

const ok = ({ event }: { event: unknown }) => (event as Done<unknown>).output.ok;
const answer = <T>(event: unknown): T | undefined => {
  const output = (event as Done<T>).output;
  return output.ok ? output.value : undefined;
};

/** Where a failed step goes, by a recovery class looked up in a plain table (the engine uses its catalogue). */
const recovery: Record<number, string> = {
  2202: "when-online",
  2307: "add-phone",
  2316: "sync",
  2306: "new-code",
};
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
    ok,
    deviceActivated: ({ event }) => answer<{ isDeviceActivated: boolean }>(event)?.isDeviceActivated === true,
    accountBlocked: ({ event }) => {
      const state = answer<{ isAccountBlocked: string }>(event)?.isAccountBlocked;
      return state !== undefined && state !== "NotBlocked";
    },
    noTrustedPhone: ({ event }) => answer<{ phoneNumber: string | null }>(event)?.phoneNumber === null,
    codeFormatValid: ({ event }) => event.type === "code.submit" && /^[0-9]{4,10}$/.test(event.code),
    errorIs: ({ context }, params: { recovery: string }) =>
      context.error !== null && (recovery[context.error] ?? "retry") === params.recovery,
    canResend: ({ context }) => context.sendsUsed < 3 && (context.resendAvailableAt ?? 0) <= Date.now(),
  },
  actions: {
    recordError: assign({
      error: ({ event }) => {
        const output = (event as unknown as Done<unknown>).output;
        return output.ok ? null : output.code;
      },
    }),
    clearError: assign({ error: null }),
    storePhone: assign({
      phoneNumber: ({ event }) => answer<{ phoneNumber: string | null }>(event)?.phoneNumber ?? null,
    }),
    countSend: assign({ sendsUsed: ({ context }) => context.sendsUsed + 1 }),
    startCode: assign({
      attemptsLeft: MAX_ATTEMPTS,
      codeExpiresAt: () => Date.now() + CODE_LIFETIME_MS,
      resendAvailableAt: () => Date.now() + RESEND_COOLDOWN_MS,
    }),
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
        input: ({ context }) => ({ expiresAt: context.codeExpiresAt }),
      },
      on: {
        "code.resend": { guard: "canResend", target: "requestingCode" },
        "deadline.code": ".expired",
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
