import { type ErrorCode, fail, type Operation, type Result, succeed } from "../errors/index.js";
import { apiRules } from "../schemas/index.js";
import { ENROLLMENT_STATUSES, type EnrollmentStatus } from "../schemas/status.js";

/** A call the facade accepted: what to run, with its normalised params. */
export interface Command {
  /** What makes the same command twice at once a duplicate (2005): method, api and variant. */
  readonly key: string;
  /** An api's operation, or the 2316 recovery beyond the SDK. */
  readonly operation: Operation | "synchronize";
  readonly params: Readonly<Record<string, unknown>>;
}

/** Why a call is refused before it reaches the services: a code, and the parameter its label names. */
export interface Refusal {
  readonly code: ErrorCode;
  readonly parameter?: string | undefined;
}

const refuse = (code: ErrorCode, parameter?: string) => fail<Refusal>({ code, parameter });

/**
 * An own data property's value: a getter never runs app code inside the facade. An accessor stands as
 * its descriptor, present but valid for no param.
 */
const ownValue = (params: object, name: string): unknown => {
  const descriptor = Object.getOwnPropertyDescriptor(params, name);
  return descriptor && "value" in descriptor ? descriptor.value : descriptor;
};

/** A plain object: made by a literal or `Object.create(null)`, not an array, a class instance or a function. */
const isPlainObject = (value: NonNullable<unknown>): value is object => {
  if (typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * Checks a call in the documented order, after the facade's own state: api (2002), then each param in
 * turn: missing (2101), a documented variant not implemented here (2002), invalid (2102). Never throws,
 * whatever `params` is.
 */
export const validateCall = (
  method: "get" | "set",
  api: unknown,
  params: unknown,
): Result<Command, Refusal> => {
  try {
    const rule = apiRules[method].get(api);
    if (rule === undefined) return refuse(2002);
    // Params `undefined` or `null` count as `{}`; anything but a plain object is refused.
    const plain = params ?? {};
    if (!isPlainObject(plain)) return refuse(2102, "params");
    const normalised: Record<string, unknown> = {};
    for (const [name, schema] of Object.entries(rule.params)) {
      const value = ownValue(plain, name);
      if (value === undefined || value === null) return refuse(2101, name);
      if (!schema.safeParse(value).success) {
        return refuse(rule.unimplemented?.[name]?.includes(value as string) ? 2002 : 2102, name);
      }
      normalised[name] = value;
    }
    // The first param picks the variant (`type`, `action`); an api without params has none.
    const variant = Object.values(normalised)[0];
    const key = variant === undefined ? `${method} ${api}` : `${method} ${api} ${String(variant)}`;
    return succeed({ key, operation: rule.operation, params: normalised });
  } catch {
    return refuse(2102, "params");
  }
};

/**
 * The 2316 recovery beyond the SDK. Its options' `status` is what the validation answered, given by a
 * caller whose facade did not see it (a new facade, after a restore); anything but a documented status
 * is 2102. Never throws, whatever `options` is.
 */
export const validateSynchronize = (options: unknown): Result<Command, Refusal> => {
  try {
    const status = typeof options === "object" && options !== null ? ownValue(options, "status") : undefined;
    if (status !== undefined && !ENROLLMENT_STATUSES.includes(status as EnrollmentStatus)) {
      return refuse(2102, "status");
    }
    return succeed({ key: "synchronize", operation: "synchronize", params: { status } });
  } catch {
    return refuse(2102, "status");
  }
};
