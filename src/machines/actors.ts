import {
  type AnyActor,
  type AnyActorLogic,
  type AnyActorRef,
  type EventObject,
  fromCallback,
  fromPromise,
  type PromiseActorLogic,
} from "xstate";
import { fail, recoveryOf, succeed } from "../errors/index.js";
import { failed, type Pims, type PimsMessage, succeeded } from "../facade/index.js";
import { ACCOUNT_API, SMSCODE_API, TRUSTED_PHONE_API } from "../schemas/params.js";
import type { AccountBlockState, EnrollmentStatus } from "../services/ports.js";
import { systemClock } from "./clock.js";
import { dependenciesBySystem, type EnrollmentDependencies } from "./dependencies.js";
import { heldCodeOf } from "./heldCode.js";
import { INTERRUPTED, replyOf } from "./reply.js";
import type { EnrollmentEvent, Reply } from "./types.js";

export interface DeadlinesInput {
  readonly codeExpiresAt: number | null;
  readonly resendAvailableAt: number | null;
  readonly resendReady: boolean;
}

/** The status the validation answered before its 2316, kept in context so that a restored actor has it. */
export interface SynchronizeInput {
  readonly status: EnrollmentStatus | null;
}

// Made-up answers (here and `initializeFacade`'s) have no transaction id: a reply keeps only the result or error.
/** What every actor of an actor made without services (`createActor(enrollmentMachine)`) answers. */
const UNCONFIGURED: PimsMessage = failed("", 2006);

/**
 * A facade message as a reply; no message at all is a request that was not sent again. A 2316 carries
 * the status the validation answered, which the facade keeps while the post-synchronization is pending.
 */
const toReply = <T>(message: PimsMessage | null, at: number, pims: Pims | undefined): Reply<T> => {
  if (message === null) return { ...fail(INTERRUPTED), at };
  if (message.status === "SUCCEEDED") return { ...succeed(message.result as T), at };
  const validatedStatus =
    recoveryOf(message.error.code) === "sync" ? pims?.pendingSynchronization() : undefined;
  return validatedStatus === undefined
    ? { ...fail(message.error), at }
    : { ...fail(message.error), at, validatedStatus };
};

/**
 * An actor that makes one facade call, once the facade is initialised; it never rejects for an expected
 * refusal. Restored from a snapshot persisted while it was in flight, fromPromise would run it again: a
 * request `SENT_ONCE` resolves as interrupted instead and the machine lets the user decide.
 */
const facadeCall = <T, I extends object = object>(
  call: (
    pims: Pims,
    input: I,
    options: { signal: AbortSignal },
    dependencies: EnrollmentDependencies,
  ) => Promise<PimsMessage | null>,
  sentOnce?: boolean,
) => {
  const run = async (
    self: AnyActorRef,
    dependencies: EnrollmentDependencies | undefined,
    input: I | undefined,
    signal: AbortSignal,
  ) => {
    let message: PimsMessage | null = UNCONFIGURED;
    // XState restores an in-flight child from its persisted snapshot, given in the child's options.
    if (sentOnce && (self as AnyActor).options.snapshot) message = null;
    else if (dependencies) {
      // Initialised before its first call (a restored actor has a fresh facade; 2007 counts as done), then
      // no await before a call: each one is a microtask on every step of the flow.
      if (!dependencies.initialized) {
        message = await dependencies.pims.initialize(dependencies.config);
        dependencies.initialized = message?.status !== "FAILED" || message.error.code === 2007;
      }
      if (dependencies.initialized) {
        message = await call(dependencies.pims, input ?? ({} as I), { signal }, dependencies);
      }
    }
    return toReply<T>(message, (dependencies?.clock ?? systemClock).now(), dependencies?.pims);
  };
  return fromPromise<Reply<T>, I | undefined>(({ input, signal, system, self }) => {
    // Stopped and started again with its state kept (React's StrictMode and <Activity> do this through
    // @xstate/react), the same child asks again: it gets the call already made, not a second one.
    const dependencies = dependenciesBySystem.get(system);
    const running = dependencies?.callInFlight;
    if (running?.child === self) return running.reply as Promise<Reply<T>>;
    const reply = run(self, dependencies, input, callSignal(signal, self));
    if (dependencies) {
      const call = { child: self, reply };
      dependencies.callInFlight = call;
      // Once answered (or thrown: a bug, which XState reports as the child's error), the finished child is
      // not kept: XState stops it on the answer, before any restart.
      const forget = () => {
        if (dependencies.callInFlight === call) dependencies.callInFlight = undefined;
      };
      reply.then(forget, forget);
    }
    return reply;
  });
};

/**
 * The signal a call runs under: aborted when its child is stopped for good (its state was left, the
 * flow cancelled or stopped). A child stopped only to be started again with its state kept is active
 * again once that stop returns: its call goes on, and answers the restarted child.
 */
const callSignal = (signal: AbortSignal, self: AnyActorRef): AbortSignal => {
  const controller = new AbortController();
  signal.addEventListener(
    "abort",
    () =>
      queueMicrotask(() => {
        if (self.getSnapshot().status !== "active") controller.abort();
      }),
    { once: true },
  );
  return controller.signal;
};

const RESEND_DUE: EnrollmentEvent = { type: "deadline.resend" };
const CODE_DUE: EnrollmentEvent = { type: "deadline.code" };
const CODE_LOST: EnrollmentEvent = { type: "code.lost" };

