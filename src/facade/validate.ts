import * as z from "zod/mini";
import type { ErrorCode, Operation } from "../errors";
import { type ApiRule, apiRules } from "../schemas";

/** A call the facade accepted: what to run, with its normalised params. */
export interface Command {
  readonly operation: Operation;
  /** The variant picked (`enrollment`, `isDeviceActivated`, …); "" when the api has none. */
  readonly variant: string;
  readonly params: Readonly<Record<string, unknown>>;
}

export type Validation =
  | { readonly ok: true; readonly command: Command }
  | { readonly ok: false; readonly code: ErrorCode; readonly parameter?: string };

const refuse = (code: ErrorCode, parameter?: string): Validation =>
  parameter === undefined ? { ok: false, code } : { ok: false, code, parameter };

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !Array.isArray(value);
};

/** Own data properties only: a getter or a proxy trap never runs app code inside the facade. */
const ownValue = (params: object, name: string): { value: unknown; accessor: boolean } => {
  const descriptor = Object.getOwnPropertyDescriptor(params, name);
  if (descriptor === undefined) return { value: undefined, accessor: false };
  return "value" in descriptor
    ? { value: descriptor.value, accessor: false }
    : { value: undefined, accessor: true };
};

const readParams = (params: unknown): object | undefined => {
  if (params === undefined || params === null) return {};
  if (typeof params !== "object" || !isPlainObject(params)) return undefined;
  return params;
};

const checkVariant = (rule: ApiRule, params: object): Validation | string => {
  const name = rule.variantParam;
  if (name === undefined) return "";
  const { value, accessor } = ownValue(params, name);
  if (accessor) return refuse(2102, name);
  if (value === undefined || value === null) return refuse(2101, name);
  if (typeof value === "string" && rule.unimplemented?.includes(value)) return refuse(2002);
  if (typeof value !== "string" || !Object.hasOwn(rule.variants, value)) return refuse(2102, name);
  return value;
};

/**
 * Checks a call in the documented order, after the facade's own state: api and variant (2002),
 * then params (2101 missing, 2102 invalid). Never throws, whatever `params` is.
 */
export const validateCall = (method: "get" | "set", api: unknown, params: unknown): Validation => {
  try {
    const rule =
      typeof api === "string" && Object.hasOwn(apiRules[method], api) ? apiRules[method][api] : undefined;
    if (rule === undefined) return refuse(2002);
    const plain = readParams(params);
    if (plain === undefined) return refuse(2102, "params");
    const variant = checkVariant(rule, plain);
    if (typeof variant !== "string") return variant;
    const normalised: Record<string, unknown> = {};
    for (const field of rule.fields) {
      const { value, accessor } = ownValue(plain, field.name);
      if (accessor) return refuse(2102, field.name);
      if (value === undefined || value === null) return refuse(2101, field.name);
      if (!z.safeParse(field.schema, value).success) return refuse(2102, field.name);
      normalised[field.name] = value;
    }
    const operation = rule.variants[variant] as Operation;
    return { ok: true, command: { operation, variant, params: normalised } };
  } catch {
    return refuse(2102, "params");
  }
};
