import type { ReactElement } from "react";
import { SimulatedClock } from "xstate";
import type { EnrollmentClock } from "../machines/clock.js";
import type { EnrollmentLimits } from "../machines/types.js";
import type { Services } from "../services/ports.js";
import { createSimulator, type Simulator } from "../services/simulator/index.js";
import { typedCode } from "./codes.js";
import { readScreen, selectors, shownElement } from "./dom.js";
import type { Driver, ScenarioAction } from "./types.js";

/** What the component under test runs on: the driver's simulated services, the scenario's limits, its clock. */
export interface TestingLibrarySetup {
  readonly services: Services;
  readonly timers: Partial<EnrollmentLimits>;
  /** XState's simulated clock: `wait` moves it. Pass it to `useEnrollment({ clock })`. */
  readonly clock: EnrollmentClock;
}

/** `createTestingLibraryDriver`'s options. */
export interface TestingLibraryDriverOptions {
  /**
   * The element under test, on the driver's setup. It follows the documented data attributes and hears
   * the network change as the window's `online` and `offline` events (as an app should).
   */
  readonly render: (setup: TestingLibrarySetup) => ReactElement;
}

/** Where the driver's clock starts. */
const START = Date.UTC(2026, 0, 5, 9, 0, 0);

type Library = typeof import("@testing-library/react");

interface Run {
  readonly library: Library;
  readonly container: HTMLElement;
  readonly unmount: () => void;
  readonly simulator: Simulator;
  readonly clock: SimulatedClock;
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

  const perform = async (action: ScenarioAction): Promise<void> => {
    const { library, container, simulator, clock } = current();
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
        simulator.failNext(action.operation, action.code);
        break;
    }
    await settle(library);
  };

  return {
    async open(scenario) {
      const library = await import("@testing-library/react");
      const clock = new SimulatedClock();
      clock.set(START);
      const simulator = createSimulator({ ...scenario.account, now: () => clock.now() });
      const element = options.render({ services: simulator.services, timers: scenario.timers ?? {}, clock });
      const { container, unmount } = library.render(element);
      run = { library, container, unmount, simulator, clock };
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
