import type { Clock } from "../ports.js";
import { constantTimeEqual } from "./equal.js";
import type { RandomSource } from "./random.js";

export interface SmsCodeRules {
  readonly codeLength: number;
  readonly codeLifetimeMs: number;
  readonly maxWrongTries: number;
  readonly maxSends: number;
  readonly sendWindowMs: number;
}

/**
 * What checking a code gives: accepted, wrong (2305), or none alive (2306). An accepted code stays
 * alive until the token activation it unlocked has started: a code is spent by the enrollment it
 * unlocks, not by a check whose activation then failed on the device.
 */
export type CodeCheck = "accepted" | 2305 | 2306;

/** The backend's single current SMS code, its lifetime and wrong tries, and the send limit. */
export interface SmsCodes {
  /** A new code replacing the previous one, or `undefined` when the send limit is reached. */
  issue(): string | undefined;
  check(code: string): CodeCheck;
  /** Ties an activation code to the current code, once that code was accepted. */
  unlock(activationCode: string): void;
  /** The token started the activation: the code that unlocked it is spent. */
  spend(activationCode: string): void;
  reset(): void;
}

interface CurrentCode {
  readonly code: string;
  readonly at: number;
  wrongTries: number;
  readonly unlocked: Set<string>;
}

export const createSmsCodes = (rules: SmsCodeRules, random: RandomSource, now: Clock): SmsCodes => {
  let current: CurrentCode | undefined;
  let sends: number[] = [];

  return {
    issue() {
      const at = now();
      sends = sends.filter((sentAt) => sentAt > at - rules.sendWindowMs);
      if (sends.length >= rules.maxSends) return undefined;
      sends.push(at);
      current = { code: random.digits(rules.codeLength), at, wrongTries: 0, unlocked: new Set() };
      return current.code;
    },
    check(code) {
      if (current === undefined) return 2306;
      if (now() > current.at + rules.codeLifetimeMs) {
        current = undefined;
        return 2306;
      }
      if (constantTimeEqual(code, current.code)) return "accepted";
      current.wrongTries += 1;
      if (current.wrongTries >= rules.maxWrongTries) current = undefined;
      return 2305;
    },
    unlock(activationCode) {
      current?.unlocked.add(activationCode);
    },
    spend(activationCode) {
      if (current?.unlocked.has(activationCode)) current = undefined;
    },
    reset() {
      current = undefined;
      sends = [];
    },
  };
};
