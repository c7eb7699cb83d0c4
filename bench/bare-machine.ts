import { assign, createActor, fromCallback, fromPromise, setup } from "xstate";
import type { CallContext, Outcome, Services } from "../src/services/ports";
import { actorFlow, type Flow } from "./flow";

// The enrollment flow as a bare XState machine of the same shape as `enrollmentMachine` (the same states,
// substates, invokes, deadline timers and busy tags) with no facade: its actors call the simulator's
// transport and token directly. What the engine costs above this is the facade and its safety nets.

const CODE_LIFETIME_MS = 5 * 60_000;
const RESEND_COOLDOWN_MS = 30_000;
const MAX_ATTEMPTS = 3;

interface Context {
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
  | { type: "retry" }
  | { type: "cancel" }
  | { type: "deadline.code" };

type Answer<T> = Outcome<T>;
type Done<T> = { output: Answer<T> };

const call = <T, I = undefined>(work: (input: I, ctx: CallContext) => Promise<Answer<T>>) =>
  fromPromise<Answer<T>, I>(({ input, signal }) => work(input, { signal }));

const actorsFor = ({ transport, token }: Services) => ({
  initialize: fromPromise<Answer<null>>(async () => ({ ok: true, value: null })),
  checkDeviceActivation: call((_: undefined, ctx) => transport.getAccount("isDeviceActivated", ctx)),
  checkAccountBlock: call((_: undefined, ctx) => transport.getAccount("isAccountBlocked", ctx)),
  readTrustedPhone: call((_: undefined, ctx) => transport.getTrustedPhoneNumber(ctx)),
  requestCode: call((_: undefined, ctx) => transport.requestSmsCode(ctx)),
  validateCode: call(async (input: { code: string }, ctx): Promise<Answer<{ status: string }>> => {
    if (token === undefined) return { ok: false, code: 2344 };
    const validation = await transport.validateSmsCode(input.code, ctx);
    if (!validation.ok) return validation;
    const started = await token.activationStart(validation.value.activationCode, ctx);
    if (!started.ok) return { ok: false, code: 2311 };
    const finalized = await token.activationFinalize(ctx);
    return finalized.ok
      ? { ok: true, value: { status: validation.value.status } }
      : { ok: false, code: 2316 };
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

const ok = ({ event }: { event: unknown }) => (event as Done<unknown>).output.ok;
const answer = <T>(event: unknown): T | undefined => {
  const output = (event as Done<T>).output;
  return output.ok ? output.value : undefined;
};

const bareMachine = setup({
  types: { context: {} as Context, events: {} as Event, tags: {} as "busy" },
  actors: actorsFor({ transport: undefined as never }),
  guards: {
    ok,
    deviceActivated: ({ event }) => answer<{ isDeviceActivated: boolean }>(event)?.isDeviceActivated === true,
    accountBlocked: ({ event }) => {
      const state = answer<{ isAccountBlocked: string }>(event)?.isAccountBlocked;
      return state !== undefined && state !== "NotBlocked";
    },
    noTrustedPhone: ({ event }) => answer<{ phoneNumber: string | null }>(event)?.phoneNumber === null,
    codeFormatValid: ({ event }) => event.type === "code.submit" && /^[0-9]{4,10}$/.test(event.code),
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
  context: {
    sendsUsed: 0,
    attemptsLeft: 0,
    phoneNumber: null,
    codeExpiresAt: null,
    resendAvailableAt: null,
    status: null,
    error: null,
  },
  on: { cancel: ".cancelled" },
  states: {
    idle: { on: { start: "initializing" } },
    initializing: {
      tags: ["busy"],
      invoke: {
        id: "initialize",
        src: "initialize",
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
            onDone: [
              { guard: "deviceActivated", target: "#bare.alreadyActivated" },
              { guard: "ok", target: "accountBlock" },
              { target: "stalled", actions: "recordError" },
            ],
            onError: "#bare.failed",
          },
        },
        accountBlock: {
          tags: ["busy"],
          invoke: {
            id: "checkAccountBlock",
            src: "checkAccountBlock",
            onDone: [
              { guard: "accountBlocked", target: "#bare.accountBlocked" },
              { guard: "ok", target: "#bare.checkingTrustedPhone" },
              { target: "stalled", actions: "recordError" },
            ],
            onError: "#bare.failed",
          },
        },
        stalled: { on: { retry: "deviceActivation" } },
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
              { guard: "noTrustedPhone", target: "#bare.trustedPhoneRequired" },
              { guard: "ok", target: "#bare.requestingCode", actions: "storePhone" },
              { target: "stalled", actions: "recordError" },
            ],
            onError: "#bare.failed",
          },
        },
        stalled: { on: { retry: "reading" } },
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
              { guard: "ok", target: "#bare.awaitingCode", actions: "startCode" },
              { target: "stalled", actions: "recordError" },
            ],
            onError: "#bare.failed",
          },
        },
        stalled: { on: { retry: "sending" } },
      },
    },
    awaitingCode: {
      initial: "editing",
      invoke: {
        id: "codeDeadlines",
        src: "deadlines",
        input: ({ context }) => ({ expiresAt: context.codeExpiresAt }),
      },
      on: { "deadline.code": ".expired" },
      states: {
        editing: {
          on: {
            "code.submit": [
              { guard: "codeFormatValid", target: "#bare.validatingCode" },
              { target: "rejected" },
            ],
          },
        },
        rejected: {
          on: {
            "code.submit": [
              { guard: "codeFormatValid", target: "#bare.validatingCode" },
              { target: "rejected" },
            ],
          },
        },
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
            input: ({ event }) => ({ code: event.type === "code.submit" ? event.code : "" }),
            onDone: [
              { guard: "ok", target: "#bare.handoff", actions: "storeStatus" },
              { target: "#bare.awaitingCode.rejected", actions: ["recordError", "spendAttempt"] },
            ],
            onError: "#bare.failed",
          },
        },
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

/** A bare-machine actor over `services`, not started. */
export const createBareFlow = (services: Services): Flow =>
  actorFlow(createActor(bareMachine.provide({ actors: actorsFor(services) })));
