import { describe, expect, it } from "vitest";
import { waitFor } from "xstate";
import { callsOf, startFlow } from "../support/flow";

/**
 * After 2316 the validation has answered and the code is spent: what is left is the token's
 * post-synchronization, whose state is the device's. An actor restored there retries only that.
 */
describe("restored while the token's post-synchronization is pending (after 2316)", () => {
  for (const alreadyEnrolled of [false, true]) {
    const status = alreadyEnrolled ? "AlreadyEnrolled" : "NotEnrolled";

    it(`waiting for retry: retries the synchronization and hands off with ${status}, no new SMS`, async () => {
      // The last allowed send is the first one: a new code could not be had.
      const flow = startFlow({ sim: { alreadyEnrolled }, timers: { maxSends: 1 } });
      // The activation's post-synchronization fails, then the synchronization that follows fails too.
      flow.sim.failNext("smscode.set", 2316, { times: 2 });
      flow.actor.send({ type: "start" });
      await flow.until("awaitingCode");
      flow.actor.send({ type: "code.submit", code: flow.lastCode() });
      await flow.until({ synchronizing: "stalled" });
      const sent = flow.sim.outbox.length;
      flow.restore();
      expect(flow.actor.getSnapshot().matches({ synchronizing: "stalled" })).toBe(true);
      flow.actor.send({ type: "retry" });
      const done = await flow.until("handoff");
      expect(done.output).toMatchObject({ outcome: "handoff", status });
      expect(flow.sim.outbox.length).toBe(sent);
      expect(callsOf(flow.sim, "smscode.get")).toBe(1);
      expect(callsOf(flow.sim, "smscode.set")).toBe(1);
    });

    it(`with the synchronization in flight: retries it on restore and hands off with ${status}, no new SMS`, async () => {
      const flow = startFlow({ sim: { alreadyEnrolled }, timers: { maxSends: 1 } });
      flow.sim.failNext("smscode.set", 2316);
      flow.actor.send({ type: "start" });
      await flow.until("awaitingCode");
      flow.actor.send({ type: "code.submit", code: flow.lastCode() });
      await flow.until({ synchronizing: "syncing" });
      const sent = flow.sim.outbox.length;
      flow.restore();
      const done = await flow.until("handoff");
      expect(done.output).toMatchObject({ outcome: "handoff", status });
      expect(flow.sim.outbox.length).toBe(sent);
      expect(callsOf(flow.sim, "smscode.get")).toBe(1);
      expect(callsOf(flow.sim, "smscode.set")).toBe(1);
    });
  }

  it("from an older snapshot without the validated status, still restores: the facade then needs a new code (2311)", async () => {
    const flow = startFlow({ timers: { maxSends: 1 } });
    flow.sim.failNext("smscode.set", 2316, { times: 2 });
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await flow.until({ synchronizing: "stalled" });
    const persisted = JSON.parse(JSON.stringify(flow.actor.getPersistedSnapshot()));
    expect(persisted.context.status).toBe("NotEnrolled");
    const { version: _version, ...older } = { ...persisted, context: { ...persisted.context, status: null } };
    flow.actor.stop();
    const { createEnrollmentActor } = await import("../../src");
    const actor = createEnrollmentActor({
      services: flow.sim.services,
      clock: flow.clock,
      maxSends: 1,
      snapshot: older,
    });
    actor.start();
    expect(actor.getSnapshot().matches({ synchronizing: "stalled" })).toBe(true);
    actor.send({ type: "retry" });
    await waitFor(actor, (s) => s.status === "done", { timeout: 2000 });
    expect(actor.getSnapshot().output).toMatchObject({ outcome: "failed", error: { code: 2311 } });
  });
});
