import { describe, expect, it } from "vitest";
import { type AnyMachineSnapshot, getInitialSnapshot, getNextSnapshot } from "xstate";
import { type ErrorCode, labelOf } from "../../src/errors";
import { defaultTimers, type EnrollmentInput, enrollmentMachine } from "../../src/machines";
import * as done from "../support/events";
import { PHONE, T0 } from "../support/fixtures";

/**
 * The flow's facts in context (sends, attempts, deadlines, the last error) and its outputs, step by
 * step on the machine alone: each backend answer is the done event its actor would send.
 */

// biome-ignore lint/suspicious/noExplicitAny: done events are not in the machine's event union
const machine = enrollmentMachine as any;

/** Each backend step here answers at T0. */
const ok = (id: string, value: unknown) => done.answered(id, value, T0);
const refused = (id: string, code: ErrorCode) => done.refused(id, code, T0);
const interrupted = (id: string) => done.interrupted(id, T0);

const flow = (input?: EnrollmentInput) => {
  let state: AnyMachineSnapshot = getInitialSnapshot(machine, input);
  const f = {
    get state() {
      return state;
    },
    get context() {
      return state.context;
    },
    leaf: () => JSON.stringify(state.value),
    send(event: { type: string } & Record<string, unknown>) {
      state = getNextSnapshot(machine, state, event);
      return f;
    },
    /** From idle to the code screen: every check passes and the SMS is sent at `T0`. */
    toCodeScreen() {
      return f
        .send({ type: "start" })
        .send(ok("initializeFacade", null))
        .send(ok("checkDeviceActivation", { isDeviceActivated: false }))
        .send(ok("checkAccountBlock", { isAccountBlocked: "NotBlocked" }))
        .send(ok("readTrustedPhone", { phoneNumber: PHONE }))
        .send(ok("requestCode", null));
    },
    submit: () => f.send({ type: "code.submit", code: "123456" }),
  };
  return f;
};

