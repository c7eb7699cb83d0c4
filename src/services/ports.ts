import type { ErrorCode, Result } from "../errors/index.js";
import type { EnrollmentStatus } from "../schemas/status.js";

/** What every service call receives: the signal that aborts it. */
export interface CallContext {
  readonly signal: AbortSignal;
}

/** What a backend call answers: its value, or the PIMS error code it was refused with (never a throw). */
export type Outcome<T> = Result<T, ErrorCode>;

/** What the `isAccountBlocked` check answers. */
export type AccountBlockState = "AccountBlocked" | "PINBlocked" | "NotBlocked";
export type { EnrollmentStatus };

/** The account checks: the `type` of GET `pims.authentication.account`. */
export type AccountQuery = "isDeviceActivated" | "isAccountBlocked";
/** What an account check answers. */
export type AccountAnswer = { isDeviceActivated: boolean } | { isAccountBlocked: AccountBlockState };

/** What the backend answers an accepted SMS code. */
export interface CodeValidation {
  readonly status: EnrollmentStatus;
  /** The inWebo activation code the backend issues once the SMS code is accepted. */
  readonly activationCode: string;
}

/** The PIMS backend, as the SDK reaches it. Each method is one operation of the simulator's call log. */
export interface Transport {
  /** `account.get` */
  getAccount(query: AccountQuery, ctx: CallContext): Promise<Outcome<AccountAnswer>>;
  /** `trustedphonenumber.get` */
  getTrustedPhoneNumber(ctx: CallContext): Promise<Outcome<{ phoneNumber: string | null }>>;
  /** `smscode.get`: sends an SMS code to the trusted phone. */
  requestSmsCode(ctx: CallContext): Promise<Outcome<null>>;
  /** `smscode.set`: checks the SMS code; a single-use code is spent by a right answer. */
  validateSmsCode(smsCode: string, ctx: CallContext): Promise<Outcome<CodeValidation>>;
}

/** What an inWebo mAccess call answers: done (`null`), or one of its result codes (see `inweboResultCodes`). */
export type InweboOutcome = Result<null, number>;

/** The inWebo token's lifecycle state. */
export type TokenState = "pendingActivation" | "activated" | "blocked";

/** The device's inWebo strong-authentication token. */
export interface InweboToken {
  /** False when the StrongAuthentication component has no inWebo credentials (SET answers 2344). */
  isConfigured(): boolean;
  activationStart(activationCode: string, ctx: CallContext): Promise<InweboOutcome>;
  activationFinalize(ctx: CallContext): Promise<InweboOutcome>;
  /** The post-synchronization that follows an activation; ERR_SYNCHROFAILED surfaces as 2316. */
  synchronize(ctx: CallContext): Promise<InweboOutcome>;
  state(): TokenState;
  /** The opaque state string the host app persists after each call that changed it. */
  exportState(): string;
}

/** The side effects the engine needs, injected. Without a token, SET answers 2344. */
export interface Services {
  readonly transport: Transport;
  readonly token?: InweboToken | undefined;
}

/** Milliseconds since the epoch; injectable for tests. */
export type Clock = () => number;
