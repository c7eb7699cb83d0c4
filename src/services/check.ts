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

const checkPort = (caller: string, name: string, port: unknown, methods: readonly string[]) => {
  if (!isObject(port)) throw new TypeError(`${caller}: services.${name} is missing`);
  for (const method of methods) {
    if (typeof port[method] !== "function") {
      throw new TypeError(`${caller}: services.${name}.${method} is missing (it must be a function)`);
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
  checkPort(caller, "transport", services.transport, TRANSPORT_METHODS);
  const { token } = services;
  if (token !== undefined && token !== null) checkPort(caller, "token", token, TOKEN_METHODS);
  return services as unknown as Services;
};
