import type { AccountBlockState, Clock } from "../ports.js";
import type { SmsCodeRules } from "./sms-codes.js";
import type { SimulatorOptions } from "./types.js";

export interface ResolvedOptions extends SmsCodeRules {
  readonly phoneNumber: string | null;
  readonly deviceActivated: boolean;
  readonly accountBlocked: AccountBlockState;
  readonly alreadyEnrolled: boolean;
  readonly tokenConfigured: boolean;
  readonly seed: number | undefined;
  readonly now: Clock;
  readonly webOtpHost: string;
}

/** A host name as WebOTP's origin-bound line carries it: no spaces, `#` or `@`. */
const HOST = /^[^\s#@]+$/;

const BLOCK_STATES: readonly AccountBlockState[] = ["AccountBlocked", "PINBlocked", "NotBlocked"];

const integer = (
  name: string,
  value: number | undefined,
  fallback: number,
  min: number,
  max: number,
): number => {
  const resolved = value ?? fallback;
  if (!Number.isInteger(resolved) || resolved < min || resolved > max) {
    throw new RangeError(`createSimulator: ${name} must be an integer from ${min} to ${max}`);
  }
  return resolved;
};

/** The options with their defaults; an invalid option is a programmer error and throws. */
export const resolveOptions = (options: SimulatorOptions = {}): ResolvedOptions => {
  const accountBlocked = options.accountBlocked ?? "NotBlocked";
  if (!BLOCK_STATES.includes(accountBlocked)) {
    throw new RangeError(`createSimulator: accountBlocked must be one of ${BLOCK_STATES.join(", ")}`);
  }
  if (options.seed !== undefined && !Number.isFinite(options.seed)) {
    throw new RangeError("createSimulator: seed must be a finite number");
  }
  const webOtpHost = options.webOtpHost ?? "localhost";
  if (!HOST.test(webOtpHost)) {
    throw new RangeError("createSimulator: webOtpHost must be a host name, without spaces, '#' or '@'");
  }
  return {
    webOtpHost,
    phoneNumber: options.phoneNumber === undefined ? "0612345678" : options.phoneNumber,
    deviceActivated: options.deviceActivated ?? false,
    accountBlocked,
    alreadyEnrolled: options.alreadyEnrolled ?? false,
    tokenConfigured: options.tokenConfigured ?? true,
    seed: options.seed,
    now: options.now ?? (() => Date.now()),
    codeLength: integer("codeLength", options.codeLength, 6, 4, 10),
    codeLifetimeMs: integer("codeLifetimeMs", options.codeLifetimeMs, 5 * 60_000, 1, Number.MAX_SAFE_INTEGER),
    maxWrongTries: integer("maxWrongTries", options.maxWrongTries, 3, 1, Number.MAX_SAFE_INTEGER),
    maxSends: integer("maxSends", options.maxSends, 5, 1, Number.MAX_SAFE_INTEGER),
    sendWindowMs: integer("sendWindowMs", options.sendWindowMs, 10 * 60_000, 1, Number.MAX_SAFE_INTEGER),
  };
};
