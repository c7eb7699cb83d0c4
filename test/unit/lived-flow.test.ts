import { describe, expect, it } from "vitest";
import { createEnrollmentActor } from "../../src";
import { createSimulator } from "../../src/simulator";
import { callsOf, startFlow, wrongCode } from "../support/flow";
import { settle } from "../support/timing";

/** The flow as a person lives it (issue 15), on the real actor and the simulator. */

describe("a device that cannot enroll", () => {
  it("fails with 2344 before any SMS is requested when its token is not configured", async () => {
    const flow = startFlow({ sim: { tokenConfigured: false } });
    flow.actor.send({ type: "start" });
    const done = await flow.until("failed");
    expect(done.output).toStrictEqual({
      outcome: "failed",
      error: { code: 2344, label: "StrongAuthentication not configured" },
    });
    expect(callsOf(flow.sim, "smscode.get")).toBe(0);
    expect(flow.sim.outbox).toEqual([]);
  });

  it("fails with 2344 before any SMS is requested when the services have no token", async () => {
    const sim = createSimulator({ seed: 1 });
    const actor = createEnrollmentActor({ services: { transport: sim.services.transport } });
    actor.start();
    actor.send({ type: "start" });
    await new Promise<void>((resolve) => actor.subscribe((s) => s.status === "done" && resolve()));
    expect(actor.getSnapshot().output).toMatchObject({ outcome: "failed", error: { code: 2344 } });
    expect(callsOf(sim, "smscode.get")).toBe(0);
  });

  it("meets a 2344 armed on smscode.set before the SMS request in that check, and one armed in code entry at the SET", async () => {
    const early = startFlow();
    early.sim.failNext("smscode.set", 2344);
    early.actor.send({ type: "start" });
    expect((await early.until("failed")).output).toMatchObject({ error: { code: 2344 } });
    expect(early.sim.outbox).toEqual([]);

    const late = startFlow();
    late.actor.send({ type: "start" });
    await late.until("awaitingCode");
    late.sim.failNext("smscode.set", 2344);
    late.actor.send({ type: "code.submit", code: late.lastCode() });
    expect((await late.until("failed")).output).toMatchObject({ error: { code: 2344 } });
    expect(callsOf(late.sim, "smscode.set")).toBe(0);
  });
});

describe("a code checked while the network or the server fails", () => {
  it("offline: back online, the same code is checked again, no attempt spent, and the flow hands off", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.sim.setOffline(true);
    flow.actor.send({ type: "network.offline" });
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await flow.until({ validatingCode: "offline" });
    expect(flow.view()).toMatchObject({
      step: "validatingCode",
      phase: "offline",
      canRetry: true,
      attemptsLeft: 3,
      error: { code: 2202 },
    });
    flow.sim.setOffline(false);
    flow.actor.send({ type: "network.online" });
    await flow.until("handoff");
    expect(callsOf(flow.sim, "smscode.set")).toBe(2);
  });

  it.each([2201, 2204, 2314] as const)(
    "%i: retry sends the code typed before, without asking for it again",
    async (code) => {
      const flow = startFlow();
      flow.actor.send({ type: "start" });
      await flow.until("awaitingCode");
      flow.sim.failNext("smscode.set", code);
      flow.actor.send({ type: "code.submit", code: flow.lastCode() });
      await flow.until({ validatingCode: "stalled" });
      expect(flow.view()).toMatchObject({ canRetry: true, attemptsLeft: 3, error: { code } });
      flow.actor.send({ type: "retry" });
      await flow.until("handoff");
    },
  );

  it("restored while waiting to check it again: back to code entry at once, nothing sent, the code typed again", async () => {
    for (const wait of ["offline", "stalled"] as const) {
      const flow = startFlow();
      flow.actor.send({ type: "start" });
      await flow.until("awaitingCode");
      if (wait === "offline") flow.sim.setOffline(true);
      else flow.sim.failNext("smscode.set", 2204);
      flow.actor.send({ type: "code.submit", code: flow.lastCode() });
      await flow.until({ validatingCode: wait });
      const checks = callsOf(flow.sim, "smscode.set");
      const persisted = flow.restore();
      expect(JSON.stringify(persisted)).not.toContain(flow.lastCode());
      expect(flow.actor.getSnapshot().value).toEqual({ awaitingCode: "retype" });
      expect(flow.view()).toMatchObject({ phase: "retype", canSubmit: true, error: null, attemptsLeft: 3 });
      flow.sim.setOffline(false);
      flow.actor.send({ type: "retry" });
      flow.actor.send({ type: "network.online" });
      await settle();
      expect(callsOf(flow.sim, "smscode.set")).toBe(checks);
      flow.actor.send({ type: "code.submit", code: flow.lastCode() });
      await flow.until("handoff");
    }
  });
});

describe("sends counted as sends", () => {
  it("a 2204 on the SMS request spends no send and may be retried at once", async () => {
    const flow = startFlow();
    flow.sim.failNext("smscode.get", 2204);
    flow.actor.send({ type: "start" });
    await flow.until({ requestingCode: "stalled" });
    expect(flow.view()).toMatchObject({ canRetry: true, sendsLeft: 3, resendInSeconds: 0 });
    flow.actor.send({ type: "retry" });
    await flow.until("awaitingCode");
    expect(flow.view()).toMatchObject({ sendsLeft: 2 });
  });

  it("a timed-out SMS request counts, and its retry waits for the resend cooldown", async () => {
    const flow = startFlow();
    flow.sim.failNext("smscode.get", 2201);
    flow.actor.send({ type: "start" });
    await flow.until({ requestingCode: "stalled" });
    expect(flow.view()).toMatchObject({ canRetry: false, sendsLeft: 2, resendInSeconds: 30 });
    flow.clock.increment(30_000);
    expect(flow.view()).toMatchObject({ canRetry: true });
    flow.actor.send({ type: "retry" });
    await flow.until("awaitingCode");
    expect(flow.view()).toMatchObject({ sendsLeft: 1 });
  });

  it("a failed resend returns to code entry, where the code sent earlier still works, even on the last send", async () => {
    const flow = startFlow({ timers: { maxSends: 2 } });
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    const first = flow.lastCode();
    flow.actor.send({ type: "code.submit", code: wrongCode(first) });
    await flow.until({ awaitingCode: "rejected" });
    flow.clock.increment(30_000);
    flow.sim.failNext("smscode.get", 2204);
    flow.actor.send({ type: "code.resend" });
    await flow.until({ awaitingCode: "editing" });
    expect(flow.view()).toMatchObject({
      attemptsLeft: 2,
      sendsLeft: 1,
      canResend: true,
      error: { code: 2204 },
    });
    flow.sim.failNext("smscode.get", 2201);
    flow.actor.send({ type: "code.resend" });
    await flow.until({ awaitingCode: "editing" });
    expect(flow.view()).toMatchObject({ sendsLeft: 0, canResend: false, error: { code: 2201 } });
    expect(flow.sim.outbox).toHaveLength(1);
    flow.actor.send({ type: "code.submit", code: first });
    await flow.until("handoff");
  });
});
