import { createEnrollmentActor } from "../src/index";
import type { Simulator } from "../src/simulator";
import { createBareFlow, createBareFlowProvided } from "./bare-machine";
import { actorFlow, type Flow } from "./flow";
import { createReducerFlow } from "./reducer";

/** The ways the bench drives the same enrollment flow. */
export const variants = {
  engine: (sim: Simulator): Flow => actorFlow(createEnrollmentActor({ services: sim.services })),
  bareXstate: (sim: Simulator): Flow => createBareFlow(sim.services),
  bareXstateProvided: (sim: Simulator): Flow => createBareFlowProvided(sim.services),
  reducer: (sim: Simulator): Flow => createReducerFlow(sim.services),
};

export type Variant = keyof typeof variants;

export const variantNames = Object.keys(variants) as Variant[];

export const isVariant = (name: string): name is Variant => name in variants;
