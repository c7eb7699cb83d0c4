import { type AnySystem, dependenciesBySystem } from "./dependencies.js";
import { secret } from "./secret.js";
import type { EnrollmentEvent } from "./types.js";

// The code a user submitted lives in the actor's dependencies while it is validated, outside the
// snapshot: a retry after a failure that spent nothing (offline, a timeout) sends the same code again, and
// a restored actor, which has new dependencies, knows that the code is gone.

type ActionArgs = { event: EnrollmentEvent; system: AnySystem };

/** Keeps the submitted code for the validation and its retries. */
export const holdCode = ({ event, system }: ActionArgs): void => {
  const dependencies = dependenciesBySystem.get(system);
  if (dependencies && event.type === "code.submit") dependencies.heldCode = secret(event.code);
};

/** The validation is over: the code is dropped. */
export const forgetCode = ({ system }: ActionArgs): void => {
  const dependencies = dependenciesBySystem.get(system);
  if (dependencies) dependencies.heldCode = undefined;
};

/** The code held for this actor's validation, if there is one. */
export const heldCodeOf = (system: AnySystem): string | undefined =>
  dependenciesBySystem.get(system)?.heldCode?.reveal();
