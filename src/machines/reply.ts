import type { EventObject } from "xstate";
import type { Reply } from "./types.js";

/** The reply carried by an actor's done event (`xstate.done.actor.<id>`), if the event is one. */
export const replyOf = (event: EventObject): Reply<unknown> | undefined =>
  (event as { output?: Reply<unknown> }).output;

export const answerOf = <T>(event: EventObject): T | undefined => {
  const reply = replyOf(event);
  return reply?.ok ? (reply.value as T) : undefined;
};
