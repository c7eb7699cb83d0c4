import type { ReactElement } from "react";
import type { AnyActorRef, InspectionEvent, Snapshot } from "xstate";
import type { EnrollmentClock } from "../machines/clock.js";
import type { EnrollmentLimits } from "../machines/types.js";
import type { Services } from "../services/ports.js";
import { REFUSED_CONFIG, withHeldCalls } from "./app-faults.js";
import { typedCode } from "./codes.js";
import { readScreen, selectors, shownElement } from "./dom.js";
import { openSimulatedRun, type SimulatedRun } from "./simulated-run.js";
import type { Driver, ScenarioAction } from "./types.js";

/**
 * What the component under test runs on: the driver's simulated services, the scenario's limits, its
 * clock; and, for the scenarios that relaunch the app, misconfigure it or make the engine throw, the
 * config, the snapshot to restore and the inspector. Pass them all to `useEnrollment`:
 * `({ timers, ...options }) => useEnrollment({ ...options, ...timers })`.
 */
export interface TestingLibrarySetup {
  readonly services: Services;
  readonly timers: Partial<EnrollmentLimits>;
  /** XState's simulated clock: `wait` moves it. Pass it to `useEnrollment({ clock })`. */
  readonly clock: EnrollmentClock;
  /** The app's config, after `misconfigure` one `initialize` refuses; `undefined`: the default. */
  readonly config?: unknown;
  /** After `relaunch`, the snapshot the flow persisted, to restore (`useEnrollment({ snapshot })`). */
  readonly snapshot?: Snapshot<unknown>;
  /** How the driver finds the flow's actor, to persist it (`relaunch`) and to reach its facade (`throwNext`). */
  readonly inspect: (event: InspectionEvent) => void;
}

/** `createTestingLibraryDriver`'s options. */
export interface TestingLibraryDriverOptions {
  /**
   * The element under test, on the driver's setup. It follows the documented data attributes and hears
   * the network change as the window's `online` and `offline` events (as an app should).
   */
  readonly render: (setup: TestingLibrarySetup) => ReactElement;
}

type Library = typeof import("@testing-library/react");

interface Run extends SimulatedRun {
  readonly library: Library;
  container: HTMLElement;
  unmount: () => void;
  /** The flow's actor, as the inspector last saw it start. */
  actor: AnyActorRef | undefined;
}

/** Lets the simulator's answers and React's renders through, inside `act`. */
const settle = (library: Library) =>
  library.act(async () => {
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setTimeout(resolve, 0));
  });

/**
 * A driver for React components with Testing Library (`@testing-library/react`, in a DOM such as jsdom or
 * happy-dom): it renders the element on a simulator of the scenario's account, clicks and types through
 * the documented data attributes, and moves XState's simulated clock for `wait`.
 */
export const createTestingLibraryDriver = (options: TestingLibraryDriverOptions): Driver => {
  let run: Run | undefined;
  const current = (): Run => {
    if (!run) throw new Error("the Testing Library driver is not open");
    return run;
  };

  const click = (name: string) => {
    const { library, container } = current();
    const element = shownElement(container, selectors.action(name));
    if ((element as HTMLButtonElement).disabled) throw new Error(`${selectors.action(name)} is disabled`);
    library.fireEvent.click(element);
  };

  /** Renders the element under test: a launch of the app (from a persisted snapshot, when given). */
  const launch = (run: Run, snapshot?: Snapshot<unknown>) => {
    const element = options.render({
      services: withHeldCalls(run.simulator.services, run.held),
      timers: run.scenario.timers ?? {},
      clock: run.clock,
      ...(run.config === undefined ? {} : { config: run.config }),
      ...(snapshot === undefined ? {} : { snapshot }),
      inspect: (event) => {
        if (event.type === "@xstate.actor" && event.actorRef.sessionId === event.rootId)
          run.actor = event.actorRef as AnyActorRef;
      },
    });
    const { container, unmount } = run.library.render(element);
    run.container = container;
    run.unmount = unmount;
  };

  /** The app killed (unmounted) and launched again, as `launch` does. */
  const relaunch = async (run: Run, snapshot?: Snapshot<unknown>) => {
    run.library.act(() => run.unmount());
    run.actor = undefined;
    launch(run, snapshot);
  };

  const flowActor = (run: Run, what: string): AnyActorRef => {
    if (!run.actor)
      throw new Error(`${what}: the element under test passes no setup.inspect to useEnrollment`);
    return run.actor;
  };

  const perform = async (action: ScenarioAction): Promise<void> => {
    const run = current();
    const { library, container, simulator, clock } = run;
    switch (action.type) {
      case "start":
      case "resend":
      case "retry":
      case "cancel":
        click(action.type);
        break;
      case "typeCode": {
        const field = shownElement(container, selectors.codeField);
        const value = typedCode(action.code, simulator.outbox.at(-1)?.code ?? null);
        library.fireEvent.change(field, { target: { value } });
        click("submit");
        break;
      }
      case "goOffline":
      case "goOnline": {
        const offline = action.type === "goOffline";
        simulator.setOffline(offline);
        library.act(() => {
          window.dispatchEvent(new Event(offline ? "offline" : "online"));
        });
        break;
      }
      case "wait":
        library.act(() => clock.increment(action.ms));
        break;
      case "failNext":
        simulator.failNext(
          action.operation,
          action.code,
          action.after === undefined ? {} : { after: action.after },
        );
        break;
      case "holdNext":
        run.held.push(action.operation);
        break;
      case "relaunch": {
        // What an app stores, as it stores it: JSON.
        const persisted = JSON.parse(JSON.stringify(flowActor(run, "relaunch").getPersistedSnapshot()));
        await relaunch(run, persisted);
        break;
      }
      case "misconfigure":
        if (readScreen(container).step !== "idle")
          throw new Error("the app's config is read when the flow starts: misconfigure before start");
        run.config = REFUSED_CONFIG;
        await relaunch(run);
        break;
      case "throwNext":
        run.facadeFaults.install(flowActor(run, "throwNext"));
        run.facadeFaults.arm(action.call, action.after);
        break;
    }
    await settle(library);
  };

  return {
    async open(scenario) {
      const library = await import("@testing-library/react");
      const opened: Run = {
        ...openSimulatedRun(scenario),
        library,
        container: document.createElement("div"),
        unmount: () => undefined,
        actor: undefined,
      };
      launch(opened);
      run = opened;
      await settle(library);
    },
    perform,
    async read() {
      return readScreen(current().container);
    },
    async close() {
      run?.unmount();
      run = undefined;
    },
  };
};
