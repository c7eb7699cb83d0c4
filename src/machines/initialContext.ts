import { defaultTimers } from "./limits.js";
import type { EnrollmentContext, EnrollmentInput, EnrollmentLimits } from "./types.js";

/** The first context, from the actor's input (the flow's limits). */
export const initialContext = ({ input }: { input: EnrollmentInput | undefined }): EnrollmentContext => ({
  timers: timersOf(input),
  phoneNumber: null,
  sendsUsed: 0,
  attemptsLeft: 0,
  codeExpiresAt: null,
  resendAvailableAt: null,
  resendReady: false,
  online: true,
  status: null,
  error: null,
});

/**
 * The flow's limits, and only those: an input's other keys never reach the context. Actors on the
 * defaults share one object (a parked actor is counted in bytes).
 */
const timersOf = (input: EnrollmentInput | undefined): EnrollmentLimits => {
  let timers = defaultTimers;
  for (const key of Object.keys(defaultTimers) as (keyof EnrollmentLimits)[]) {
    const value = input?.[key];
    if (value !== undefined) timers = { ...timers, [key]: value };
  }
  return timers;
};
