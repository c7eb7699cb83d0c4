import { type SimulatedClock, type Snapshot, waitFor } from "xstate";
import { createEnrollmentActor, type EnrollmentActor, type EnrollmentInput, toViewModel } from "../../src";
import { createSimulator, type Simulator, type SimulatorOptions } from "../../src/simulator";
import { clockAtT0 } from "./fixtures";

export interface Flow {
  readonly sim: Simulator;
  readonly clock: SimulatedClock;
  actor: EnrollmentActor;
  /** The view model now, on the flow's clock. */
  view(): ReturnType<typeof toViewModel>;
  /** Waits until the actor shows `value` (a state value matcher), then returns its snapshot. */
  until(
    value: Parameters<ReturnType<EnrollmentActor["getSnapshot"]>["matches"]>[0],
  ): Promise<ReturnType<EnrollmentActor["getSnapshot"]>>;
  lastCode(): string;
  /** Persists the actor as JSON, stops it, and restores a new one from that JSON. */
  restore(): Snapshot<unknown>;
}

/** An enrollment actor on a simulator, both on one simulated clock. */
export const startFlow = (options: { sim?: SimulatorOptions; timers?: EnrollmentInput } = {}): Flow => {
  const clock = clockAtT0();
  const sim = createSimulator({ seed: 5, now: () => clock.now(), ...options.sim });
  const spawn = (snapshot?: Snapshot<unknown>) => {
    const actor = createEnrollmentActor({
      services: sim.services,
      clock,
      ...options.timers,
      ...(snapshot ? { snapshot } : {}),
    });
    actor.start();
    return actor;
  };
  const flow: Flow = {
    sim,
    clock,
    actor: spawn(),
    view: () => toViewModel(flow.actor.getSnapshot(), { now: clock.now() }),
    until: (value) => waitFor(flow.actor, (s) => s.matches(value), { timeout: 2000 }),
    lastCode: () => sim.outbox.at(-1)?.code ?? "",
    restore() {
      const persisted = JSON.parse(JSON.stringify(flow.actor.getPersistedSnapshot()));
      flow.actor.stop();
      flow.actor = spawn(persisted);
      return persisted;
    },
  };
  return flow;
};

export const wrongCode = (code: string) => code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));

export const callsOf = (sim: Simulator, operation: string) =>
  sim.calls.filter((c) => c.operation === operation).length;