/** What the facade would answer a SET without a configured token, asked before any SMS is requested. */
const TOKEN_NOT_CONFIGURED: PimsMessage = failed("", 2344);

/** Not sent again by a restored actor: an SMS, a single-use code. */
const SENT_ONCE = true;

/** The enrollment machine's actors. Each reaches its own actor's facade and clock through `dependenciesBySystem`. */
export const enrollmentActors = {
  /** No call of its own: `facadeCall` initialises the facade first, and once that has succeeded this answers so. */
  initializeFacade: /* @__PURE__ */ facadeCall<null>(async () => succeeded("", null)),
  checkDeviceActivation: /* @__PURE__ */ facadeCall<{ isDeviceActivated: boolean }>((pims, _, options) =>
    pims.get(ACCOUNT_API, { actionType: "strong", type: "isDeviceActivated" }, options),
  ),
  checkAccountBlock: /* @__PURE__ */ facadeCall<{ isAccountBlocked: AccountBlockState }>((pims, _, options) =>
    pims.get(ACCOUNT_API, { actionType: "strong", type: "isAccountBlocked" }, options),
  ),
  readTrustedPhone: /* @__PURE__ */ facadeCall<{ phoneNumber: string | null }>((pims, _, options) =>
    pims.get(TRUSTED_PHONE_API, {}, options),
  ),
  /**
   * No SMS for a device that cannot enroll: a token that is absent or not configured makes the validation
   * answer 2344, so the flow fails with it before the request.
   */
  requestCode: /* @__PURE__ */ facadeCall<null>(
    async (pims, _, options, { token }) =>
      token?.isConfigured() ? pims.get(SMSCODE_API, { type: "enrollment" }, options) : TOKEN_NOT_CONFIGURED,
    SENT_ONCE,
  ),
  /** Sends the code held for this actor; none held (it cannot be, short of a bug) reads as interrupted. */
  validateCode: /* @__PURE__ */ facadeCall<{ status: EnrollmentStatus }>(
    async (pims, _, options, { heldCode }) =>
      heldCode === undefined
        ? null
        : pims.set(SMSCODE_API, { action: "enrollment", smsCode: heldCode.reveal() }, options),
    SENT_ONCE,
  ),
  /**
   * Retried again after a restore (the token's state is the device's): a new facade never saw the
   * validation, so it is given the status that validation answered.
   */
  synchronizeToken: /* @__PURE__ */ facadeCall<{ status: EnrollmentStatus }, SynchronizeInput>(
    (pims, { status }, options) => pims.synchronize(status === null ? options : { ...options, status }),
  ),
  /** Turns the absolute deadlines in context into events, again after a restore. */
  deadlines: /* @__PURE__ */ fromCallback<EnrollmentEvent, DeadlinesInput>(({ input, sendBack, system }) => {
    const clock = dependenciesBySystem.get(system)?.clock ?? systemClock;
    const at = (deadline: number | null, fire: () => void) =>
      deadline === null ? undefined : clock.setTimeout(fire, Math.max(0, deadline - clock.now()));
    // A parked actor keeps these: two handles and two closures over `sendBack`, no array, no event per timer.
    const resend = input.resendReady ? undefined : at(input.resendAvailableAt, () => sendBack(RESEND_DUE));
    const code = at(input.codeExpiresAt, () => sendBack(CODE_DUE));
    // An injected clock is only ever given its own handles, as XState gives it.
    return () => {
      if (resend !== undefined) clock.clearTimeout(resend);
      if (code !== undefined) clock.clearTimeout(code);
    };
  }),
  /**
   * Watches a validation that waits for `retry` or the network: a restored actor no longer holds the
   * code (it never enters a snapshot), and says so at once with `code.lost`.
   */
  heldCode: /* @__PURE__ */ fromCallback<EnrollmentEvent>(({ sendBack, system }) => {
    if (heldCodeOf(system) === undefined) sendBack(CODE_LOST);
  }),
} satisfies Record<string, AnyActorLogic>;

/** What a facade-call actor answers when it succeeds. */
type AnswerOf<Logic> = Logic extends PromiseActorLogic<Reply<infer T>, infer _Input> ? T : never;

/** The answer in the done event of an actor of `Logic`; `undefined` when it failed or for any other event. */
const answerOf = <Logic>(event: EventObject): AnswerOf<Logic> | undefined => {
  const reply = replyOf(event);
  return reply?.ok ? (reply.value as AnswerOf<Logic>) : undefined;
};

// The guards and actions read each actor's answer through these: one reader per actor, typed by it.
type Actors = typeof enrollmentActors;
/** What `checkDeviceActivation` answered. */
export const deviceActivationAnswer = answerOf<Actors["checkDeviceActivation"]>;
/** What `checkAccountBlock` answered. */
export const accountBlockAnswer = answerOf<Actors["checkAccountBlock"]>;
/** What `readTrustedPhone` answered: the trusted phone, `null` when the account has none. */
export const trustedPhoneAnswer = answerOf<Actors["readTrustedPhone"]>;
/** The enrollment status `validateCode` or `synchronizeToken` answered. */
export const statusAnswer = answerOf<Actors["validateCode"] | Actors["synchronizeToken"]>;
