import type { EventObject } from "xstate";
import type { Reply } from "./types.js";

/** The reply carried by an actor's done event (`xstate.done.actor.<id>`), if the event is one. */
export const replyOf = (event: EventObject): Reply<unknown> | undefined =>
  (event as { output?: Reply<unknown> }).output;

/** The value of a reply that succeeded; only those have one. */
export const answerOf = <T>(event: EventObject): T | undefined =>
  (event as { output?: { value?: T } }).output?.value;
