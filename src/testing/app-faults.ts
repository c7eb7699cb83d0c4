import type { AnyActorRef } from "xstate";
import { type ErrorCode, type Failure, fail, type Operation } from "../errors/index.js";
import type { Pims } from "../facade/index.js";
import { dependenciesBySystem } from "../machines/dependencies.js";
import { ACCOUNT_API, SMSCODE_API, TRUSTED_PHONE_API } from "../schemas/params.js";
import type { CallContext, Services, Transport } from "../services/ports.js";
import type { FacadeCall } from "./types.js";

/**
 * What the drivers make go wrong outside the simulator: a call the network holds (`holdNext`), the app's
 * config (`misconfigure`) and a facade call that throws (`throwNext`).
 */

/** A config `initialize` refuses with 2006: none of the fields it needs. */
export const REFUSED_CONFIG = {};

/**
 * A held call: it reaches the backend, which does its work (sends the SMS, checks the code), but its
 * answer never comes back; it ends, answering nothing anyone reads, when the flow that made it stops.
 */
const held = async (ctx: CallContext, call: Promise<unknown>): Promise<Failure<ErrorCode>> => {
  await call;
  return new Promise((resolve) => {
    if (ctx.signal.aborted) resolve(fail(2201));
    ctx.signal.addEventListener("abort", () => resolve(fail(2201)), { once: true });
  });
};

/**
 * The services with a transport that holds the answer of the next call of each operation `holds` names
 * (each hold is taken by one call); every other call is `services.transport`'s.
 */
export const withHeldCalls = (services: Services, holds: Operation[]): Services => {
  const { transport } = services;
  const takeHold = (operation: Operation) => {
    const index = holds.indexOf(operation);
    if (index >= 0) holds.splice(index, 1);
    return index >= 0;
  };
  const holding: Transport = {
    getAccount: (query, ctx) => {
      const call = transport.getAccount(query, ctx);
      return takeHold("account.get") ? held(ctx, call) : call;
    },
    getTrustedPhoneNumber: (ctx) => {
      const call = transport.getTrustedPhoneNumber(ctx);
      return takeHold("trustedphonenumber.get") ? held(ctx, call) : call;
    },
    requestSmsCode: (ctx) => {
      const call = transport.requestSmsCode(ctx);
      return takeHold("smscode.get") ? held(ctx, call) : call;
    },
    validateSmsCode: (code, ctx) => {
      const call = transport.validateSmsCode(code, ctx);
      return takeHold("smscode.set") ? held(ctx, call) : call;
    },
  };
  return { ...services, transport: holding };
};

const operationOfApi = (api: unknown, method: "get" | "set"): FacadeCall | undefined => {
  if (api === ACCOUNT_API) return "account.get";
  if (api === TRUSTED_PHONE_API) return "trustedphonenumber.get";
  if (api === SMSCODE_API) return method === "get" ? "smscode.get" : "smscode.set";
  return undefined;
};

/**
 * Facade calls armed to throw (`throwNext`): each waits for `after` calls of its kind, then the next one
 * rejects, as a bug in the engine would. Installed on an actor's facade, through its dependencies.
 */
export const createFacadeFaults = () => {
  const armed: { readonly call: FacadeCall; callsLeft: number }[] = [];
  const installed = new WeakSet<Pims>();
  /** Whether this call of `call` throws; every armed fault of its kind counts it. */
  const throws = (call: FacadeCall | undefined): boolean => {
    let due = false;
    for (const fault of [...armed]) {
      if (fault.call !== call) continue;
      if (fault.callsLeft > 0) fault.callsLeft -= 1;
      else if (!due) {
        armed.splice(armed.indexOf(fault), 1);
        due = true;
      }
    }
    return due;
  };
  const thrown = (call: FacadeCall | undefined) =>
    Promise.reject(new Error(`throwNext: the engine's ${call} call threw`));
  return {
    arm(call: FacadeCall, after: number | undefined) {
      armed.push({ call, callsLeft: after ?? 0 });
    },
    /** Wraps the facade of `actor` (an enrollment actor, bound to its dependencies) in place, once. */
    install(actor: AnyActorRef) {
      const dependencies = dependenciesBySystem.get(actor.system);
      if (!dependencies) throw new Error("throwNext: the flow is not an enrollment actor with its facade");
      const pims: Pims = dependencies.pims;
      if (installed.has(pims)) return;
      installed.add(pims);
      const { initialize, get, set, synchronize } = pims;
      Object.assign(pims, {
        initialize: ((...args) =>
          throws("initialize") ? thrown("initialize") : initialize(...args)) satisfies Pims["initialize"],
        get: ((api, ...rest) => {
          const call = operationOfApi(api, "get");
          return throws(call) ? thrown(call) : get(api, ...rest);
        }) satisfies Pims["get"],
        set: ((api, ...rest) => {
          const call = operationOfApi(api, "set");
          return throws(call) ? thrown(call) : set(api, ...rest);
        }) satisfies Pims["set"],
        synchronize: ((...args) =>
          throws("synchronize") ? thrown("synchronize") : synchronize(...args)) satisfies Pims["synchronize"],
      });
    },
  };
};

export type FacadeFaults = ReturnType<typeof createFacadeFaults>;
