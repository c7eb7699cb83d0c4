import { fail, type Result, succeed } from "../errors/index.js";

/**
 * Why a call's work was stopped, as its signal's `reason`: its time ran out (`timeout`), its caller's
 * signal aborted (`caller`), or its owner let it go (`release`: the facade's `release()`, or the call is
 * over and what its work still holds, a body or a connection, is released).
 */
export type AbortReason = "timeout" | "caller" | "release";

/** A call run under a deadline. */
export interface DeadlineCall<T> {
  /** The work's answer, or why the call was cut short: whichever came first. Never rejects. */
  readonly settled: Promise<Result<T, AbortReason>>;
  /** Cuts the call short (`release`); once it has settled, does nothing. */
  release(): void;
}

/**
 * Runs `work` with a signal of its own, which aborts with the reason the call is cut short: after
 * `timeoutMs`, when `callerSignal` aborts, or on `release()`. The first of the work's answer and the abort
 * settles the call, and a late answer is dropped. Once the call is over its work is released, however it
 * ended: no work, timer or listener outlives the call. `work` must not reject: a caller turns the bugs of
 * its work into an answer.
 */
export const withDeadline = <T>(
  work: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): DeadlineCall<T> => {
  const controller = new AbortController();
  // The executor runs at once: `settle` is the promise's own resolve before anything can call it.
  let settle: (result: Result<T, AbortReason>) => void = () => {};
  const settled = new Promise<Result<T, AbortReason>>((resolve) => {
    settle = resolve;
  });
  let over = false;
  // The work's signal aborts with the reason the call ended: "release" once it answered.
  const finish = (result: Result<T, AbortReason>, reason: AbortReason) => {
    if (over) return;
    over = true;
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
    controller.abort(reason);
    settle(result);
  };
  const cutShort = (reason: AbortReason) => finish(fail(reason), reason);
  const onCallerAbort = () => cutShort("caller");
  const timer = setTimeout(() => cutShort("timeout"), timeoutMs);
  if (callerSignal?.aborted) cutShort("caller");
  else {
    callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
    work(controller.signal).then((value) => finish(succeed(value), "release"));
  }
  return { settled, release: () => cutShort("release") };
};
