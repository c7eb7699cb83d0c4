import * as z from "zod/mini";

/** The longest delay a timer holds: `setTimeout`'s bound, 2^31 − 1 ms (about 24.8 days). */
export const MAX_TIMER_MS = 2_147_483_647;

/** The documented bounds of a number an app configures: a duration in ms or a count. */
export interface Limit {
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** How the bounds read in an error message ("ms" for a duration). */
  readonly unit: string;
}

/** A duration a timer can hold, from `min` ms. */
export const durationLimit = (min: number): Limit => ({
  min,
  max: MAX_TIMER_MS,
  integer: false,
  unit: " ms",
});

/** The per-call timeout of the facade and the flow: at least 1 ms. */
export const TIMEOUT_LIMIT: Limit = /* @__PURE__ */ durationLimit(1);

/**
 * What a number within `limit` is, as zod checks it (`z.number()` refuses NaN and ±Infinity). Integers
 * are checked with `Number.isInteger`: `z.int()` would cost an app 0.4 kB gzip more.
 */
export const limitSchema = (limit: Pick<Limit, "min" | "max" | "integer">) =>
  z.number().check(
    z.gte(limit.min),
    z.lte(limit.max),
    z.refine((value) => !limit.integer || Number.isInteger(value), { message: "expected an integer" }),
  );

const schemas = new WeakMap<Limit, ReturnType<typeof limitSchema>>();

/** `limit`'s schema, built once: `createPims` checks its timeout for every actor, and building it was 5 % of a flow. */
const schemaOf = (limit: Limit) => {
  let schema = schemas.get(limit);
  if (schema === undefined) {
    schema = limitSchema(limit);
    schemas.set(limit, schema);
  }
  return schema;
};

/**
 * Checks an option given at creation: a `TypeError` when it is not a number, a `RangeError` naming the
 * option and its bounds when it is out of them (NaN and ±Infinity included).
 */
export const checkLimit = (caller: string, name: string, value: unknown, limit: Limit): number => {
  if (typeof value !== "number") {
    throw new TypeError(`${caller}: ${name} must be a number, not ${value === null ? "null" : typeof value}`);
  }
  if (!schemaOf(limit).safeParse(value).success) {
    const kind = limit.integer ? "an integer" : "a number";
    throw new RangeError(
      `${caller}: ${name} must be ${kind} from ${limit.min} to ${limit.max}${limit.unit}, not ${value}`,
    );
  }
  return value;
};
