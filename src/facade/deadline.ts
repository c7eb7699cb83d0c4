import type { ErrorCode } from "../errors";
import type { CallContext, Outcome } from "../services/ports";

export type Settled<T> = Outcome<T> | { readonly ok: false; readonly aborted: true };

/**
 * Runs `work` with a signal that aborts when any of `signals` does, or after `timeoutMs` (→ 2201).
 * The first of answer, timeout and abort wins; a late answer is dropped. No timer outlives the call.
 */
export const withDeadline = <T>(
  work: (ctx: CallContext) => Promise<Outcome<T>>,
  timeoutMs: number,
  signals: readonly AbortSignal[],
): Promise<Settled<T>> =>
  new Promise((resolve) => {
    const controller = new AbortController();
    let done = false;
    const finish = (settled: Settled<T>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener("abort", onAbort);
      controller.abort();
      resolve(settled);
    };
    const onAbort = () => finish({ ok: false, aborted: true });
    const timer = setTimeout(() => finish({ ok: false, code: 2201 satisfies ErrorCode }), timeoutMs);
    for (const s of signals) s.addEventListener("abort", onAbort, { once: true });
    if (signals.some((s) => s.aborted)) return onAbort();
    // A service that throws, even synchronously, is a bug: the call answers 2000, the facade never rejects.
    Promise.resolve()
      .then(() => work({ signal: controller.signal }))
      .then(finish, () => finish({ ok: false, code: 2000 }));
  });
