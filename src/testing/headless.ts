import { type InspectionEvent, SimulatedClock } from "xstate";
import { createEnrollmentActor, type EnrollmentActor } from "../machines/createEnrollmentActor.js";
import { createSimulator, type Simulator } from "../services/simulator/index.js";
import { toViewModel } from "../view/toViewModel.js";
import { typedCode } from "./codes.js";
import type { Driver, ScenarioAction, ScreenReading } from "./types.js";

/** `createHeadlessDriver`'s options: the messages' language, and an inspector for the actor. */
export interface HeadlessDriverOptions {
  readonly locale?: string;
  readonly inspect?: (event: InspectionEvent) => void;
}

/** Where the driver's clock starts. */
const START = Date.UTC(2026, 0, 5, 9, 0, 0);

interface Run {
  readonly actor: EnrollmentActor;
  readonly simulator: Simulator;
  readonly clock: SimulatedClock;
}

/**
 * A driver with no UI: the enrollment actor on the scenario's simulated account, read through
 * `toViewModel`, time moved by XState's simulated clock. It offers only what a screen rendered from the
 * view model offers: a resend only when `canResend`, a retry only when `canRetry`, and so on.
 */
export const createHeadlessDriver = (options: HeadlessDriverOptions = {}): Driver => {
  let run: Run | undefined;
  const current = (): Run => {
    if (!run) throw new Error("the headless driver is not open");
    return run;
  };
  const view = () => {
    const { actor, clock } = current();
    return toViewModel(actor.getSnapshot(), {
      now: clock.now(),
      ...(options.locale === undefined ? {} : { locale: options.locale }),
    });
  };
  const offered = (what: string, ok: boolean) => {
    if (!ok) throw new Error(`the screen offers no ${what} (step ${view().step}, phase ${view().phase})`);
  };

  const perform = async (action: ScenarioAction) => {
    const { actor, simulator, clock } = current();
    switch (action.type) {
      case "start":
        offered("start", view().step === "idle");
        return actor.send({ type: "start" });
      case "typeCode":
        offered("code entry", view().canSubmit);
        return actor.send({
          type: "code.submit",
          code: typedCode(action.code, simulator.outbox.at(-1)?.code ?? null),
        });
      case "resend":
        offered("resend", view().canResend);
        return actor.send({ type: "code.resend" });
      case "retry":
        offered("retry", view().canRetry);
        return actor.send({ type: "retry" });
      case "cancel":
        offered("cancel", !view().done && view().step !== "idle");
        return actor.send({ type: "cancel" });
      case "goOffline":
        simulator.setOffline(true);
        return actor.send({ type: "network.offline" });
      case "goOnline":
        simulator.setOffline(false);
        return actor.send({ type: "network.online" });
      case "wait":
        return clock.increment(action.ms);
      case "failNext":
        return simulator.failNext(action.operation, action.code);
    }
  };

  return {
    async open(scenario) {
      const clock = new SimulatedClock();
      clock.set(START);
      const simulator = createSimulator({ ...scenario.account, now: () => clock.now() });
      const actor = createEnrollmentActor({
        services: simulator.services,
        clock,
        ...scenario.timers,
        ...(options.inspect ? { inspect: options.inspect } : {}),
      });
      actor.start();
      run = { actor, simulator, clock };
    },
    perform,
    async read(): Promise<ScreenReading> {
      const { step, phase, error, canSubmit, attemptsLeft } = view();
      return { step, phase, errorCode: error?.code ?? null, attemptsLeft: canSubmit ? attemptsLeft : null };
    },
    async close() {
      run?.actor.stop();
      run = undefined;
    },
  };
};
