import type { Result } from "../errors/index.js";
import type { PimsErrorBody } from "../facade/index.js";
import type { AccountBlockState, EnrollmentStatus } from "../services/ports.js";

/** The flow's limits, durations and counts; every one is configurable input. */
export interface EnrollmentLimits {
  /** Per backend call, past it the call answers 2201. */
  readonly requestTimeoutMs: number;
  readonly codeLifetimeMs: number;
  readonly resendCooldownMs: number;
  /** SMS sends per flow, the first one included. */
  readonly maxSends: number;
  /** Wrong-code attempts per code. */
  readonly maxAttempts: number;
}

/** The machine's input: any of the flow's limits; `defaultTimers` gives the others. */
export type EnrollmentInput = Partial<EnrollmentLimits>;

/** @deprecated The flow's limits hold counts too: use `EnrollmentLimits`. */
export type EnrollmentTimers = EnrollmentLimits;

/** Facts only: counters, absolute deadlines (epoch ms, so a restored snapshot keeps them), the last error. */
export interface EnrollmentContext {
  readonly timers: EnrollmentLimits;
  readonly phoneNumber: string | null;
  readonly sendsUsed: number;
  readonly attemptsLeft: number;
  readonly codeExpiresAt: number | null;
  readonly resendAvailableAt: number | null;
  /** Set by the deadline timer once `resendAvailableAt` has passed; guards cannot read a clock. */
  readonly resendReady: boolean;
  readonly online: boolean;
  readonly status: EnrollmentStatus | null;
  readonly error: PimsErrorBody | null;
}

/**
 * The events the machine accepts: the public ones (`start`, `code.submit`, …), its deadline timers', and
 * `code.lost`, from a restored validation that no longer holds the code the user typed.
 */
export type EnrollmentEvent =
  | { type: "start" }
  | { type: "code.submit"; code: string }
  | { type: "code.resend" }
  | { type: "retry" }
  | { type: "cancel" }
  | { type: "network.online" }
  | { type: "network.offline" }
  | { type: "deadline.resend" }
  | { type: "deadline.code" }
  | { type: "code.lost" };

/**
 * Why a request answered nothing: it was in flight when its snapshot was persisted, and a request that
 * must not be sent twice is not sent again on restore.
 */
export type Interrupted = "interrupted";

/**
 * What a backend step's actor resolves with, at the time it answered: the facade's result, or its error,
 * or `"interrupted"`. It never rejects for an expected refusal.
 */
export type Reply<T> = Result<T, PimsErrorBody | Interrupted> & {
  readonly at: number;
  /** After a 2316 (the validation answered, its post-synchronization failed): the status it answered. */
  readonly validatedStatus?: EnrollmentStatus;
};

/** The API a final output points the app to next. */
export type EnrollmentApi = "pims.authentication.enrollment";

/** The machine's output: where the flow ended and what the app does next. */
export type EnrollmentOutput =
  | {
      outcome: "handoff";
      status: EnrollmentStatus;
      next: { api: EnrollmentApi; action: "enroll"; pin: "new" | "existing" };
    }
  | { outcome: "alreadyActivated" }
  | {
      outcome: "accountBlocked";
      next: { api: EnrollmentApi; action: "remove" };
      /** Set when the account check found the block: a blocked PIN or a blocked account. */
      blockState?: Exclude<AccountBlockState, "NotBlocked">;
      /** Set when the token's answer to the validation said so (2310, 2317). */
      error?: PimsErrorBody;
    }
  | { outcome: "trustedPhoneRequired"; next: { api: EnrollmentApi; action: "enrollWithPhoneNumber" } }
  | { outcome: "failed"; error: PimsErrorBody }
  | { outcome: "cancelled" };

export type { AccountBlockState, EnrollmentStatus };
