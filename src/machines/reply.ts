import type { EventObject } from "xstate";
import type { PimsErrorBody } from "../facade/index.js";

/** Every field a `Reply` can have; each one is there only in the replies that have it. */
interface ReplyFields {
  readonly ok?: boolean;
  readonly value?: unknown;
  readonly error?: PimsErrorBody;
  readonly interrupted?: true;
  readonly at?: number;
}

/** The reply carried by an actor's done event (`xstate.done.actor.<id>`), if the event is one. */
export const replyOf = (event: EventObject): ReplyFields | undefined =>
  (event as { output?: ReplyFields }).output;

/** The value of a reply that succeeded; only those have one. */
export const answerOf = <T>(event: EventObject): T | undefined => replyOf(event)?.value as T | undefined;
