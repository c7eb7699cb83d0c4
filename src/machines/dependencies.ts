import type { ActorSystem } from "xstate";
import type { Pims } from "../facade/index.js";
import type { EnrollmentClock } from "./clock.js";

/** What one enrollment actor's actors reach: its facade, the config to initialise it with, its clock. */
export interface EnrollmentDependencies {
  readonly pims: Pims;
  /** What `initialize` receives. */
  readonly config: unknown;
  readonly clock: EnrollmentClock;
  /** Whether the facade is initialised; a restored actor has a new facade. */
  initialized?: boolean;
}

/**
 * Each actor's dependencies, by its actor system. One machine serves every actor (a provided machine
 * per actor would rebuild the whole state tree each time), and nothing of this enters a snapshot.
 */
// biome-ignore lint/suspicious/noExplicitAny: any actor system, as XState types it
type AnySystem = ActorSystem<any>;

export const dependenciesBySystem = new WeakMap<AnySystem, EnrollmentDependencies>();
