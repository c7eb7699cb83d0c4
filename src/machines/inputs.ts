import type { DeadlinesInput, SynchronizeInput } from "./actors.js";
import {
  defaultTimers,
  type EnrollmentContext,
  type EnrollmentInput,
  type EnrollmentTimers,
} from "./types.js";

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
const timersOf = (input: EnrollmentInput | undefined): EnrollmentTimers => {
  let timers = defaultTimers;
  for (const key of Object.keys(defaultTimers) as (keyof EnrollmentTimers)[]) {
    const value = input?.[key];
    if (value !== undefined) timers = { ...timers, [key]: value };
  }
  return timers;
};

export const deadlinesInput = ({ context }: { context: EnrollmentContext }): DeadlinesInput => ({
  codeExpiresAt: context.codeExpiresAt,
  resendAvailableAt: context.resendAvailableAt,
  resendReady: context.resendReady,
});

export const synchronizeInput = ({ context }: { context: EnrollmentContext }): SynchronizeInput => ({
  status: context.status,
});
