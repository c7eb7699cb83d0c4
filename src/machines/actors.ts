import {
  type ActorSystem,
  type AnyActorLogic,
  fromCallback,
  fromPromise,
  type PromiseActorLogic,
  type PromiseSnapshot,
} from "xstate";
import { failed, type Pims, type PimsMessage, succeeded } from "../facade/index.js";
import { ACCOUNT_API, SMSCODE_API, TRUSTED_PHONE_API } from "../schemas/params.js";
import type { AccountBlockState, EnrollmentStatus } from "../services/ports.js";
import { systemClock } from "./clock.js";
import { dependenciesOf } from "./dependencies.js";
import type { Secret } from "./secret.js";
import type { EnrollmentEvent, Reply } from "./types.js";

export interface DeadlinesInput {
  readonly codeExpiresAt: number | null;
  readonly resendAvailableAt: number | null;
  readonly resendReady: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: any actor system, as XState types it
type AnyActorSystem = ActorSystem<any>;

type Restorable<I extends object = object> = (I & { readonly restored?: true }) | undefined;

/**
 * A request whose snapshot was persisted while it was in flight is not sent again on restore
 * (fromPromise would re-run it): it resolves as interrupted and the machine lets the user decide.
 */
const notReplayedOnRestore = <T, I extends object>(
  logic: PromiseActorLogic<Reply<T>, Restorable<I>>,
): PromiseActorLogic<Reply<T>, Restorable<I>> => ({
  ...logic,
  restoreSnapshot: (persisted, scope) => {
    const snapshot = persisted as PromiseSnapshot<Reply<T>, Restorable<I>>;
    const restored =
      snapshot.status === "active"
        ? { ...snapshot, input: { ...(snapshot.input as I), restored: true as const } }
        : snapshot;
    return logic.restoreSnapshot ? logic.restoreSnapshot(restored, scope) : restored;
  },
});

const UNCONFIGURED: PimsMessage = failed("00000000-0000", 2006);
const INITIALIZED: PimsMessage = succeeded("00000000-0000", null);

/**
 * The facade this actor's actors call, initialised first: a restored actor has a fresh facade, and 2007
 * counts as done. An actor made without services (`createActor(enrollmentMachine)`) answers 2006.
 */
const initializedFacade = async (system: AnyActorSystem): Promise<Pims | PimsMessage> => {
  const dependencies = dependenciesOf(system);
  if (dependencies === undefined) return UNCONFIGURED;
  if (dependencies.initialized !== true) {
    dependencies.initialized ??= dependencies.pims.initialize(dependencies.config);
    const message = await dependencies.initialized;
    const done = message?.status !== "FAILED" || message.error.code === 2007;
    dependencies.initialized = done ? true : undefined;
    if (!done) return message;
  }
  return dependencies.pims;
};

const toReply = <T>(message: PimsMessage | null, at: number): Reply<T> => {
  if (message === null) return { ok: false, interrupted: true, at };
  return message.status === "SUCCEEDED"
    ? { ok: true, value: message.result as T, at }
    : { ok: false, error: message.error, at };
};

/** An actor that makes one facade call, once the facade is initialised; it never rejects for an expected refusal. */
const facadeCall = <T, I extends object = object>(
  call: (
    pims: Pims,
    input: NonNullable<Restorable<I>>,
    options: { signal: AbortSignal },
  ) => Promise<PimsMessage | null>,
) =>
  fromPromise<Reply<T>, Restorable<I>>(async ({ input, signal, system }) => {
    const clock = dependenciesOf(system)?.clock ?? systemClock;
    if (input?.restored) return toReply<T>(null, clock.now());
    const ready = dependenciesOf(system);
    // Once initialised, no await before the call: each one is a microtask on every step of the flow.
    const facade = ready?.initialized === true ? ready.pims : await initializedFacade(system);
    const message =
      "status" in facade
        ? facade
        : await call(facade, input ?? ({} as NonNullable<Restorable<I>>), { signal });
    return toReply<T>(message, clock.now());
  });

/** The enrollment machine's actors. Each reaches its own actor's facade and clock through `dependenciesOf`. */
export const enrollmentActors = {
  initializeFacade: /* @__PURE__ */ facadeCall<null>(async () => INITIALIZED),
  checkDeviceActivation: /* @__PURE__ */ facadeCall<{ isDeviceActivated: boolean }>((pims, _, options) =>
    pims.get(ACCOUNT_API, { actionType: "strong", type: "isDeviceActivated" }, options),
  ),
  checkAccountBlock: /* @__PURE__ */ facadeCall<{ isAccountBlocked: AccountBlockState }>((pims, _, options) =>
    pims.get(ACCOUNT_API, { actionType: "strong", type: "isAccountBlocked" }, options),
  ),
  readTrustedPhone: /* @__PURE__ */ facadeCall<{ phoneNumber: string | null }>((pims, _, options) =>
    pims.get(TRUSTED_PHONE_API, {}, options),
  ),
  requestCode: /* @__PURE__ */ notReplayedOnRestore(
    /* @__PURE__ */ facadeCall<null>((pims, _, options) =>
      pims.get(SMSCODE_API, { type: "enrollment" }, options),
    ),
  ),
  validateCode: /* @__PURE__ */ notReplayedOnRestore(
    /* @__PURE__ */ facadeCall<{ status: EnrollmentStatus }, { code: Secret }>((pims, input, options) =>
      pims.set(SMSCODE_API, { action: "enrollment", smsCode: input.code.reveal() }, options),
    ),
  ),
  synchronizeToken: /* @__PURE__ */ facadeCall<{ status: EnrollmentStatus }>((pims, _, options) =>
    pims.synchronize(options),
  ),
  /** Turns the absolute deadlines in context into events, again after a restore. */
  deadlines: /* @__PURE__ */ fromCallback<EnrollmentEvent, DeadlinesInput>(({ input, sendBack, system }) => {
    const clock = dependenciesOf(system)?.clock ?? systemClock;
    const timers: unknown[] = [];
    const at = (deadline: number | null, event: EnrollmentEvent) => {
      if (deadline === null) return;
      timers.push(clock.setTimeout(() => sendBack(event), Math.max(0, deadline - clock.now())));
    };
    if (!input.resendReady) at(input.resendAvailableAt, { type: "deadline.resend" });
    at(input.codeExpiresAt, { type: "deadline.code" });
    return () => {
      for (const timer of timers) clock.clearTimeout(timer);
    };
  }),
} satisfies Record<string, AnyActorLogic>;
