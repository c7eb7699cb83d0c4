import { SimulatedClock } from "xstate";
import type { Operation } from "../errors/index.js";
import { createSimulator, type Simulator } from "../services/simulator/index.js";
import { createFacadeFaults, type FacadeFaults } from "./app-faults.js";
import type { Scenario } from "./types.js";

/** Where a driver's simulated clock starts. */
const START = Date.UTC(2026, 0, 5, 9, 0, 0);

/** What a driver that owns its simulator keeps for one scenario, whatever renders the flow. */
export interface SimulatedRun {
  readonly scenario: Scenario;
  readonly simulator: Simulator;
  readonly clock: SimulatedClock;
  /** The operations whose next call the network holds. */
  readonly held: Operation[];
  readonly facadeFaults: FacadeFaults;
  /** The app's config: the development one, or after `misconfigure` one `initialize` refuses. */
  config: unknown;
}

/** A scenario's simulated account on XState's simulated clock, nothing held, nothing armed, the default config. */
export const openSimulatedRun = (scenario: Scenario): SimulatedRun => {
  const clock = new SimulatedClock();
  clock.set(START);
  return {
    scenario,
    simulator: createSimulator({ ...scenario.account, now: () => clock.now() }),
    clock,
    held: [],
    facadeFaults: createFacadeFaults(),
    config: undefined,
  };
};
