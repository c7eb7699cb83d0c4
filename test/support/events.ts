import { type ErrorCode, labelOf } from "../../src/errors";
import type { Reply } from "../../src/machines";

/** The event XState sends a machine when its invoked actor `id` resolves with `output`. */
export const doneEvent = <Id extends string, Output>(id: Id, output: Output) => ({
  type: `xstate.done.actor.${id}` as const,
  output,
});

/** The event XState sends a machine when its invoked actor `id` throws or rejects with `error`. */
export const errorEvent = <Id extends string, Thrown>(id: Id, error: Thrown) => ({
  type: `xstate.error.actor.${id}` as const,
  error,
});

/** A backend step's actor answering `value`, at `at` (epoch ms). */
export const answered = (id: string, value: unknown, at: number) =>
  doneEvent<string, Reply<unknown>>(id, { ok: true, value, at });

/** A backend step's actor answering the PIMS error `code` with its documented label, at `at`. */
export const refused = (id: string, code: ErrorCode, at: number) =>
  doneEvent<string, Reply<unknown>>(id, { ok: false, error: { code, label: labelOf(code) }, at });

/** A backend step's actor that was in flight when its snapshot was persisted: it answers nothing. */
export const interrupted = (id: string, at: number) =>
  doneEvent<string, Reply<unknown>>(id, { ok: false, error: "interrupted", at });
