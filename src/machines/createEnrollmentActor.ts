import {
  type Actor,
  type ActorOptions,
  type AnyActorRef,
  createActor,
  type InspectionEvent,
  type Snapshot,
} from "xstate";
import { createPims, developmentConfig, type Logger, silentLogger } from "../facade/index.js";
import type { Services } from "../services/ports.js";
import { type EnrollmentClock, systemClock } from "./clock.js";
import { dependenciesBySystem, type EnrollmentDependencies } from "./dependencies.js";
import { enrollmentMachine } from "./enrollment.machine.js";
import { defaultTimers, type EnrollmentInput } from "./types.js";

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

/**
 * Events sent to an actor whose flow has ended are dropped silently. XState's development build would
 * print each one to the console, SMS code included, which the engine's logs never show.
 */
const dropEventsOnceEnded = (actor: AnyActorRef) => {
  // XState binds `send` to its actor (so that `const { send } = actor` works): no second binding needed.
  const { send } = actor;
  actor.send = (event) => {
    if (actor.getSnapshot().status === "active") send(event);
  };
};

/** What an enrollment actor is made of, for code that creates the actor itself (`useActorRef`). */
export interface PreparedEnrollmentActor {
  readonly machine: typeof enrollmentMachine;
  readonly actorOptions: ActorOptions<typeof enrollmentMachine>;
  /** Gives an actor made from `machine` and `actorOptions` its facade and clock; call it before `start()`. */
  bind(actor: AnyActorRef): void;
}

/**
 * `createActor(machine, actorOptions)` then `bind(actor)` gives what `createEnrollmentActor` gives. Each
 * call makes a new facade over `services`, so call it once per actor.
 */
export const prepareEnrollmentActor = ({
  services,
  config = developmentConfig,
  snapshot,
  clock = systemClock,
  inspect,
  logger = silentLogger,
  ...timers
}: CreateEnrollmentActorOptions): PreparedEnrollmentActor => {
  const pims = createPims({
    services,
    timeoutMs: timers.requestTimeoutMs ?? defaultTimers.requestTimeoutMs,
    logger,
  });
  const dependencies: EnrollmentDependencies = { pims, config, clock };
  return {
    machine: enrollmentMachine,
    actorOptions: {
      input: timers,
      clock,
      ...(snapshot === undefined ? {} : { snapshot }),
      ...(inspect === undefined ? {} : { inspect }),
    },
    bind: (actor) => {
      dependenciesBySystem.set(actor.system, dependencies);
      dropEventsOnceEnded(actor);
    },
  };
};

/** The enrollment machine wired to a facade over `services`; not started yet, like `createActor`. */
export const createEnrollmentActor = (options: CreateEnrollmentActorOptions): EnrollmentActor => {
  const prepared = prepareEnrollmentActor(options);
  const actor = createActor(enrollmentMachine, prepared.actorOptions);
  prepared.bind(actor);
  return actor;
};
