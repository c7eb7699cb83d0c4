import type { ErrorCode } from "../errors/index.js";
import type { CallContext, Outcome } from "../services/ports.js";

/** The work's outcome, or the call cut short (`aborted`). */
export type Settled<T> = Outcome<T> | { readonly ok: false; readonly aborted: true };

export interface DeadlineCall<T> {
  readonly settled: Promise<Settled<T>>;
  /** Cuts the call short, as an abort of its signal does. */
  cancel(): void;
}

/**
 * Runs `work` with a signal that aborts when `signal` does, on `cancel()`, or after `timeoutMs`
 * (→ 2201). The first of answer, timeout and abort wins; a late answer is dropped. No timer outlives
 * the call.
 */
export const withDeadline = <T>(
  work: (ctx: CallContext) => Promise<Outcome<T>>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): DeadlineCall<T> => {
  const controller = new AbortController();
  let finish: (outcome: Settled<T>) => void = () => {};
  const onAbort = () => finish({ ok: false, aborted: true });
  const settled = new Promise<Settled<T>>((resolve) => {
    let done = false;
    finish = (outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      // Only a call cut short has work left to stop; an answered one has none.
      if (!outcome.ok && !("code" in outcome && outcome.code === 2000)) controller.abort();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, code: 2201 satisfies ErrorCode }), timeoutMs);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    // A service that throws, even synchronously, is a bug: the call answers 2000, the facade never rejects.
    const unexpected = () => finish({ ok: false, code: 2000 });
    try {
      work({ signal: controller.signal }).then(finish, unexpected);
    } catch {
      unexpected();
    }
  });
  return { settled, cancel: onAbort };
};
