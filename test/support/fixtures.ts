import { SimulatedClock } from "xstate";
import type { CallContext } from "../../src/services/ports";

/** The fixed start time of every test on a simulated clock: 28 November 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);

/** A simulated clock that reads `T0`, moved only by the test. */
export const clockAtT0 = (): SimulatedClock => {
  const clock = new SimulatedClock();
  clock.set(T0);
  return clock;
};

/** The trusted phone the simulator answers unless told otherwise, and what the screens show of it. */
export const PHONE = "0612345678";
export const MASKED_PHONE = "06••••••78";

/** The context of a service call that is never aborted. */
export const ctx = (): CallContext => ({ signal: new AbortController().signal });
