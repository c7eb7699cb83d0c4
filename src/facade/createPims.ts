import type { ErrorCode } from "../errors/index.js";
import { checkLimit, pimsConfigSchema, TIMEOUT_LIMIT } from "../schemas/index.js";
import { checkServices } from "../services/check.js";
import type { Services } from "../services/ports.js";
import { type FacadeMemory, runCommand, SYNCHRONIZE } from "./commands.js";
import { withDeadline } from "./deadline.js";
import { type Logger, silentLogger } from "./logger.js";
import { failed, type PimsMessage, succeeded } from "./messages.js";
import { randomTransactionId } from "./transactionId.js";
import { type Command, type Refusal, validateCall } from "./validate.js";

/** Beyond the SDK: the optional last argument of `get`, `set` and `synchronize`. */
export interface CallOptions {
  /** Aborting stops the request and changes nothing: no callback, the promise resolves to `null`. */
  readonly signal?: AbortSignal | undefined;
}

/** The per-call timeout when `createPims` is given none. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** Receives a call's message, exactly once and never synchronously. */
export type Callback = (message: PimsMessage) => void;

/** What `createPims` takes: the services, and optionally the per-call timeout, transaction ids and a logger. */
export interface CreatePimsOptions {
  readonly services: Services;
  /** Per call; past it the call answers 2201 and its request is aborted. Default 30 000. */
  readonly timeoutMs?: number;
  readonly transactionId?: () => string;
  readonly logger?: Logger;
}

/** The SDK-compatible facade: `initialize`, `get`, `set`, `release`, and `synchronize` beyond the SDK. */
export interface Pims {
  initialize(config: unknown, callback?: Callback): Promise<PimsMessage | null>;
  get(
    api: unknown,
    params?: unknown,
    callback?: Callback | CallOptions,
    options?: CallOptions,
  ): Promise<PimsMessage | null>;
  set(
    api: unknown,
    params?: unknown,
    callback?: Callback | CallOptions,
    options?: CallOptions,
  ): Promise<PimsMessage | null>;
  /** Beyond the SDK: retries the token's post-synchronization after 2316, answering the validated status. */
  synchronize(callback?: Callback | CallOptions, options?: CallOptions): Promise<PimsMessage | null>;
  release(): void;
}

/** One facade's state, shared by module-level functions: a facade is five small closures, no more. */
interface Facade extends FacadeMemory {
  readonly services: Services;
  readonly timeoutMs: number;
  readonly transactionId: () => string;
  readonly logger: Logger;
  /** What every call answers until `initialize` succeeds (2001, then 2006 after a refused config). */
  refusal: ErrorCode | undefined;
  /** The commands in flight, by key, with what cuts each short; there only while some are. */
  inFlight: Map<string, () => void> | undefined;
}

/** Answers once, never synchronously; an aborted call answers nobody. */
const answer = async (
  facade: Facade,
  callback: Callback | undefined,
  signal: AbortSignal | undefined,
  produce: (id: string) => Promise<PimsMessage>,
): Promise<PimsMessage | null> => {
  const id = facade.transactionId();
  if (signal?.aborted) return null;
  // `produce` is async: the callback runs after at least one await, never inside get/set.
  const message = await produce(id);
  if (signal?.aborted) return null;
  if (message.status === "FAILED")
    facade.logger("info", "call failed", { transactionId: id, code: message.error.code });
  try {
    callback?.(message);
  } catch (error) {
    facade.logger("error", "callback threw", { transactionId: id, error: String(error) });
  }
  return message;
};

/**
 * `get`, `set` and `synchronize`, checked in the documented order: the facade's state, the call's own
 * checks, a duplicate in flight (2005); then its work, under the facade's timeout.
 */
const call = (
  facade: Facade,
  accept: () => Command | Refusal,
  a: Callback | CallOptions | undefined,
  b: CallOptions | undefined,
) => {
  const withCallback = typeof a === "function";
  const callback = withCallback ? a : undefined;
  const signal = (withCallback ? b : (a ?? b))?.signal;
  return answer(facade, callback, signal, async (id) => {
    if (facade.refusal !== undefined) return failed(id, facade.refusal);
    const command = accept();
    if (!command.ok) return failed(id, command.code, command.parameter);
    const { key } = command;
    facade.inFlight ??= new Map();
    const inFlight = facade.inFlight;
    if (inFlight.has(key)) return failed(id, 2005);
    const deadline = withDeadline(
      (ctx) => runCommand(command, facade.services, facade, ctx),
      facade.timeoutMs,
      signal,
    );
    inFlight.set(key, deadline.cancel);
    const outcome = await deadline.settled;
    // After `release()` the key may be a newer call's, in the facade's new map: only this call's entry goes.
    if (facade.inFlight?.get(key) === deadline.cancel) facade.inFlight.delete(key);
    if (facade.inFlight?.size === 0) facade.inFlight = undefined;
    // Cut short by `release()`, which answers 2001, or by the caller's signal, which `answer` turns into no
    // answer at all.
    if ("aborted" in outcome) return failed(id, 2001);
    return outcome.ok ? succeeded(id, outcome.value) : failed(id, outcome.code);
  });
};

const CALLER = "createPims";

const checkFunction = <F>(name: string, value: F): F => {
  if (typeof value !== "function") throw new TypeError(`${CALLER}: ${name} must be a function`);
  return value;
};

/**
 * The SDK-compatible facade: `pims.get/set` over injected services. Its calls never throw and never
 * reject; creating it throws a `TypeError` or `RangeError` for options it cannot run with (see
 * `checkServices` and `checkLimit`).
 */
export const createPims = (options: CreatePimsOptions): Pims => {
  if (typeof options !== "object" || options === null) throw new TypeError(`${CALLER}: options are required`);
  const facade: Facade = {
    services: checkServices(CALLER, options.services),
    timeoutMs: checkLimit(CALLER, "timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS, TIMEOUT_LIMIT),
    transactionId: checkFunction("transactionId", options.transactionId ?? randomTransactionId),
    logger: checkFunction("logger", options.logger ?? silentLogger),
    refusal: 2001,
    pendingSyncStatus: undefined,
    inFlight: undefined,
  };
  return {
    initialize: (config, callback) =>
      answer(facade, callback, undefined, async (id) => {
        if (facade.refusal === undefined) return failed(id, 2007);
        let valid = false;
        try {
          valid = pimsConfigSchema.safeParse(config).success;
        } catch {
          // A config whose getters throw is as invalid as any other.
        }
        facade.refusal = valid ? undefined : 2006;
        facade.logger("info", valid ? "initialized" : "invalid config", { transactionId: id });
        return valid ? succeeded(id, null) : failed(id, 2006);
      }),
    get: (api, params, a, b) => call(facade, () => validateCall("get", api, params), a, b),
    set: (api, params, a, b) => call(facade, () => validateCall("set", api, params), a, b),
    synchronize: (a, b) => call(facade, () => SYNCHRONIZE, a, b),
    release: () => {
      facade.refusal = 2001;
      const inFlight = facade.inFlight;
      facade.inFlight = undefined;
      for (const cancel of inFlight?.values() ?? []) cancel();
    },
  };
};
