import { describe, expect, it } from "vitest";
import { createActor, waitFor } from "xstate";
import { provideEnrollmentMachine } from "../../src/machines";
import { createSimulator } from "../../src/simulator";

describe("provideEnrollmentMachine", () => {
  it("gives the machine and actor options with which createActor runs the whole flow, as createEnrollmentActor does", async () => {
    const simulator = createSimulator({ seed: 7 });
    const { machine, actorOptions } = provideEnrollmentMachine({
      services: simulator.services,
      resendCooldownMs: 2_000,
    });
    const actor = createActor(machine, actorOptions).start();
    actor.send({ type: "start" });
    const awaiting = await waitFor(actor, (s) => s.matches("awaitingCode"));
    expect(awaiting.context.timers.resendCooldownMs).toBe(2_000);
    expect(awaiting.context.phoneNumber).toBe("0612345678");

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
    const first = provideEnrollmentMachine({ services: simulator.services });
    const actor = createActor(first.machine, first.actorOptions).start();
    actor.send({ type: "start" });
    await waitFor(actor, (s) => s.matches("awaitingCode"));
    const persisted = actor.getPersistedSnapshot();
    actor.stop();

    const second = provideEnrollmentMachine({ services: simulator.services, snapshot: persisted });
    const restored = createActor(second.machine, second.actorOptions).start();
    expect(restored.getSnapshot().value).toEqual({ awaitingCode: "editing" });
    restored.send({ type: "code.submit", code: simulator.outbox.at(-1)?.code ?? "" });
    const done = await waitFor(restored, (s) => s.status === "done");
    expect(done.output).toMatchObject({ outcome: "handoff", status: "NotEnrolled" });
    expect(simulator.outbox).toHaveLength(1);
  });
});
