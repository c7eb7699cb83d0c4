import type { Clock } from "../ports";
import { constantTimeEqual } from "./equal";
import type { RandomSource } from "./random";

export interface SmsCodeRules {
  readonly codeLength: number;
  readonly codeLifetimeMs: number;
  readonly maxWrongTries: number;
  readonly maxSends: number;
  readonly sendWindowMs: number;
}

/** What checking a code gives: accepted (and spent), wrong (2305), or none alive (2306). */
export type CodeCheck = "accepted" | 2305 | 2306;

/** The backend's single current SMS code, its lifetime and wrong tries, and the send limit. */
export interface SmsCodes {
  /** A new code replacing the previous one, or `undefined` when the send limit is reached. */
  issue(): string | undefined;
  check(code: string): CodeCheck;
  reset(): void;
}

interface CurrentCode {
  readonly code: string;
  readonly at: number;
  wrongTries: number;
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
      current = { code: random.digits(rules.codeLength), at, wrongTries: 0 };
      return current.code;
    },
    check(code) {
      if (current === undefined) return 2306;
      if (now() > current.at + rules.codeLifetimeMs) {
        current = undefined;
        return 2306;
      }
      if (constantTimeEqual(code, current.code)) {
        current = undefined;
        return "accepted";
      }
      current.wrongTries += 1;
      if (current.wrongTries >= rules.maxWrongTries) current = undefined;
      return 2305;
    },
    reset() {
      current = undefined;
      sends = [];
    },
  };
};
