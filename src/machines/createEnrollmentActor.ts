import {
  Actor,
  type ActorOptions,
  type AnyActorRef,
  createActor,
  type EventObject,
  type InspectionEvent,
  type Snapshot,
} from "xstate";
import { createPims, developmentConfig, type Logger, silentLogger } from "../facade/index.js";
import { checkMethods, checkServices } from "../services/check.js";
import type { Services } from "../services/ports.js";
import { type EnrollmentClock, systemClock } from "./clock.js";
import { dependenciesBySystem, type EnrollmentDependencies } from "./dependencies.js";
import { enrollmentMachine } from "./enrollment.machine.js";
import { checkTimers, defaultTimers } from "./limits.js";
import { ENROLLMENT_SNAPSHOT_VERSION, parseEnrollmentSnapshot } from "./snapshot.js";
import type { EnrollmentInput } from "./types.js";

/** What `createEnrollmentActor` takes: the services, and optionally config, snapshot, clock, inspector, logger and the flow's limits. */
export interface CreateEnrollmentActorOptions extends EnrollmentInput {
  readonly services: Services;
  /** What `initializing` passes to `initialize`; default: a development config with placeholder credentials. */
  readonly config?: unknown;
  /**
   * A persisted snapshot (`actor.getPersistedSnapshot()`) to restore, checked by `parseEnrollmentSnapshot`
   * first; `null` (nothing stored) is none.
   */
  readonly snapshot?: Snapshot<unknown> | null;
  /** XState's clock with `now()`; `new SimulatedClock()` from xstate moves time by hand. */
  readonly clock?: EnrollmentClock;
  readonly inspect?: (event: InspectionEvent) => void;
  readonly logger?: Logger;
}

/** An actor of `enrollmentMachine`, as `createEnrollmentActor` returns it. */
export type EnrollmentActor = Actor<typeof enrollmentMachine>;

const CALLER = "createEnrollmentActor";

// The two methods an enrollment actor has in place of XState's: one function each for every actor, which
// XState's own methods then run. A parked actor keeps no closure of its own for them.

/**
 * Events sent to an actor whose flow has ended are dropped silently. XState's development build would
 * print each one to the console, SMS code included, which the engine's logs never show.
 */
function sendWhileActive(this: AnyActorRef, event: EventObject) {
  if (this.getSnapshot().status === "active") Actor.prototype.send.call(this, event);
}

/** The actor's persisted snapshots carry their format's version, which `parseEnrollmentSnapshot` checks. */
function persistWithVersion(this: AnyActorRef, ...args: unknown[]) {
  return {
    version: ENROLLMENT_SNAPSHOT_VERSION,
    ...(Actor.prototype.getPersistedSnapshot as (...args: unknown[]) => Snapshot<unknown>).apply(this, args),
  };
}

/** What an enrollment actor is made of, for code that creates the actor itself (`useActorRef`). */
export interface PreparedEnrollmentActor {
  readonly machine: typeof enrollmentMachine;
  readonly actorOptions: ActorOptions<typeof enrollmentMachine>;
  /**
   * Gives an actor made from `machine` and `actorOptions` its facade and clock; call it before `start()`.
   * Calling it again for the same actor changes nothing.
   */
  bind(actor: AnyActorRef): void;
}

const CLOCK_METHODS: readonly (keyof EnrollmentClock)[] = ["now", "setTimeout", "clearTimeout"];

const checkClock = (clock: unknown): EnrollmentClock => {
  checkMethods(CALLER, "clock", clock, CLOCK_METHODS);
  return clock as EnrollmentClock;
};

/**
 * `createActor(machine, actorOptions)` then `bind(actor)` gives what `createEnrollmentActor` gives. Each
 * call makes a new facade over `services`, so call it once per actor. Throws what `createEnrollmentActor`
 * throws.
 */
export const prepareEnrollmentActor = (options: CreateEnrollmentActorOptions): PreparedEnrollmentActor => {
  if (typeof options !== "object" || options === null) throw new TypeError(`${CALLER}: options are required`);
  const { config = developmentConfig, inspect, logger = silentLogger } = options;
  const services = checkServices(CALLER, options.services);
  const timers = checkTimers(CALLER, options);
  const clock = checkClock(options.clock ?? systemClock);
  const snapshot =
    options.snapshot === undefined || options.snapshot === null
      ? undefined
      : parseEnrollmentSnapshot(options.snapshot);
  const pims = createPims({
    services,
    timeoutMs: timers.requestTimeoutMs ?? defaultTimers.requestTimeoutMs,
    logger,
  });
  const dependencies: EnrollmentDependencies = {
    pims,
    config,
    clock,
    token: services.token,
    initialized: false,
    heldCode: undefined,
    callInFlight: undefined,
  };
  return {
    machine: enrollmentMachine,
    actorOptions: {
      input: timers,
      clock,
      ...(snapshot === undefined ? {} : { snapshot }),
      ...(inspect === undefined ? {} : { inspect }),
    },
    bind: (actor) => {
      // An actor is wired once, however often `bind` is called: its system has its dependencies.
      if (dependenciesBySystem.has(actor.system)) return;
      dependenciesBySystem.set(actor.system, dependencies);
      // Bound, as XState binds its own `send`, so that `const { send } = actor` works.
      actor.send = sendWhileActive.bind(actor);
      actor.getPersistedSnapshot = persistWithVersion;
    },
  };
};

/**
 * The enrollment machine wired to a facade over `services`; not started yet, like `createActor`. Throws
 * at once for options it cannot run with: a `TypeError` for `services` without a transport or a port
 * missing a method, or an option of the wrong type; a `RangeError` naming a limit out of its bounds; an
 * `EnrollmentSnapshotError` for a snapshot that cannot be restored.
 */
export const createEnrollmentActor = (options: CreateEnrollmentActorOptions): EnrollmentActor => {
  const prepared = prepareEnrollmentActor(options);
  const actor = createActor(enrollmentMachine, prepared.actorOptions);
  prepared.bind(actor);
  return actor;
};
