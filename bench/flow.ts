import { type AnyActor, waitFor } from "xstate";
import type { Simulator } from "../src/simulator";

/** The steps the benchmark waits for; every variant names them as the engine does. */
export type Milestone = "awaitingCode" | "handoff";

/** One enrollment flow, whatever drives it: the engine, a bare XState machine, or a reducer. */
export interface Flow {
  start(): void;
  submit(code: string): void;
  /** Resolves once the flow is at `milestone`; rejects if it ended anywhere else. */
  reach(milestone: Milestone): Promise<void>;
  stop(): void;
}

/** Wraps an XState actor (the engine's or the bare machine's) as a `Flow`. */
export const actorFlow = (actor: AnyActor): Flow => ({
  start: () => {
    actor.start();
    actor.send({ type: "start" });
  },
  submit: (code) => actor.send({ type: "code.submit", code } as { type: string }),
  reach: async (milestone) => {
    await waitFor(actor, (snapshot) => snapshot.matches(milestone));
  },
  stop: () => actor.stop(),
});

/** The code the simulator sent last, as the user reads it from the SMS. */
export const lastCode = (sim: Simulator): string => {
  const sms = sim.outbox.at(-1);
  if (sms === undefined) throw new Error("the simulator sent no SMS");
  return sms.code;
};

/** start → awaitingCode → submit the SMS code → handoff. Throws if the flow ends anywhere else. */
export const runFlow = async (flow: Flow, sim: Simulator): Promise<void> => {
  flow.start();
  await flow.reach("awaitingCode");
  flow.submit(lastCode(sim));
  await flow.reach("handoff");
};
