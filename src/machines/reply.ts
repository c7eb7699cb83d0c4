import type { EventObject } from "xstate";
import type { PimsErrorBody } from "../facade/index.js";
import type { Reply } from "./types.js";

/** A request that was not sent again on restore answers this. */
export const INTERRUPTED = "interrupted";

/** The reply an actor's done event (`xstate.done.actor.<id>`) carries; `undefined` for any other event. */
export const replyOf = (event: EventObject): Reply<unknown> | undefined =>
  (event as { output?: Reply<unknown> }).output;

/** The PIMS error a reply failed with; `undefined` for a success, an interrupted request or another event. */
export const replyErrorOf = (event: EventObject): PimsErrorBody | undefined => {
  const reply = replyOf(event);
  return reply === undefined || reply.ok || reply.error === INTERRUPTED ? undefined : reply.error;
};
