/** XState's clock with a `now()`: `SimulatedClock` from xstate fits, so tests move time by hand. */
export interface EnrollmentClock {
  now(): number;
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
}

/** The platform's clock: `Date.now` and the global timers. */
export const systemClock: EnrollmentClock = {
  now: () => Date.now(),
  setTimeout: (fn, timeout) => setTimeout(fn, timeout),
  clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>),
};
