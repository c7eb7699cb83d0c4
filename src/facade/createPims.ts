import { type ErrorCode, fail, type Result } from "../errors/index.js";
import { checkLimit, pimsConfigSchema, TIMEOUT_LIMIT } from "../schemas/index.js";
import { checkServices } from "../services/check.js";
import { type AbortReason, withDeadline } from "../services/deadline.js";
import type { EnrollmentStatus, Services } from "../services/ports.js";
import { type FacadeMemory, runCommand } from "./commands.js";
import { type Logger, silentLogger } from "./logger.js";
import { failed, type PimsMessage, succeeded } from "./messages.js";
import { randomTransactionId } from "./transactionId.js";
import { type Command, type Refusal, validateCall, validateSynchronize } from "./validate.js";

/** Beyond the SDK: the optional last argument of `get`, `set` and `synchronize`. */
export interface CallOptions {
  /** Aborting stops the request and changes nothing: no callback, the promise resolves to `null`. */
  readonly signal?: AbortSignal | undefined;
}

/** Beyond the SDK: `synchronize`'s options. */
export interface SynchronizeOptions extends CallOptions {
  /**
   * The status the validation answered before its 2316, for a facade that did not see that validation
   * (one made after a restore); the facade's own, when it has one, comes first.
   */
  readonly status?: EnrollmentStatus | undefined;
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
  synchronize(
    callback?: Callback | SynchronizeOptions,
    options?: SynchronizeOptions,
  ): Promise<PimsMessage | null>;
  /**
   * Beyond the SDK: after a SET answered 2316, the status its validation returned (not a secret), while
   * the post-synchronization is pending; `undefined` otherwise.
   */
  pendingSynchronization(): EnrollmentStatus | undefined;
  release(): void;
}

/**
 * Where a facade is in its life: before a successful `initialize` (and after `release()`), after a refused
 * config, or ready for calls.
 */
type FacadeState = "uninitialized" | "invalid" | "ready";

/** What every call answers while the facade is not ready. */
const REFUSAL_OF_STATE: Readonly<Record<Exclude<FacadeState, "ready">, ErrorCode>> = {
  uninitialized: 2001,
  invalid: 2006,
};

/** What a call cut short answers: 2201 past the facade's timeout, 2001 once the facade is released. */
const CUT_SHORT: Readonly<Record<Exclude<AbortReason, "caller">, ErrorCode>> = {
  timeout: 2201,
  release: 2001,
};

/** One facade's state, shared by module-level functions: a facade is five small closures, no more. */
interface Facade extends FacadeMemory {
  readonly services: Services;
  readonly timeoutMs: number;
  readonly transactionId: () => string;
  readonly logger: Logger;
  state: FacadeState;
  /** The commands in flight, by key, each with the `release` that cuts it short. */
  readonly inFlight: Map<string, () => void>;
}

/** Answers once, never synchronously; an aborted call, or one `produce` leaves unanswered, answers nobody. */
const answer = async (
  facade: Facade,
  callback: Callback | undefined,
  signal: AbortSignal | undefined,
  produce: (id: string) => Promise<PimsMessage | null>,
): Promise<PimsMessage | null> => {
  const id = facade.transactionId();
  if (signal?.aborted) return null;
  // `produce` is async: the callback runs after at least one await, never inside get/set.
  const message = await produce(id);
  if (message === null || signal?.aborted) return null;
  if (message.status === "FAILED")
    facade.logger("info", "call failed", { transactionId: id, code: message.error.code });
  try {
    callback?.(message);
  } catch (error) {
    facade.logger("error", "callback threw", { transactionId: id, error: String(error) });
  }
  return message;
};

/** A command's work: what the services answer; a service that throws, even synchronously, is a bug (2000). */
const runSafely = async (facade: Facade, command: Command, signal: AbortSignal) => {
  try {
    return await runCommand(command, facade.services, facade, { signal });
  } catch {
    return fail(2000);
  }
};

/**
 * `get`, `set` and `synchronize`, checked in the documented order: the facade's state, the call's own
 * checks (`accept`, given the call's options), a duplicate in flight (2005); then its work, under the
 * facade's timeout. The SDK's optional callback comes before the options, which may also come in its place.
 */
const call = (
  facade: Facade,
  accept: (options: CallOptions | undefined) => Result<Command, Refusal>,
  callbackOrOptions: Callback | CallOptions | undefined,
  options: CallOptions | undefined,
) => {
  const withCallback = typeof callbackOrOptions === "function";
  const callback = withCallback ? callbackOrOptions : undefined;
  const callOptions = withCallback ? options : (callbackOrOptions ?? options);
  const signal = callOptions?.signal;
  return answer(facade, callback, signal, async (id) => {
    if (facade.state !== "ready") return failed(id, REFUSAL_OF_STATE[facade.state]);
    const accepted = accept(callOptions);
    if (!accepted.ok) return failed(id, accepted.error.code, accepted.error.parameter);
    const command = accepted.value;
    if (facade.inFlight.has(command.key)) return failed(id, 2005);
    const deadline = withDeadline((signal) => runSafely(facade, command, signal), facade.timeoutMs, signal);
    facade.inFlight.set(command.key, deadline.release);
    const settled = await deadline.settled;
    // After `release()` the key may be a newer call's: only this call's own entry goes.
    if (facade.inFlight.get(command.key) === deadline.release) facade.inFlight.delete(command.key);
    if (settled.ok) {
      const outcome = settled.value;
      return outcome.ok ? succeeded(id, outcome.value) : failed(id, outcome.error);
    }
    // A call its caller aborted answers nobody.
    return settled.error === "caller" ? null : failed(id, CUT_SHORT[settled.error]);
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
    state: "uninitialized",
    pendingSyncStatus: undefined,
    inFlight: new Map(),
  };
  return {
    initialize: (config, callback) =>
      answer(facade, callback, undefined, async (id) => {
        if (facade.state === "ready") return failed(id, 2007);
        let valid = false;
        try {
          valid = pimsConfigSchema.safeParse(config).success;
        } catch {
          // A config whose getters throw is as invalid as any other.
        }
        facade.state = valid ? "ready" : "invalid";
        facade.logger("info", valid ? "initialized" : "invalid config", { transactionId: id });
        return valid ? succeeded(id, null) : failed(id, 2006);
      }),
    get: (api, params, callbackOrOptions, options) =>
      call(facade, () => validateCall("get", api, params), callbackOrOptions, options),
    set: (api, params, callbackOrOptions, options) =>
      call(facade, () => validateCall("set", api, params), callbackOrOptions, options),
    synchronize: (callbackOrOptions, options) =>
      call(facade, validateSynchronize, callbackOrOptions, options),
    pendingSynchronization: () => facade.pendingSyncStatus,
    release: () => {
      facade.state = "uninitialized";
      // Each call cut short settles later, on a microtask: the map is not changed while it is read.
      for (const cutShort of facade.inFlight.values()) cutShort();
      facade.inFlight.clear();
    },
  };
};
