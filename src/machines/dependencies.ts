import type { ActorSystem, AnyActorRef } from "xstate";
import type { Pims } from "../facade/index.js";
import type { InweboToken } from "../services/ports.js";
import type { EnrollmentClock } from "./clock.js";
import type { Secret } from "./secret.js";

/** What one enrollment actor's actors reach: its facade, the config to initialise it with, its clock. */
export interface EnrollmentDependencies {
  readonly pims: Pims;
  /** What `initialize` receives. */
  readonly config: unknown;
  readonly clock: EnrollmentClock;
  /** The device's token, asked whether it is configured before an SMS is requested. */
  readonly token: InweboToken | undefined;
  /** Whether the facade is initialised; a restored actor has a new facade. */
  initialized: boolean;
  /**
   * The code the user submitted, while it is being validated: kept here, in memory, so that a retry sends
   * it again, and never in context, an actor's input or a persisted snapshot.
   */
  heldCode: Secret | undefined;
  /**
   * The facade call a child of this actor made, until it answers. The machine runs one call at a time (it
   * has no parallel states): a child restarted with its state kept finds its own call here.
   */
  callInFlight: { readonly child: AnyActorRef; readonly reply: Promise<unknown> } | undefined;
}

/**
 * Each actor's dependencies, by its actor system. One machine serves every actor (a provided machine
 * per actor would rebuild the whole state tree each time), and nothing of this enters a snapshot.
 */
// biome-ignore lint/suspicious/noExplicitAny: any actor system, as XState types it
export type AnySystem = ActorSystem<any>;

export const dependenciesBySystem = new WeakMap<AnySystem, EnrollmentDependencies>();
