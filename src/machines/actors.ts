import {
  type AnyActorLogic,
  fromCallback,
  fromPromise,
  type PromiseActorLogic,
  type PromiseSnapshot,
} from "xstate";
import type { Pims, PimsMessage } from "../facade";
import { ACCOUNT_API, SMSCODE_API, TRUSTED_PHONE_API } from "../schemas/params";
import type { AccountBlockState, EnrollmentStatus } from "../services/ports";
import type { EnrollmentClock } from "./clock";
import type { Secret } from "./secret";
import type { EnrollmentEvent, Reply } from "./types";

export interface ActorDependencies {
  readonly pims: Pims;
  /** What `initialize` receives. */
  readonly config: unknown;
  readonly clock: EnrollmentClock;
}

export interface DeadlinesInput {
  readonly codeExpiresAt: number | null;
  readonly resendAvailableAt: number | null;
  readonly resendReady: boolean;
}

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

/** The actors that reach the facade, bound to one facade and one clock. */
export const createEnrollmentActors = ({ pims, config, clock }: ActorDependencies) => {
  let initialized: Promise<PimsMessage | null> | undefined;

  /** A restored actor has a fresh facade: the first call initialises it; 2007 counts as done. */
  const ensureInitialized = async (): Promise<PimsMessage | null> => {
    initialized ??= pims.initialize(config);
    const message = await initialized;
    if (message?.status === "FAILED" && message.error.code !== 2007) initialized = undefined;
    return message?.status === "FAILED" && message.error.code === 2007 ? null : message;
  };

  const toReply = <T>(message: PimsMessage | null): Reply<T> => {
    const at = clock.now();
    if (message === null) return { ok: false, interrupted: true, at };
    return message.status === "SUCCEEDED"
      ? { ok: true, value: message.result as T, at }
      : { ok: false, error: message.error, at };
  };

  const facadeCall = <T>(call: (options: { signal: AbortSignal }) => Promise<PimsMessage | null>) =>
    fromPromise<Reply<T>, Restorable>(async ({ input, signal }) => {
      if (input?.restored) return { ok: false, interrupted: true, at: clock.now() };
      const init = await ensureInitialized();
      if (init?.status === "FAILED") return toReply<T>(init);
      return toReply<T>(await call({ signal }));
    });

  return {
    initializeFacade: fromPromise<Reply<null>>(async () => {
      const message = await ensureInitialized();
      return message === null ? { ok: true, value: null, at: clock.now() } : toReply<null>(message);
    }),
    checkDeviceActivation: facadeCall<{ isDeviceActivated: boolean }>((options) =>
      pims.get(ACCOUNT_API, { actionType: "strong", type: "isDeviceActivated" }, options),
    ),
    checkAccountBlock: facadeCall<{ isAccountBlocked: AccountBlockState }>((options) =>
      pims.get(ACCOUNT_API, { actionType: "strong", type: "isAccountBlocked" }, options),
    ),
    readTrustedPhone: facadeCall<{ phoneNumber: string | null }>((options) =>
      pims.get(TRUSTED_PHONE_API, {}, options),
    ),
    requestCode: notReplayedOnRestore(
      facadeCall<null>((options) => pims.get(SMSCODE_API, { type: "enrollment" }, options)),
    ),
    validateCode: notReplayedOnRestore(
      fromPromise<Reply<{ status: EnrollmentStatus }>, Restorable<{ code: Secret }>>(
        async ({ input, signal }) => {
          if (input === undefined || input.restored) return { ok: false, interrupted: true, at: clock.now() };
          const init = await ensureInitialized();
          if (init?.status === "FAILED") return toReply(init);
          const smsCode = input.code.reveal();
          return toReply(await pims.set(SMSCODE_API, { action: "enrollment", smsCode }, { signal }));
        },
      ),
    ),
    synchronizeToken: facadeCall<{ status: EnrollmentStatus }>((options) => pims.synchronize(options)),
    /** Turns the absolute deadlines in context into events, again after a restore. */
    deadlines: fromCallback<EnrollmentEvent, DeadlinesInput>(({ input, sendBack }) => {
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
};

export type EnrollmentActors = ReturnType<typeof createEnrollmentActors>;
