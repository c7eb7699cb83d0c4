import { describe, expect, it, vi } from "vitest";
import { createActor } from "xstate";
import { enrollmentMachine, parseEnrollmentSnapshot } from "../../src";
import { heldCodeOf } from "../../src/machines/heldCode";
import { callsOf, startFlow, wrongCode } from "../support/flow";
import { callArrived, fakeTimeouts } from "../support/timing";

describe("a persisted enrollment", () => {
  it("is plain data without the typed code, even while that code is being checked or waits to be checked again", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    const code = flow.lastCode();
    flow.sim.setLatency(40);
    flow.actor.send({ type: "code.submit", code });
    expect(flow.actor.getSnapshot().matches("validatingCode")).toBe(true);
    const inFlight = flow.actor.getPersistedSnapshot();
    flow.sim.setOffline(true);
    await flow.until({ validatingCode: "offline" });
    for (const persisted of [inFlight, flow.actor.getPersistedSnapshot()]) {
      const json = JSON.stringify(persisted);
      // structuredClone (IndexedDB, postMessage) takes it, as JSON does: no live object in it.
      expect(structuredClone(persisted)).toEqual(JSON.parse(json));
      expect(json).not.toContain(code);
      expect(json).not.toContain("demo-secret");
    }
  });

  it("restored mid-check, asks for the code to be typed again instead of sending one it does not have", async () => {
    fakeTimeouts();
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.sim.setLatency(40);
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await callArrived(flow.sim, "smscode.set");
    flow.restore();
    await flow.until({ awaitingCode: "retype" });
    // The stopped actor's check runs out its latency: the restored flow sends no check of its own.
    await vi.advanceTimersByTimeAsync(40);
    expect(callsOf(flow.sim, "smscode.set")).toBe(1);
    flow.sim.setLatency(0);
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await flow.until("handoff");
  });

  it("restores in each waiting state and the flow still finishes", async () => {
    const waits = [
      { name: "awaitingCode", at: "awaitingCode" },
      { name: "a rejected code", at: { awaitingCode: "rejected" } },
      { name: "a stalled request", at: { requestingCode: "stalled" } },
    ] as const;
    for (const wait of waits) {
      const flow = startFlow();
      if (wait.name === "a stalled request") flow.sim.failNext("smscode.get", 2204);
      flow.actor.send({ type: "start" });
      await flow.until(wait.name === "a rejected code" ? "awaitingCode" : wait.at);
      if (wait.name === "a rejected code") {
        flow.actor.send({ type: "code.submit", code: "12a4" });
        await flow.until(wait.at);
      }
      flow.restore();
      expect(flow.actor.getSnapshot().matches(wait.at)).toBe(true);
      if (wait.name === "a stalled request") {
        flow.clock.increment(30_000);
        flow.actor.send({ type: "retry" });
      }
      await flow.until("awaitingCode");
      flow.actor.send({ type: "code.submit", code: flow.lastCode() });
      await flow.until("handoff");
    }
  });
});

describe("the code a user typed, held in memory while it is checked", () => {
  it("is dropped once its check is over: refused, or accepted", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.actor.send({ type: "code.submit", code: wrongCode(flow.lastCode()) });
    await flow.until({ awaitingCode: "rejected" });
    expect(heldCodeOf(flow.actor.system)).toBeUndefined();
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await flow.until("handoff");
    expect(heldCodeOf(flow.actor.system)).toBeUndefined();
  });

  it("is gone from an actor an app restores with createActor itself: a waiting check asks for it again", async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.sim.setOffline(true);
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await flow.until({ validatingCode: "offline" });
    const persisted = JSON.parse(JSON.stringify(flow.actor.getPersistedSnapshot()));
    flow.actor.stop();
    const actor = createActor(enrollmentMachine, { snapshot: parseEnrollmentSnapshot(persisted) }).start();
    expect(actor.getSnapshot().value).toEqual({ awaitingCode: "retype" });
    actor.stop();
  });
});

describe("an enrollment that has ended", () => {
  it("drops later events without printing them, so a late code never reaches the console", async () => {
    const printed: unknown[] = [];
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args) => printed.push(args)),
    );
    try {
      const flow = startFlow();
      flow.actor.send({ type: "start" });
      await flow.until("awaitingCode");
      const code = flow.lastCode();
      flow.actor.send({ type: "code.submit", code });
      await flow.until("handoff");
      flow.actor.send({ type: "code.submit", code });
      flow.actor.stop();
      flow.actor.send({ type: "code.submit", code });
      expect(printed).toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
