import type { AccountBlockState, CallContext, ErrorCode, Outcome, Services } from "../src/index";
import type { Flow, Milestone } from "./flow";
import {
  accountBlocked,
  answerValue,
  calls,
  codeFormatValid,
  type Deadlines,
  deadlinesFromNow,
  deviceActivated,
  limits,
  startDeadlines,
} from "./flow-rules";

// The floor: the same flow as a hand-written reducer plus an effect runner, making the same calls
// (./flow-rules) on the same simulator with the same abort signals and deadline timers. No library, no
// facade, no statechart.

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

interface State extends Deadlines {
  readonly step: Step;
  readonly sendsUsed: number;
  readonly attemptsLeft: number;
  readonly phoneNumber: string | null;
  readonly resendReady: boolean;
  readonly status: string | null;
  readonly error: ErrorCode | null;
}

type Event =
  | { type: "start" }
  | { type: "code.submit"; code: string }
  | { type: "cancel" }
  | { type: "deadline.code" }
  | { type: "deadline.resend" }
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
  resendAvailableAt: null,
  resendReady: false,
  status: null,
  error: null,
};

/** An effect that threw is a bug: the flow answers 2000, as the engine does. */
const UNEXPECTED: Outcome<never> = { ok: false, error: 2000 };

/** The pure transition function. */
const reduce = (state: State, event: Event): State => {
  if (FINAL.has(state.step)) return state;
  if (event.type === "cancel") return { ...state, step: "cancelled" };
  switch (state.step) {
    case "idle":
      return event.type === "start" ? { ...state, step: "initializing" } : state;
    case "awaitingCode":
      if (event.type === "deadline.code") return { ...state, error: 2306 };
      if (event.type === "deadline.resend") return { ...state, resendReady: true };
      if (event.type !== "code.submit") return state;
      return codeFormatValid(event.code) ? { ...state, step: "validatingCode" } : { ...state, error: 2102 };
    default: {
      if (event.type !== "answered") return state;
      const { outcome } = event;
      if (!outcome.ok) return { ...state, step: "stalled", error: outcome.error };
      switch (state.step) {
        case "initializing":
          return { ...state, step: "checkingDevice", error: null };
        case "checkingDevice":
          return deviceActivated(answerValue<{ isDeviceActivated: boolean }>(outcome))
            ? { ...state, step: "alreadyActivated" }
            : { ...state, step: "checkingAccount" };
        case "checkingAccount":
          return accountBlocked(answerValue<{ isAccountBlocked: AccountBlockState }>(outcome))
            ? { ...state, step: "accountBlocked" }
            : { ...state, step: "checkingTrustedPhone" };
        case "checkingTrustedPhone": {
          const phoneNumber = answerValue<{ phoneNumber: string | null }>(outcome)?.phoneNumber ?? null;
          return phoneNumber === null
            ? { ...state, step: "trustedPhoneRequired" }
            : { ...state, step: "requestingCode", phoneNumber, sendsUsed: state.sendsUsed + 1 };
        }
        case "requestingCode":
          return {
            ...state,
            step: "awaitingCode",
            attemptsLeft: limits.maxAttempts,
            resendReady: false,
            ...deadlinesFromNow(),
          };
        case "validatingCode":
          return {
            ...state,
            step: "handoff",
            status: answerValue<{ status: string }>(outcome)?.status ?? null,
          };
        default:
          return state;
      }
    }
  }
};

/** A reducer-driven flow: dispatch, run the entered step's effect, notify waiters. */
export const createReducerFlow = (services: Services): Flow => {
  let state = initial;
  let controller: AbortController | undefined;
  let clearDeadlines: (() => void) | undefined;
  let code = "";
  const waiters = new Set<() => void>();

  const effects: Partial<Record<Step, (ctx: CallContext) => Promise<Outcome<unknown>>>> = {
    initializing: async () => ({ ok: true, value: null }),
    checkingDevice: (ctx) => calls.checkDeviceActivation(services, ctx),
    checkingAccount: (ctx) => calls.checkAccountBlock(services, ctx),
    checkingTrustedPhone: (ctx) => calls.readTrustedPhone(services, ctx),
    requestingCode: (ctx) => calls.requestCode(services, ctx),
    validatingCode: (ctx) => calls.validateCode(services, code, ctx),
  };

  const enter = (step: Step) => {
    controller?.abort();
    controller = undefined;
    clearDeadlines?.();
    clearDeadlines = undefined;
    if (step === "awaitingCode") {
      clearDeadlines = startDeadlines(state, {
        codeExpired: () => dispatch({ type: "deadline.code" }),
        resendDue: () => dispatch({ type: "deadline.resend" }),
      });
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
        if (controller === own) dispatch({ type: "answered", outcome: UNEXPECTED });
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
