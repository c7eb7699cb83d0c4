import type { ErrorCode, Operation } from "../../errors/index.js";
import type { AccountBlockState, InweboToken, Transport } from "../ports.js";

/** What `createSimulator` takes; every option has a default. */
export interface SimulatorOptions {
  /** The trusted phone; default "0612345678"; `null`: the account has none. */
  readonly phoneNumber?: string | null | undefined;
  /** What `isDeviceActivated` answers at first (and the token's initial state); default false. */
  readonly deviceActivated?: boolean | undefined;
  /** Default "NotBlocked". */
  readonly accountBlocked?: AccountBlockState | undefined;
  /** false (default): SET answers "NotEnrolled"; true: "AlreadyEnrolled". */
  readonly alreadyEnrolled?: boolean | undefined;
  /** false: the token's `isConfigured()` is false (SET answers 2344); default true. */
  readonly tokenConfigured?: boolean | undefined;
  /** Seeds a deterministic generator (tests only); without it codes come from `crypto.getRandomValues`. */
  readonly seed?: number | undefined;
  /** Digits of an SMS code, 4 to 10; default 6. */
  readonly codeLength?: number | undefined;
  /** The clock; default `Date.now`. */
  readonly now?: (() => number) | undefined;
  /** Default 5 minutes. */
  readonly codeLifetimeMs?: number | undefined;
  /** Wrong tries that kill a code; default 3. */
  readonly maxWrongTries?: number | undefined;
  /** SMS sent per `sendWindowMs` at most (over it, `smscode.get` answers 2204); default 5. */
  readonly maxSends?: number | undefined;
  /** Default 10 minutes. */
  readonly sendWindowMs?: number | undefined;
}

/** An SMS the simulated backend sent. */
export interface SentSms {
  readonly to: string;
  readonly code: string;
  readonly at: number;
}

/** One transport call, logged when it arrives, before latency, faults or checks. */
export interface CallRecord {
  readonly operation: Operation;
  readonly at: number;
}

/** The simulator's services, for `createPims({ services })` or `createEnrollmentActor({ services })`. */
export interface SimulatorServices {
  readonly transport: Transport;
  readonly token: InweboToken;
}

/** The simulator: its services, what it sent and logged, and its fault-injection handles. */
export interface Simulator {
  readonly services: SimulatorServices;
  /** The SMS sent, newest last (a live view). */
  readonly outbox: readonly SentSms[];
  /** Every transport call, in order (a live view). */
  readonly calls: readonly CallRecord[];
  /**
   * The next call of `operation` fails with `code`. On `smscode.set`, 2308-2317 come out of the token's
   * next call instead (2316: its post-synchronisation), and 2344 out of its next `isConfigured()`.
   */
  failNext(operation: Operation, code: ErrorCode): void;
  /** While offline every transport call answers 2202, after the latency. */
  setOffline(flag: boolean): void;
  /** Every transport call waits `ms` first; an aborted call settles at once and changes nothing. */
  setLatency(ms: number): void;
  /** Back to the state `createSimulator` gave: no SMS, no calls, no faults, online, no latency. */
  reset(): void;
}
