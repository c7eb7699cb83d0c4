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
  /**
   * Seeds a deterministic generator (tests and demos only). Without it codes come from
   * `crypto.getRandomValues`, and where there is none (React Native without `react-native-get-random-values`)
   * `createSimulator` throws a `TypeError`.
   */
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
  /**
   * The host of the SMS's origin-bound last line (`@<host> #<code>`, WebOTP), which a browser reads only
   * on a page of that host; default "localhost".
   */
  readonly webOtpHost?: string | undefined;
}

/** An SMS the simulated backend sent. */
export interface SentSms {
  readonly to: string;
  readonly code: string;
  readonly at: number;
  /** What the phone shows: a sentence with the code, then the origin-bound line `@<host> #<code>`. */
  readonly text: string;
}

/** One transport call, logged when it arrives, before latency, faults or checks. */
export interface CallRecord {
  readonly operation: Operation;
  readonly at: number;
}

/** The call that took an armed fault. */
export interface FaultHit {
  /** A backend operation (`smscode.get`), or the token's method that answered it (`token.synchronize`). */
  readonly call: string;
  /**
   * Its number among every backend call since creation or `reset()` (1 is the first): its place in `calls`
   * while fewer than `MAX_LOGGED_CALLS` (1 000) were made; `null` for a token call, not logged there.
   */
  readonly callNumber: number | null;
  readonly at: number;
}

/** A fault armed with `failNext`: armed while `firedBy` is `null`, then fired by that call. */
export interface FaultRecord {
  /** Unique in this simulator, in the order the faults were armed. */
  readonly id: number;
  readonly operation: Operation;
  readonly code: ErrorCode;
  readonly armedAt: number;
  readonly firedBy: FaultHit | null;
}

/** The simulator's services, for `createPims({ services })` or `createEnrollmentActor({ services })`. */
export interface SimulatorServices {
  readonly transport: Transport;
  readonly token: InweboToken;
}

/** `failNext`'s options. */
export interface FailNextOptions {
  /** How many later calls fail, one each; an integer from 1 to 100, default 1. */
  readonly times?: number | undefined;
  /**
   * How many calls of the operation that reach the backend go through first, whatever they answer; an
   * integer from 0 to 100, default 0. The fault is armed (and listed in `faults`) once they have: the
   * second `account.get` of a step fails with `{ after: 1 }`. Calls answered while offline, or aborted
   * during the latency, do not count.
   */
  readonly after?: number | undefined;
}

/** The simulator: its services, what it sent and logged, and its fault-injection handles. */
export interface Simulator {
  readonly services: SimulatorServices;
  /** The SMS sent, newest last (a live view). */
  readonly outbox: readonly SentSms[];
  /** The last 1 000 transport calls (`MAX_LOGGED_CALLS`), oldest first, older ones dropped (a live view). */
  readonly calls: readonly CallRecord[];
  /** Every fault armed with `failNext`, oldest first, armed or fired (a live view). */
  readonly faults: readonly FaultRecord[];
  /**
   * The next call of `operation` fails with `code` (the next `times` calls, default 1, each failing one;
   * with `after`, the calls after that many more of `operation`).
   * On `smscode.set`, 2308-2317 come out of the token's next call instead (2316: its
   * post-synchronisation), and 2344 out of its next `isConfigured()`.
   */
  failNext(operation: Operation, code: ErrorCode, options?: FailNextOptions): void;
  /** While offline every transport call answers 2202, after the latency. */
  setOffline(flag: boolean): void;
  /** Every transport call waits `ms` first; an aborted call settles at once and changes nothing. */
  setLatency(ms: number): void;
  /** Back to the state `createSimulator` gave: no SMS, no calls, no faults (armed or fired), online, no latency. */
  reset(): void;
}
