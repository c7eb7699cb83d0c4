import { expect, onTestFinished, vi } from "vitest";
import type { Simulator } from "../../src/simulator";

/**
 * Fakes only `setTimeout` and `clearTimeout`, on which the simulator's latency runs: a test then lets
 * that latency pass exactly, with `vi.advanceTimersByTimeAsync(ms)`, instead of sleeping for it. Promises,
 * and the flow's own SimulatedClock, run as before. Real timers are back when the test ends.
 */
export const fakeTimeouts = () => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  onTestFinished(() => {
    vi.useRealTimers();
  });
};

/**
 * Resolves once the simulator has logged a call to `operation` as its last call, which it does when the
 * call arrives, before its latency. Under `fakeTimeouts`, each check moves the faked time 1 ms, so the
 * call is still in flight when this resolves.
 */
export const callArrived = (sim: Simulator, operation: string) =>
  vi.waitFor(() => expect(sim.calls.at(-1)?.operation).toBe(operation), { interval: 1 });

/**
 * One turn of the event loop: what already-settled promises lead to has happened. For a check that
 * nothing more happens where no time has to pass (no latency, no deadline); never a wait for time.
 */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
