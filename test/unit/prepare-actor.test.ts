import { describe, expect, it, vi } from "vitest";
import { createActor, waitFor } from "xstate";
import { createEnrollmentActor, enrollmentMachine, prepareEnrollmentActor } from "../../src/machines";
import { createSimulator } from "../../src/simulator";
import { PHONE } from "../support/fixtures";

describe("prepareEnrollmentActor", () => {
  it("gives the machine, actor options and binding with which createActor runs the whole flow, as createEnrollmentActor does", async () => {
    const simulator = createSimulator({ seed: 7 });
    const { machine, actorOptions, bind } = prepareEnrollmentActor({
      services: simulator.services,
      resendCooldownMs: 2_000,
    });
    const actor = createActor(machine, actorOptions);
    bind(actor);
    actor.start();
    actor.send({ type: "start" });
    const awaiting = await waitFor(actor, (s) => s.matches("awaitingCode"));
    expect(awaiting.context.timers.resendCooldownMs).toBe(2_000);
    expect(awaiting.context.phoneNumber).toBe(PHONE);

    actor.send({ type: "code.submit", code: simulator.outbox.at(-1)?.code ?? "" });
    const done = await waitFor(actor, (s) => s.status === "done");
    expect(done.output).toEqual({
      outcome: "handoff",
      status: "NotEnrolled",
      next: { api: "pims.authentication.enrollment", action: "enroll", pin: "new" },
    });
  });

  it("passes a persisted snapshot on, so that the actor it makes resumes where the flow was", async () => {
    const simulator = createSimulator();
    const first = prepareEnrollmentActor({ services: simulator.services });
    const actor = createActor(first.machine, first.actorOptions);
    first.bind(actor);
    actor.start();
    actor.send({ type: "start" });
    await waitFor(actor, (s) => s.matches("awaitingCode"));
    const persisted = actor.getPersistedSnapshot();
    actor.stop();

    const second = prepareEnrollmentActor({ services: simulator.services, snapshot: persisted });
    const restored = createActor(second.machine, second.actorOptions);
    second.bind(restored);
    restored.start();
    expect(restored.getSnapshot().value).toEqual({ awaitingCode: "editing" });
    restored.send({ type: "code.submit", code: simulator.outbox.at(-1)?.code ?? "" });
    const done = await waitFor(restored, (s) => s.status === "done");
    expect(done.output).toMatchObject({ outcome: "handoff", status: "NotEnrolled" });
    expect(simulator.outbox).toHaveLength(1);
  });

  it("lets a machine run without services end in failed with 2006 instead of throwing", async () => {
    const actor = createActor(enrollmentMachine).start();
    actor.send({ type: "start" });
    const done = await waitFor(actor, (s) => s.status === "done");
    expect(done.output).toEqual({
      outcome: "failed",
      error: { code: 2006, label: "Core not well configured" },
    });
  });

  it("gives each actor its own facade and clock, though all share one machine", async () => {
    const a = createSimulator({ seed: 1 });
    const b = createSimulator({ seed: 2 });
    const first = createEnrollmentActor({ services: a.services }).start();
    const second = createEnrollmentActor({ services: b.services }).start();
    first.send({ type: "start" });
    second.send({ type: "start" });
    await waitFor(first, (s) => s.matches("awaitingCode"));
    await waitFor(second, (s) => s.matches("awaitingCode"));
    expect(a.outbox).toHaveLength(1);
    expect(b.outbox).toHaveLength(1);
    second.send({ type: "code.submit", code: b.outbox.at(-1)?.code ?? "" });
    await waitFor(second, (s) => s.status === "done");
    expect(a.calls.filter((c) => c.operation === "smscode.set")).toHaveLength(0);
  });
});

describe("an enrollment actor's send", () => {
  it("works detached from the actor, and drops what is sent once the flow has ended without a console line", async () => {
    const simulator = createSimulator({ seed: 3 });
    const actor = createEnrollmentActor({ services: simulator.services }).start();
    const { send } = actor;
    send({ type: "start" });
    await waitFor(actor, (s) => s.matches("awaitingCode"));
    const code = simulator.outbox.at(-1)?.code ?? "";
    send({ type: "code.submit", code });
    await waitFor(actor, (s) => s.status === "done");

    const printed: unknown[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation((...args) => printed.push(args));
    try {
      send({ type: "code.submit", code });
    } finally {
      warn.mockRestore();
    }
    expect(printed).toEqual([]);
    expect(actor.getSnapshot().output).toMatchObject({ outcome: "handoff" });
  });
});
