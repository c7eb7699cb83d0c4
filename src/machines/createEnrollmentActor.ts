import { type Actor, type AnyActorLogic, createActor, type InspectionEvent, type Snapshot } from "xstate";
import { createPims, developmentConfig, type Logger } from "../facade";
import type { Services } from "../services/ports";
import { createEnrollmentActors } from "./actors";
import { type EnrollmentClock, systemClock } from "./clock";
import { enrollmentMachine } from "./enrollment.machine";
import { defaultTimers, type EnrollmentInput } from "./types";

/** What `createEnrollmentActor` takes: the services, and optionally config, snapshot, clock, inspector, logger and the flow's limits. */
export interface CreateEnrollmentActorOptions extends EnrollmentInput {
  readonly services: Services;
  /** What `initializing` passes to `initialize`; default: a development config with placeholder credentials. */
  readonly config?: unknown;
  /** A persisted snapshot (`actor.getPersistedSnapshot()`) to restore. */
  readonly snapshot?: Snapshot<unknown>;
  /** XState's clock with `now()`; `new SimulatedClock()` from xstate moves time by hand. */
  readonly clock?: EnrollmentClock;
  readonly inspect?: (event: InspectionEvent) => void;
  readonly logger?: Logger;
}

/** An actor of `enrollmentMachine`, as `createEnrollmentActor` returns it. */
export type EnrollmentActor = Actor<typeof enrollmentMachine>;

/** The enrollment machine wired to a facade over `services`; not started yet, like `createActor`. */
export const createEnrollmentActor = ({
  services,
  config = developmentConfig,
  snapshot,
  clock = systemClock,
  inspect,
  logger,
  ...timers
}: CreateEnrollmentActorOptions): EnrollmentActor => {
  const pims = createPims({
    services,
    timeoutMs: timers.requestTimeoutMs ?? defaultTimers.requestTimeoutMs,
    ...(logger ? { logger } : {}),
  });
  const machine = enrollmentMachine.provide({ actors: createEnrollmentActors({ pims, config, clock }) });
  return createActor(machine as AnyActorLogic as typeof enrollmentMachine, {
    input: timers,
    clock,
    ...(snapshot ? { snapshot } : {}),
    ...(inspect ? { inspect } : {}),
  });
};
