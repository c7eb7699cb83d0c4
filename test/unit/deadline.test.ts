import { afterEach, describe, expect, it, vi } from "vitest";
import { withDeadline } from "../../src/services/deadline";

/**
 * One call's race, as the facade and the HTTP transport run it: the work's answer against its deadline,
 * its caller's signal and its release; the first wins, the work's signal says why it was stopped, and no
 * work, timer or listener outlives the call.
 */

afterEach(() => {
  vi.useRealTimers();
});

/** Work that answers when told to, and shows the signal it was given. */
const controllable = () => {
  let answer: (value: string) => void = () => {};
  let seen: AbortSignal | undefined;
  let calls = 0;
  const work = (signal: AbortSignal) => {
    calls += 1;
    seen = signal;
    return new Promise<string>((resolve) => {
      answer = resolve;
    });
  };
  return {
    work,
    answer: (value: string) => answer(value),
    signal: () => seen,
    calls: () => calls,
  };
};

describe("a call under a deadline", () => {
  it("answered in time: the answer; then its work is released and no timer is left", async () => {
    vi.useFakeTimers();
    const w = controllable();
    const call = withDeadline(w.work, 1_000, undefined);
    expect(vi.getTimerCount()).toBe(1);
    expect(w.signal()?.aborted).toBe(false);
    w.answer("yes");
    expect(await call.settled).toStrictEqual({ ok: true, value: "yes" });
    expect(w.signal()?.reason).toBe("release");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("past the timeout: cut short for `timeout`, its work's signal aborted with that reason, a late answer dropped", async () => {
    vi.useFakeTimers();
    const w = controllable();
    const call = withDeadline(w.work, 1_000, undefined);
    vi.advanceTimersByTime(999);
    expect(w.signal()?.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await call.settled).toStrictEqual({ ok: false, error: "timeout" });
    expect(w.signal()?.reason).toBe("timeout");
    w.answer("late");
    expect(await call.settled).toStrictEqual({ ok: false, error: "timeout" });
  });

  it("aborted by the caller: cut short for `caller`, its work's signal aborted, its listener and timer gone", async () => {
    vi.useFakeTimers();
    const w = controllable();
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    const call = withDeadline(w.work, 1_000, controller.signal);
    controller.abort();
    expect(await call.settled).toStrictEqual({ ok: false, error: "caller" });
    expect(w.signal()?.reason).toBe("caller");
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
    expect(vi.getTimerCount()).toBe(0);
    w.answer("late");
    expect(await call.settled).toStrictEqual({ ok: false, error: "caller" });
  });

  it("released: cut short for `release`, its work's signal aborted with that reason", async () => {
    vi.useFakeTimers();
    const w = controllable();
    const call = withDeadline(w.work, 1_000, undefined);
    call.release();
    expect(await call.settled).toStrictEqual({ ok: false, error: "release" });
    expect(w.signal()?.reason).toBe("release");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("answered: the caller's abort listener is removed, and a later abort changes nothing", async () => {
    const w = controllable();
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    const call = withDeadline(w.work, 1_000, controller.signal);
    w.answer("refused");
    expect(await call.settled).toStrictEqual({ ok: true, value: "refused" });
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
    controller.abort();
    expect(w.signal()?.reason).toBe("release");
    expect(await call.settled).toStrictEqual({ ok: true, value: "refused" });
  });

  it("answered, then released: the answer stands", async () => {
    const w = controllable();
    const call = withDeadline(w.work, 1_000, undefined);
    w.answer("yes");
    expect(await call.settled).toStrictEqual({ ok: true, value: "yes" });
    call.release();
    expect(await call.settled).toStrictEqual({ ok: true, value: "yes" });
  });

  it("with a signal already aborted: cut short for `caller` at once, the work never started, no timer", async () => {
    vi.useFakeTimers();
    const w = controllable();
    const controller = new AbortController();
    controller.abort();
    const call = withDeadline(w.work, 1_000, controller.signal);
    expect(await call.settled).toStrictEqual({ ok: false, error: "caller" });
    expect(w.calls()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
