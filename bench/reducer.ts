import type { CallContext, Outcome, Services } from "../src/services/ports";
import type { Flow, Milestone } from "./flow";

// The floor: the same flow as a hand-written reducer plus an effect runner, calling the same simulator with
// the same abort signals and deadline timers. No library, no facade, no statechart.

const CODE_LIFETIME_MS = 5 * 60_000;
const RESEND_COOLDOWN_MS = 30_000;
const MAX_ATTEMPTS = 3;

type Step =
  | "idle"
  | "initializing"
  | "checkingDevice"
  | "checkingAccount"
  | "checkingTrustedPhone"
  | "requestingCode"
  | "awaitingCode"
  | "validatingCode"
  | "handoff"
  | "alreadyActivated"
  | "accountBlocked"
  | "trustedPhoneRequired"
  | "stalled"
  | "failed"
  | "cancelled";

interface State {
  readonly step: Step;
  readonly sendsUsed: number;
  readonly attemptsLeft: number;
  readonly phoneNumber: string | null;
  readonly codeExpiresAt: number | null;
  readonly status: string | null;
  readonly error: number | null;
}

type Event =
  | { type: "start" }
  | { type: "code.submit"; code: string }
  | { type: "cancel" }
  | { type: "deadline.code" }
  | { type: "answered"; outcome: Outcome<unknown> };

const FINAL: ReadonlySet<Step> = new Set([
  "handoff",
  "alreadyActivated",
  "accountBlocked",
  "trustedPhoneRequired",
  "failed",
  "cancelled",
]);

const initial: State = {
  step: "idle",
  sendsUsed: 0,
  attemptsLeft: 0,
  phoneNumber: null,
  codeExpiresAt: null,
  status: null,
  error: null,
};

const value = <T>(outcome: Outcome<unknown>): T | undefined =>
  outcome.ok ? (outcome.value as T) : undefined;

/** The pure transition function. */
const reduce = (state: State, event: Event): State => {
  if (FINAL.has(state.step)) return state;
  if (event.type === "cancel") return { ...state, step: "cancelled" };
  switch (state.step) {
    case "idle":
      return event.type === "start" ? { ...state, step: "initializing" } : state;
    case "awaitingCode":
      if (event.type === "deadline.code") return { ...state, error: 2306 };
      if (event.type !== "code.submit") return state;
      return /^[0-9]{4,10}$/.test(event.code)
        ? { ...state, step: "validatingCode" }
        : { ...state, error: 2102 };
    default: {
      if (event.type !== "answered") return state;
      const { outcome } = event;
      if (!outcome.ok) return { ...state, step: "stalled", error: outcome.code };
      switch (state.step) {
        case "initializing":
          return { ...state, step: "checkingDevice", error: null };
        case "checkingDevice":
          return value<{ isDeviceActivated: boolean }>(outcome)?.isDeviceActivated
            ? { ...state, step: "alreadyActivated" }
            : { ...state, step: "checkingAccount" };
        case "checkingAccount":
          return value<{ isAccountBlocked: string }>(outcome)?.isAccountBlocked !== "NotBlocked"
            ? { ...state, step: "accountBlocked" }
            : { ...state, step: "checkingTrustedPhone" };
        case "checkingTrustedPhone": {
          const phoneNumber = value<{ phoneNumber: string | null }>(outcome)?.phoneNumber ?? null;
          return phoneNumber === null
            ? { ...state, step: "trustedPhoneRequired" }
            : { ...state, step: "requestingCode", phoneNumber, sendsUsed: state.sendsUsed + 1 };
        }
        case "requestingCode":
          return {
            ...state,
            step: "awaitingCode",
            attemptsLeft: MAX_ATTEMPTS,
            codeExpiresAt: Date.now() + CODE_LIFETIME_MS,
          };
        case "validatingCode":
          return { ...state, step: "handoff", status: value<{ status: string }>(outcome)?.status ?? null };
        default:
          return state;
      }
    }
  }
};

/** A reducer-driven flow: dispatch, run the entered step's effect, notify waiters. */
export const createReducerFlow = ({ transport, token }: Services): Flow => {
  let state = initial;
  let controller: AbortController | undefined;
  let timers: ReturnType<typeof setTimeout>[] = [];
  let code = "";
  const waiters = new Set<() => void>();

  const effects: Partial<Record<Step, (ctx: CallContext) => Promise<Outcome<unknown>>>> = {
    initializing: async () => ({ ok: true, value: null }),
    checkingDevice: (ctx) => transport.getAccount("isDeviceActivated", ctx),
    checkingAccount: (ctx) => transport.getAccount("isAccountBlocked", ctx),
    checkingTrustedPhone: (ctx) => transport.getTrustedPhoneNumber(ctx),
    requestingCode: (ctx) => transport.requestSmsCode(ctx),
    validatingCode: async (ctx) => {
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
  };

  const enter = (step: Step) => {
    controller?.abort();
    controller = undefined;
    for (const timer of timers) clearTimeout(timer);
    timers = [];
    if (step === "awaitingCode") {
      const expiresIn = Math.max(0, (state.codeExpiresAt ?? 0) - Date.now());
      timers = [
        setTimeout(() => dispatch({ type: "deadline.code" }), expiresIn),
        setTimeout(() => {}, RESEND_COOLDOWN_MS),
      ];
    }
    const effect = effects[step];
    if (effect === undefined) return;
    const own = new AbortController();
    controller = own;
    effect({ signal: own.signal }).then(
      (outcome) => {
        if (controller === own) dispatch({ type: "answered", outcome });
      },
      () => {
        if (controller === own) dispatch({ type: "answered", outcome: { ok: false, code: 2000 } });
      },
    );
  };

  const dispatch = (event: Event) => {
    if (event.type === "code.submit") code = event.code;
    const previous = state;
    state = reduce(state, event);
    if (state.step !== previous.step) enter(state.step);
    for (const waiter of waiters) waiter();
  };

  return {
    start: () => dispatch({ type: "start" }),
    submit: (submitted) => dispatch({ type: "code.submit", code: submitted }),
    reach: (milestone: Milestone) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (state.step === milestone) {
            waiters.delete(check);
            resolve();
          } else if (FINAL.has(state.step)) {
            waiters.delete(check);
            reject(new Error(`the flow ended in ${state.step}, not ${milestone}`));
          }
        };
        waiters.add(check);
        check();
      }),
    stop: () => dispatch({ type: "cancel" }),
  };
};
