import { afterEach, describe, expect, it, vi } from "vitest";
import { withDeadline } from "../../src/facade/deadline";
import type { CallContext, Outcome } from "../../src/services/ports";

/** One facade call's race: the answer, the timeout (2201) and the abort; the first wins, no timer is left. */

afterEach(() => {
  vi.useRealTimers();
});

/** Work that answers when told to, and shows the signal it was given. */
const controllable = () => {
  let answer: (outcome: Outcome<string>) => void = () => {};
  let seen: AbortSignal | undefined;
  let calls = 0;
  const work = (ctx: CallContext) => {
    calls += 1;
    seen = ctx.signal;
    return new Promise<Outcome<string>>((resolve) => {
      answer = resolve;
    });
  };
  return {
    work,
    answer: (outcome: Outcome<string>) => answer(outcome),
    signal: () => seen,
    calls: () => calls,
  };
};

describe("a call under a deadline", () => {
  it("answered in time: the answer, its signal left alone, and no timer left", async () => {
    vi.useFakeTimers();
    const w = controllable();
    const call = withDeadline(w.work, 1_000, undefined);
    expect(vi.getTimerCount()).toBe(1);
    w.answer({ ok: true, value: "yes" });
    expect(await call.settled).toStrictEqual({ ok: true, value: "yes" });
    expect(w.signal()?.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("past the timeout: 2201, its work aborted, and a late answer dropped", async () => {
    vi.useFakeTimers();
    const w = controllable();
    const call = withDeadline(w.work, 1_000, undefined);
    vi.advanceTimersByTime(999);
    expect(w.signal()?.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await call.settled).toStrictEqual({ ok: false, code: 2201 });
    expect(w.signal()?.aborted).toBe(true);
    w.answer({ ok: true, value: "late" });
    expect(await call.settled).toStrictEqual({ ok: false, code: 2201 });
  });

  it("aborted by the caller: aborted, its work aborted, its listener and timer gone", async () => {
    vi.useFakeTimers();
    const w = controllable();
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    const call = withDeadline(w.work, 1_000, controller.signal);
    controller.abort();
    expect(await call.settled).toStrictEqual({ ok: false, aborted: true });
    expect(w.signal()?.aborted).toBe(true);
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
    expect(vi.getTimerCount()).toBe(0);
    w.answer({ ok: true, value: "late" });
    expect(await call.settled).toStrictEqual({ ok: false, aborted: true });
  });

  it("answered: the caller's abort listener is removed", async () => {
    const w = controllable();
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    const call = withDeadline(w.work, 1_000, controller.signal);
    w.answer({ ok: false, code: 2305 });
    expect(await call.settled).toStrictEqual({ ok: false, code: 2305 });
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
    controller.abort();
    expect(await call.settled).toStrictEqual({ ok: false, code: 2305 });
  });

  it("answered, then cancelled: the answer stands and its work is not aborted", async () => {
    const w = controllable();
    const call = withDeadline(w.work, 1_000, undefined);
    w.answer({ ok: true, value: "yes" });
    expect(await call.settled).toStrictEqual({ ok: true, value: "yes" });
    call.cancel();
    expect(w.signal()?.aborted).toBe(false);
    expect(await call.settled).toStrictEqual({ ok: true, value: "yes" });
  });

  it("cancelled: aborted, as an abort of its signal", async () => {
    const w = controllable();
    const call = withDeadline(w.work, 1_000, undefined);
    call.cancel();
    expect(await call.settled).toStrictEqual({ ok: false, aborted: true });
    expect(w.signal()?.aborted).toBe(true);
  });

  it("with a signal already aborted: aborted at once, the work never started", async () => {
    vi.useFakeTimers();
    const w = controllable();
    const controller = new AbortController();
    controller.abort();
    const call = withDeadline(w.work, 1_000, controller.signal);
    expect(await call.settled).toStrictEqual({ ok: false, aborted: true });
    expect(w.calls()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("work that throws, at once or later, answers 2000 and never rejects", async () => {
    const sync = withDeadline(
      () => {
        throw new Error("bug");
      },
      1_000,
      undefined,
    );
    expect(await sync.settled).toStrictEqual({ ok: false, code: 2000 });
    const later = withDeadline(() => Promise.reject(new Error("bug")), 1_000, undefined);
    expect(await later.settled).toStrictEqual({ ok: false, code: 2000 });
  });
});