describe("the first context", () => {
  it("holds no phone, no send, no attempt, no deadline, no status, no error; online; the default limits", () => {
    expect(flow().context).toStrictEqual({
      timers: defaultTimers,
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
  });

  it("takes the limits given, and the defaults for those left out or undefined", () => {
    expect(
      flow({ maxAttempts: 2, maxSends: undefined, codeLifetimeMs: 60_000 } as unknown as EnrollmentInput)
        .context.timers,
    ).toStrictEqual({
      ...defaultTimers,
      maxAttempts: 2,
      codeLifetimeMs: 60_000,
    });
  });
});

describe("an SMS sent", () => {
  it("opens the code screen with the phone, every attempt, and deadlines counted from the answer", () => {
    const f = flow().toCodeScreen();
    expect(f.leaf()).toBe('{"awaitingCode":"editing"}');
    expect(f.context).toMatchObject({
      phoneNumber: PHONE,
      sendsUsed: 1,
      attemptsLeft: 3,
      codeExpiresAt: T0 + 300_000,
      resendAvailableAt: T0 + 30_000,
      resendReady: false,
      error: null,
    });
  });

  it("a resend is refused before the cooldown, allowed after it, and never past the send limit", () => {
    const f = flow({ maxSends: 2 }).toCodeScreen();
    f.send({ type: "code.resend" });
    expect(f.leaf()).toBe('{"awaitingCode":"editing"}');
    f.send({ type: "deadline.resend" }).send({ type: "code.resend" });
    expect(f.leaf()).toBe('{"requestingCode":"sending"}');
    expect(f.context.sendsUsed).toBe(2);
    f.send(ok("requestCode", null)).send({ type: "deadline.resend" });
    expect(f.context.resendReady).toBe(true);
    f.send({ type: "code.resend" });
    expect(f.leaf()).toBe('{"awaitingCode":"editing"}');
    expect(f.context.sendsUsed).toBe(2);
  });
});

describe("an SMS request that failed", () => {
  /** From idle to the SMS request: every check passes. */
  const toRequest = (input?: EnrollmentInput) =>
    flow(input)
      .send({ type: "start" })
      .send(ok("initializeFacade", null))
      .send(ok("checkDeviceActivation", { isDeviceActivated: false }))
      .send(ok("checkAccountBlock", { isAccountBlocked: "NotBlocked" }))
      .send(ok("readTrustedPhone", { phoneNumber: PHONE }));

  it("offline, nothing left the device: the send does not count", () => {
    const f = toRequest();
    expect(f.context.sendsUsed).toBe(1);
    f.send(refused("requestCode", 2202));
    expect(f.leaf()).toBe('{"requestingCode":"offline"}');
    expect(f.context.sendsUsed).toBe(0);
  });

  it.each([2204, 2102, 2101] as const)(
    "refused with %i, it sent nothing: the send does not count and the retry is offered at once",
    (code) => {
      const f = toRequest().send(refused("requestCode", code));
      expect(f.leaf()).toBe('{"requestingCode":"stalled"}');
      expect(f.context).toMatchObject({
        sendsUsed: 0,
        resendAvailableAt: null,
        resendReady: false,
        error: { code },
      });
      f.send({ type: "retry" });
      expect(f.leaf()).toBe('{"requestingCode":"sending"}');
      expect(f.context).toMatchObject({ sendsUsed: 1, error: null });
    },
  );

  it.each([2201, 2203] as const)(
    "failed with %i, it may have sent an SMS: the send counts and the retry waits for the resend cooldown",
    (code) => {
      const f = toRequest().send(refused("requestCode", code));
      expect(f.leaf()).toBe('{"requestingCode":"stalled"}');
      expect(f.context).toMatchObject({
        sendsUsed: 1,
        resendAvailableAt: T0 + 30_000,
        resendReady: false,
        error: { code },
      });
      f.send({ type: "retry" });
      expect(f.leaf()).toBe('{"requestingCode":"stalled"}');
      f.send({ type: "deadline.resend" }).send({ type: "retry" });
      expect(f.leaf()).toBe('{"requestingCode":"sending"}');
      expect(f.context).toMatchObject({ sendsUsed: 2, error: null });
    },
  );

  it("that may have sent, on the last send allowed with no earlier code to type, ends the flow", () => {
    const f = toRequest({ maxSends: 1 }).send(refused("requestCode", 2201));
    expect(f.leaf()).toBe('"failed"');
    expect(f.state.output).toStrictEqual({ outcome: "failed", error: { code: 2201, label: labelOf(2201) } });
  });

  it.each([2204, 2202, 2201, 2203, 2102, 2306] as const)(
    "as a resend (%i) while the code sent earlier is valid: back to code entry, where that code still works",
    (code) => {
      const f = flow({ maxSends: 2 })
        .toCodeScreen()
        .send({ type: "deadline.resend" })
        .send({ type: "code.resend" })
        .send(refused("requestCode", code));
      expect(f.leaf()).toBe('{"awaitingCode":"editing"}');
      expect(f.context).toMatchObject({
        attemptsLeft: 3,
        codeExpiresAt: T0 + 300_000,
        sendsUsed: code === 2201 || code === 2203 ? 2 : 1,
        error: { code },
      });
      f.submit();
      expect(f.leaf()).toBe('{"validatingCode":"checking"}');
    },
  );

  it("as a resend after the earlier code expired, or with its attempts spent: the request waits for a retry", () => {
    const expired = flow().toCodeScreen().send({ type: "deadline.code" });
    expect(expired.leaf()).toBe('{"awaitingCode":"expired"}');
    expect(expired.context.attemptsLeft).toBe(0);
    expired
      .send({ type: "deadline.resend" })
      .send({ type: "code.resend" })
      .send(refused("requestCode", 2204));
    expect(expired.leaf()).toBe('{"requestingCode":"stalled"}');

    const spent = flow({ maxAttempts: 1 }).toCodeScreen().submit().send(refused("validateCode", 2305));
    expect(spent.leaf()).toBe('{"awaitingCode":"expired"}');
    spent.send({ type: "deadline.resend" }).send({ type: "code.resend" }).send(refused("requestCode", 2202));
    expect(spent.leaf()).toBe('{"requestingCode":"offline"}');

    const refusedCode = flow().toCodeScreen().submit().send(refused("validateCode", 2308));
    expect(refusedCode.leaf()).toBe('{"awaitingCode":"expired"}');
    expect(refusedCode.context.attemptsLeft).toBe(0);
  });

  it("as a resend that answers after the earlier code expired: the request waits for a retry", () => {
    const f = flow().toCodeScreen().send({ type: "deadline.resend" }).send({ type: "code.resend" });
    f.send(done.refused("requestCode", 2204, T0 + 300_000));
    expect(f.leaf()).toBe('{"requestingCode":"stalled"}');
  });

  it("in flight when the app was killed: the user may type the SMS or ask again at once", () => {
    const f = flow().send({ type: "start" });
    f.send(ok("initializeFacade", null))
      .send(ok("checkDeviceActivation", { isDeviceActivated: false }))
      .send(ok("checkAccountBlock", { isAccountBlocked: "NotBlocked" }))
      .send(ok("readTrustedPhone", { phoneNumber: PHONE }))
      .send(interrupted("requestCode"));
    expect(f.leaf()).toBe('{"awaitingCode":"unconfirmed"}');
    expect(f.context).toMatchObject({
      sendsUsed: 1,
      attemptsLeft: 3,
      codeExpiresAt: T0 + 300_000,
      resendReady: true,
      error: null,
    });
  });
});

describe("a code refused", () => {
  it("as wrong costs an attempt; a server error does not, and the same code is checked again on retry", () => {
    const f = flow().toCodeScreen().submit().send(refused("validateCode", 2305));
    expect(f.leaf()).toBe('{"awaitingCode":"rejected"}');
    expect(f.context).toMatchObject({ attemptsLeft: 2, error: { code: 2305 } });
    f.submit().send(refused("validateCode", 2204));
    expect(f.leaf()).toBe('{"validatingCode":"stalled"}');
    expect(f.context).toMatchObject({ attemptsLeft: 2, error: { code: 2204 } });
    f.send({ type: "retry" });
    expect(f.leaf()).toBe('{"validatingCode":"checking"}');
    expect(f.context).toMatchObject({ attemptsLeft: 2, error: null });
  });

  it.each([2201, 2203, 2204, 2314] as const)(
    "with %i (retry class) waits in validatingCode.stalled for retry, spending no attempt",
    (code) => {
      const f = flow().toCodeScreen().submit().send(refused("validateCode", code));
      expect(f.leaf()).toBe('{"validatingCode":"stalled"}');
      expect(f.context).toMatchObject({ attemptsLeft: 3, error: { code } });
      f.send({ type: "network.online" });
      expect(f.leaf()).toBe('{"validatingCode":"stalled"}');
      f.send({ type: "retry" });
      expect(f.leaf()).toBe('{"validatingCode":"checking"}');
    },
  );

  it("offline (2202) waits in validatingCode.offline, then checks the same code again when online or on retry", () => {
    const f = flow()
      .toCodeScreen()
      .submit()
      .send({ type: "network.offline" })
      .send(refused("validateCode", 2202));
    expect(f.leaf()).toBe('{"validatingCode":"offline"}');
    expect(f.context).toMatchObject({ attemptsLeft: 3, online: false, error: { code: 2202 } });
    f.send({ type: "network.online" });
    expect(f.leaf()).toBe('{"validatingCode":"checking"}');
    expect(f.context).toMatchObject({ attemptsLeft: 3, online: true, error: null });
    f.send(refused("validateCode", 2202)).send({ type: "retry" });
    expect(f.leaf()).toBe('{"validatingCode":"checking"}');
  });

  it("while waiting to check it again, a restored actor that lost the code returns to code entry for it to be typed again", () => {
    for (const code of [2202, 2204] as const) {
      const f = flow()
        .toCodeScreen()
        .submit()
        .send(refused("validateCode", code))
        .send({ type: "code.lost" });
      expect(f.leaf()).toBe('{"awaitingCode":"retype"}');
      expect(f.context).toMatchObject({ attemptsLeft: 3, error: null });
      f.submit();
      expect(f.leaf()).toBe('{"validatingCode":"checking"}');
    }
  });

  it("as expired right after it was sent: a new code still waits for the cooldown", () => {
    const f = flow().toCodeScreen().submit().send(refused("validateCode", 2306));
    expect(f.leaf()).toBe('{"awaitingCode":"expired"}');
    expect(f.context.resendReady).toBe(false);
    f.send({ type: "code.resend" });
    expect(f.leaf()).toBe('{"awaitingCode":"expired"}');
    f.send({ type: "deadline.resend" }).send({ type: "code.resend" });
    expect(f.leaf()).toBe('{"requestingCode":"sending"}');
  });

  it("before any SMS was sent (a new-code answer to a check), a code may be asked for at once", () => {
    const f = flow()
      .send({ type: "start" })
      .send(ok("initializeFacade", null))
      .send(refused("checkDeviceActivation", 2306));
    expect(f.leaf()).toBe('{"awaitingCode":"expired"}');
    expect(f.context).toMatchObject({ resendReady: true, sendsUsed: 0 });
    f.send({ type: "code.resend" });
    expect(f.leaf()).toBe('{"requestingCode":"sending"}');
  });
});

describe("where the flow ends", () => {
  it("hands off with the status the validation returned: an account with a PIN keeps it", () => {
    const f = flow()
      .toCodeScreen()
      .submit()
      .send(ok("validateCode", { status: "AlreadyEnrolled" }));
    expect(f.context.status).toBe("AlreadyEnrolled");
    expect(f.state.output).toStrictEqual({
      outcome: "handoff",
      status: "AlreadyEnrolled",
      next: { api: "pims.authentication.enrollment", action: "enroll", pin: "existing" },
    });
  });

  it("a blocked token hands off to remove the enrollments, with the error that said so", () => {
    const f = flow().toCodeScreen().submit().send(refused("validateCode", 2310));
    expect(f.state.output).toStrictEqual({
      outcome: "accountBlocked",
      next: { api: "pims.authentication.enrollment", action: "remove" },
      error: { code: 2310, label: labelOf(2310) },
    });
  });

  it.each(["AccountBlocked", "PINBlocked"] as const)(
    "a blocked account (%s) hands off to remove the enrollments, saying which block, with no error",
    (blockState) => {
      const f = flow()
        .send({ type: "start" })
        .send(ok("initializeFacade", null))
        .send(ok("checkDeviceActivation", { isDeviceActivated: false }))
        .send(ok("checkAccountBlock", { isAccountBlocked: blockState }));
      expect(f.state.output).toStrictEqual({
        outcome: "accountBlocked",
        next: { api: "pims.authentication.enrollment", action: "remove" },
        blockState,
      });
    },
  );
});

describe("the network", () => {
  it.each([
    ["checkingDevice", "checkDeviceActivation", '{"checkingDevice":"deviceActivation"}'],
    ["checkingTrustedPhone", "readTrustedPhone", '{"checkingTrustedPhone":"reading"}'],
  ])("offline in %s: back online resumes the step and records being online", (_step, actor, resumed) => {
    const f = flow().send({ type: "start" }).send(ok("initializeFacade", null));
    if (actor === "readTrustedPhone") {
      f.send(ok("checkDeviceActivation", { isDeviceActivated: false })).send(
        ok("checkAccountBlock", { isAccountBlocked: "NotBlocked" }),
      );
    }
    f.send({ type: "network.offline" }).send(refused(actor, 2202));
    expect(f.context.online).toBe(false);
    f.send({ type: "network.online" });
    expect(f.leaf()).toBe(resumed);
    expect(f.context.online).toBe(true);
  });

  it("offline in the SMS request and in the synchronization: back online resumes them", () => {
    const request = flow()
      .send({ type: "start" })
      .send(ok("initializeFacade", null))
      .send(ok("checkDeviceActivation", { isDeviceActivated: false }))
      .send(ok("checkAccountBlock", { isAccountBlocked: "NotBlocked" }))
      .send(ok("readTrustedPhone", { phoneNumber: PHONE }));
    request
      .send({ type: "network.offline" })
      .send(refused("requestCode", 2202))
      .send({ type: "network.online" });
    expect(request.leaf()).toBe('{"requestingCode":"sending"}');
    expect(request.context.online).toBe(true);
    const sync = flow().toCodeScreen().submit().send(refused("validateCode", 2316));
    expect(sync.leaf()).toBe('{"synchronizing":"syncing"}');
    sync
      .send({ type: "network.offline" })
      .send(refused("synchronizeToken", 2202))
      .send({ type: "network.online" });
    expect(sync.leaf()).toBe('{"synchronizing":"syncing"}');
    expect(sync.context.online).toBe(true);
  });

  it("an answer that carries no error to a check records 2000 and waits for a retry", () => {
    const f = flow()
      .send({ type: "start" })
      .send(ok("initializeFacade", null))
      .send(interrupted("checkDeviceActivation"));
    expect(f.leaf()).toBe('{"checkingDevice":"stalled"}');
    expect(f.context.error).toStrictEqual({ code: 2000, label: "Unknown error" });
  });
});

describe("a retry", () => {
  const toCheck = () => flow().send({ type: "start" }).send(ok("initializeFacade", null));
  it.each([
    [
      "the device check",
      () => toCheck().send(refused("checkDeviceActivation", 2204)),
      '{"checkingDevice":"deviceActivation"}',
    ],
    [
      "the trusted phone",
      () =>
        toCheck()
          .send(ok("checkDeviceActivation", { isDeviceActivated: false }))
          .send(ok("checkAccountBlock", { isAccountBlocked: "NotBlocked" }))
          .send(refused("readTrustedPhone", 2201)),
      '{"checkingTrustedPhone":"reading"}',
    ],
    [
      "the synchronization",
      () =>
        flow()
          .toCodeScreen()
          .submit()
          .send(refused("validateCode", 2316))
          .send(refused("synchronizeToken", 2316)),
      '{"synchronizing":"syncing"}',
    ],
  ])("of %s runs it again with the error cleared", (_name, stalled, resumed) => {
    const f = stalled();
    expect(f.context.error).not.toBeNull();
    f.send({ type: "retry" });
    expect(f.leaf()).toBe(resumed);
    expect(f.context.error).toBeNull();
  });

  it("of the SMS request, and a code typed again after a refusal, start with the error cleared", () => {
    const request = flow().send({ type: "start" });
    request
      .send(ok("initializeFacade", null))
      .send(ok("checkDeviceActivation", { isDeviceActivated: false }))
      .send(ok("checkAccountBlock", { isAccountBlocked: "NotBlocked" }))
      .send(ok("readTrustedPhone", { phoneNumber: PHONE }))
      .send(refused("requestCode", 2204))
      .send({ type: "retry" });
    expect(request.context.error).toBeNull();
    const code = flow().toCodeScreen().submit().send(refused("validateCode", 2305)).submit();
    expect(code.leaf()).toBe('{"validatingCode":"checking"}');
    expect(code.context.error).toBeNull();
  });
});

describe("a code typed", () => {
  it("must be a string of digits: a number is refused as malformed, as letters are", () => {
    for (const code of [123456, "12a456"]) {
      const f = flow().toCodeScreen().send({ type: "code.submit", code });
      expect(f.leaf()).toBe('{"awaitingCode":"rejected"}');
      expect(f.context.error).toStrictEqual({ code: 2102, label: labelOf(2102, "smsCode") });
    }
  });
});
