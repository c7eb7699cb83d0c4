import { checkLimit, durationLimit, type Limit, TIMEOUT_LIMIT } from "../schemas/limits.js";
import type { EnrollmentInput, EnrollmentLimits } from "./types.js";

/** The flow's limits that the actor's input leaves out. */
export const defaultTimers: EnrollmentLimits = Object.freeze({
  requestTimeoutMs: 30_000,
  codeLifetimeMs: 5 * 60_000,
  resendCooldownMs: 30_000,
  maxSends: 3,
  maxAttempts: 3,
});

/** The most sends or wrong-code attempts a flow can be given. */
export const MAX_COUNT = 100;

const countLimit: Limit = { min: 1, max: MAX_COUNT, integer: true, unit: "" };

/**
 * The documented bounds of each of the flow's limits: durations a timer can hold, counts at least 1. A
 * cooldown may be 0 (no wait); a code lifetime or a timeout may not.
 */
export const timerLimits: Readonly<Record<keyof EnrollmentLimits, Limit>> = {
  requestTimeoutMs: TIMEOUT_LIMIT,
  codeLifetimeMs: /* @__PURE__ */ durationLimit(1),
  resendCooldownMs: /* @__PURE__ */ durationLimit(0),
  maxSends: countLimit,
  maxAttempts: countLimit,
};

/**
 * The flow's limits among `options`, each checked (a RangeError or TypeError naming it); one left out or
 * `undefined` keeps its default, and no other key is taken.
 */
export const checkTimers = (caller: string, options: EnrollmentInput): EnrollmentInput => {
  const timers: { -readonly [K in keyof EnrollmentLimits]?: number } = {};
  for (const name of Object.keys(timerLimits) as (keyof EnrollmentLimits)[]) {
    const value = options[name];
    if (value !== undefined) timers[name] = checkLimit(caller, name, value, timerLimits[name]);
  }
  return timers;
};
