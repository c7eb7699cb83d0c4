/**
 * What a call that can fail answers, in every layer (transport, simulator, facade, actors, server): its
 * value, or why it failed. An expected refusal is a `Failure`; a thrown error is a bug.
 */
export type Result<T, E> = Success<T> | Failure<E>;

/** A call that succeeded, with what it answered. */
export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

/** A call that failed, with why: a PIMS error code, an inWebo result, a refusal. */
export interface Failure<E> {
  readonly ok: false;
  readonly error: E;
}

/** A success answering `value`. */
export const succeed = <T>(value: T): Success<T> => ({ ok: true, value });

/** A failure for `error`. A literal stays a literal (`fail(2203)` is a `Failure<2203>`), so it fits any `Outcome`. */
export const fail = <const E>(error: E): Failure<E> => ({ ok: false, error });
