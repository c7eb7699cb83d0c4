import type { Services } from "./ports.js";

const TRANSPORT_METHODS = [
  "getAccount",
  "getTrustedPhoneNumber",
  "requestSmsCode",
  "validateSmsCode",
] as const;
const TOKEN_METHODS = [
  "isConfigured",
  "activationStart",
  "activationFinalize",
  "synchronize",
  "state",
  "exportState",
] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  (typeof value === "object" && value !== null) || typeof value === "function";

/**
 * Checks that an option (`path` names it: `services.transport`, `clock`) is an object with each of
 * `methods`: a `TypeError` naming what is missing.
 */
export const checkMethods = (caller: string, path: string, value: unknown, methods: readonly string[]) => {
  if (!isObject(value)) throw new TypeError(`${caller}: ${path} is missing`);
  for (const method of methods) {
    if (typeof value[method] !== "function") {
      throw new TypeError(`${caller}: ${path}.${method} is missing (it must be a function)`);
    }
  }
};

/**
 * Checks `services` at creation: a `TypeError` naming what is missing when there is no transport, or a
 * port lacks a method. No token at all is not a mistake: that device cannot enroll, which the flow answers
 * with 2344 "StrongAuthentication not configured".
 */
export const checkServices = (caller: string, services: unknown): Services => {
  if (!isObject(services)) throw new TypeError(`${caller}: services is missing`);
  checkMethods(caller, "services.transport", services.transport, TRANSPORT_METHODS);
  const { token } = services;
  if (token !== undefined && token !== null) checkMethods(caller, "services.token", token, TOKEN_METHODS);
  return services as unknown as Services;
};
