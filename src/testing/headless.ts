import type { InspectionEvent, Snapshot } from "xstate";
// From the main entry, so that the bundled builds share its module (the languages the app registered).
import { createEnrollmentActor, type EnrollmentActor, toViewModel } from "../index.js";
import { REFUSED_CONFIG, withHeldCalls } from "./app-faults.js";
import { typedCode } from "./codes.js";
import { openSimulatedRun, type SimulatedRun } from "./simulated-run.js";
import type { Driver, ScenarioAction, ScreenReading } from "./types.js";

/** `createHeadlessDriver`'s options: the messages' language, and an inspector for the actor. */
export interface HeadlessDriverOptions {
  readonly locale?: string;
  readonly inspect?: (event: InspectionEvent) => void;
}

interface Run extends SimulatedRun {
  actor: EnrollmentActor;
}

/**
 * A driver with no UI: the enrollment actor on the scenario's simulated account, read through
 * `toViewModel`, time moved by XState's simulated clock. It offers only what a screen rendered from the
 * view model offers: a resend only when `canResend`, a retry only when `canRetry`, and so on. It does
 * every kind of action: `relaunch` restores a new actor from the old one's persisted snapshot (through
 * JSON), `misconfigure` launches it again with a config `initialize` refuses, `holdNext` holds an answer
 * in the services it gives the actor, `throwNext` makes the actor's facade throw.
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

  /** The app's flow, launched (from a persisted snapshot, when given) on the run's simulator and clock. */
  const launch = (run: Omit<Run, "actor">, snapshot?: Snapshot<unknown>): EnrollmentActor => {
    const actor = createEnrollmentActor({
      services: withHeldCalls(run.simulator.services, run.held),
      clock: run.clock,
      ...run.scenario.timers,
      ...(run.config === undefined ? {} : { config: run.config }),
      ...(snapshot === undefined ? {} : { snapshot }),
      ...(options.inspect ? { inspect: options.inspect } : {}),
    });
    run.facadeFaults.install(actor);
    actor.start();
    return actor;
  };

  const perform = async (action: ScenarioAction) => {
    const run = current();
    const { actor, simulator, clock } = run;
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
        return simulator.failNext(
          action.operation,
          action.code,
          action.after === undefined ? {} : { after: action.after },
        );
      case "holdNext":
        run.held.push(action.operation);
        return;
      case "relaunch": {
        // What an app stores, as it stores it: JSON.
        const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
        actor.stop();
        run.actor = launch(run, persisted);
        return;
      }
      case "misconfigure":
        if (view().step !== "idle")
          throw new Error("the app's config is read when the flow starts: misconfigure before start");
        actor.stop();
        run.config = REFUSED_CONFIG;
        run.actor = launch(run);
        return;
      case "throwNext":
        return run.facadeFaults.arm(action.call, action.after);
    }
  };

  return {
    async open(scenario) {
      const launched = openSimulatedRun(scenario);
      run = { ...launched, actor: launch(launched) };
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
