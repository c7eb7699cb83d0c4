import { describe, expect, it, vi } from "vitest";
import { MASKED_PHONE } from "../support/fixtures";
import { callsOf, startFlow, wrongCode } from "../support/flow";
import { callArrived, fakeTimeouts } from "../support/timing";

describe("journeys a person would tell", () => {
  it("a wrong code keeps the user on the code screen with one attempt less; the right one hands off to a new PIN", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    expect(flow.view()).toMatchObject({
      step: "awaitingCode",
      canSubmit: true,
      attemptsLeft: 3,
      maskedPhone: MASKED_PHONE,
    });
    flow.actor.send({ type: "code.submit", code: wrongCode(flow.lastCode()) });
    await flow.until({ awaitingCode: "rejected" });
    expect(flow.view()).toMatchObject({
      attemptsLeft: 2,
      canSubmit: true,
      error: { code: 2305 },
      recovery: "fix-input",
    });
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await flow.until("handoff");
    expect(flow.actor.getSnapshot().output).toEqual({
      outcome: "handoff",
      status: "NotEnrolled",
      next: { api: "pims.authentication.enrollment", action: "enroll", pin: "new" },
    });
  });

  it("resend waits for the cooldown, then sends a new code and the old one no longer works", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    const first = flow.lastCode();
    expect(flow.view()).toMatchObject({ canResend: false, resendInSeconds: 30, sendsLeft: 2 });
    flow.actor.send({ type: "code.resend" });
    expect(flow.actor.getSnapshot().matches("awaitingCode")).toBe(true);
    expect(flow.sim.outbox).toHaveLength(1);
    flow.clock.increment(29_000);
    expect(flow.view()).toMatchObject({ canResend: false, resendInSeconds: 1 });
    flow.clock.increment(1_000);
    expect(flow.view()).toMatchObject({ canResend: true, resendInSeconds: 0 });
    flow.actor.send({ type: "code.resend" });
    await flow.until({ awaitingCode: "editing" });
    expect(flow.sim.outbox).toHaveLength(2);
    expect(flow.view()).toMatchObject({ sendsLeft: 1, attemptsLeft: 3, canResend: false });
    if (flow.lastCode() !== first) {
      flow.actor.send({ type: "code.submit", code: first });
      await flow.until({ awaitingCode: "rejected" });
      expect(flow.view().error?.code).toBe(2305);
    }
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await flow.until("handoff");
  });

  it("an expired code asks for a new one, and the new one works", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.clock.increment(5 * 60_000);
    await flow.until({ awaitingCode: "expired" });
    expect(flow.view()).toMatchObject({
      canSubmit: false,
      canResend: true,
      error: { code: 2306 },
      recovery: "new-code",
    });
    flow.actor.send({ type: "code.resend" });
    await flow.until({ awaitingCode: "editing" });
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await flow.until("handoff");
  });

  it("after 2316 only the synchronization is retried, never the single-use code, and the handoff keeps the status", async () => {
    const flow = startFlow({ sim: { alreadyEnrolled: true } });
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.sim.failNext("smscode.set", 2316);
    flow.sim.failNext("smscode.set", 2316);
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await flow.until({ synchronizing: "stalled" });
    expect(flow.view()).toMatchObject({ canRetry: true, error: { code: 2316 }, recovery: "sync" });
    flow.actor.send({ type: "retry" });
    await flow.until("handoff");
    expect(callsOf(flow.sim, "smscode.set")).toBe(1);
    expect(flow.actor.getSnapshot().output).toMatchObject({
      status: "AlreadyEnrolled",
      next: { pin: "existing" },
    });
  });

  it("a second submit while the code is being checked sends one request", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await flow.until("handoff");
    expect(callsOf(flow.sim, "smscode.set")).toBe(1);
  });

  it("offline at the first check waits, and going online carries on where it stopped", async () => {
    const flow = startFlow();
    flow.sim.setOffline(true);
    flow.actor.send({ type: "network.offline" });
    flow.actor.send({ type: "start" });
    await flow.until({ checkingDevice: "offline" });
    expect(flow.view()).toMatchObject({
      online: false,
      canRetry: true,
      error: { code: 2202 },
      recovery: "when-online",
    });
    flow.sim.setOffline(false);
    flow.actor.send({ type: "network.online" });
    await flow.until({ awaitingCode: "editing" });
    expect(flow.sim.outbox).toHaveLength(1);
    expect(flow.view()).toMatchObject({ online: true, error: null });
  });

  it("cancel aborts the request in flight: no SMS leaves, and its late answer changes nothing", async () => {
    fakeTimeouts();
    const flow = startFlow();
    flow.sim.setLatency(30);
    flow.actor.send({ type: "start" });
    await callArrived(flow.sim, "smscode.get");
    flow.actor.send({ type: "cancel" });
    expect(flow.actor.getSnapshot().output).toEqual({ outcome: "cancelled" });
    // The request's latency runs out: were it not aborted, its answer would come now.
    await vi.advanceTimersByTimeAsync(30);
    expect(flow.sim.outbox).toHaveLength(0);
    expect(flow.actor.getSnapshot().value).toBe("cancelled");
  });

  it("a flow restored from JSON keeps its deadlines: the code still expires on time", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.clock.increment(60_000);
    flow.restore();
    expect(flow.view()).toMatchObject({ step: "awaitingCode", codeExpiresInSeconds: 240, canResend: true });
    flow.clock.increment(240_000);
    await flow.until({ awaitingCode: "expired" });
  });

  it("a snapshot taken while the SMS request was in flight restores to a choice, without a second SMS", async () => {
    fakeTimeouts();
    const flow = startFlow();
    flow.sim.setLatency(40);
    flow.actor.send({ type: "start" });
    await callArrived(flow.sim, "smscode.get");
    expect(flow.actor.getSnapshot().matches({ requestingCode: "sending" })).toBe(true);
    flow.restore();
    await flow.until({ awaitingCode: "unconfirmed" });
    // The stopped actor's request runs out its latency: the restored flow asks for no SMS of its own.
    await vi.advanceTimersByTimeAsync(40);
    expect(callsOf(flow.sim, "smscode.get")).toBe(1);
    expect(flow.view()).toMatchObject({ canResend: true, canSubmit: true, sendsLeft: 2 });
    flow.sim.setLatency(0);
    flow.actor.send({ type: "code.resend" });
    await flow.until({ awaitingCode: "editing" });
    expect(callsOf(flow.sim, "smscode.get")).toBe(2);
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await flow.until("handoff");
  });

  it("after the last send, a code that dies ends the flow with the reason", async () => {
    const flow = startFlow({ timers: { maxSends: 1 } });
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    expect(flow.view().sendsLeft).toBe(0);
    flow.clock.increment(5 * 60_000);
    await flow.until("failed");
    expect(flow.actor.getSnapshot().output).toEqual({
      outcome: "failed",
      error: { code: 2306, label: "The sms code is expired" },
    });
  });

  it("no trusted phone, a blocked account and an activated device each end with where to go next", async () => {
    const noPhone = startFlow({ sim: { phoneNumber: null } });
    noPhone.actor.send({ type: "start" });
    expect((await noPhone.until("trustedPhoneRequired")).output).toEqual({
      outcome: "trustedPhoneRequired",
      next: { api: "pims.authentication.enrollment", action: "enrollWithPhoneNumber" },
    });
    const blocked = startFlow({ sim: { accountBlocked: "PINBlocked" } });
    blocked.actor.send({ type: "start" });
    expect((await blocked.until("accountBlocked")).output).toEqual({
      outcome: "accountBlocked",
      next: { api: "pims.authentication.enrollment", action: "remove" },
      blockState: "PINBlocked",
    });
    const activated = startFlow({ sim: { deviceActivated: true } });
    activated.actor.send({ type: "start" });
    expect((await activated.until("alreadyActivated")).output).toEqual({ outcome: "alreadyActivated" });
  });
});
