import type { ActorOptions, AnyActorLogic } from "xstate";
import { createPims, developmentConfig } from "../facade";
import { createEnrollmentActors } from "./actors";
import { systemClock } from "./clock";
import type { CreateEnrollmentActorOptions } from "./createEnrollmentActor";
import { enrollmentMachine } from "./enrollment.machine";
import { defaultTimers } from "./types";

/** The machine with its actors bound to one facade, and the options `createActor` takes with it. */
export interface ProvidedEnrollmentMachine {
  readonly machine: typeof enrollmentMachine;
  readonly actorOptions: ActorOptions<typeof enrollmentMachine>;
}

/**
 * What `createEnrollmentActor(options)` is made of, for code that creates the actor itself (a UI
 * binding such as `@xstate/react`'s `useActorRef`): `createActor(machine, actorOptions)` gives the same
 * actor. Each call makes a new facade, so call it once per actor.
 */
export const provideEnrollmentMachine = ({
  services,
  config = developmentConfig,
  snapshot,
  clock = systemClock,
  inspect,
  logger,
  ...timers
}: CreateEnrollmentActorOptions): ProvidedEnrollmentMachine => {
  const pims = createPims({
    services,
    timeoutMs: timers.requestTimeoutMs ?? defaultTimers.requestTimeoutMs,
    ...(logger ? { logger } : {}),
  });
  const actors = createEnrollmentActors({ pims, config, clock });
  const machine = enrollmentMachine.provide({ actors }) as AnyActorLogic as typeof enrollmentMachine;
  return {
    machine,
    actorOptions: {
      input: timers,
      clock,
      ...(snapshot ? { snapshot } : {}),
      ...(inspect ? { inspect } : {}),
    },
  };
};
