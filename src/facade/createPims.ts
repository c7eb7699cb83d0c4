import * as z from "zod/mini";
import type { ErrorCode } from "../errors";
import { pimsConfigSchema } from "../schemas";
import type { CallContext, Outcome, Services } from "../services/ports";
import { type FacadeMemory, runCommand, runSynchronize } from "./commands";
import { withDeadline } from "./deadline";
import { type Logger, silentLogger } from "./logger";
import { failed, type PimsMessage, succeeded } from "./messages";
import { randomTransactionId } from "./transactionId";
import { validateCall } from "./validate";

/** Beyond the SDK: the optional last argument of `get`, `set` and `synchronize`. */
export interface CallOptions {
  /** Aborting stops the request and changes nothing: no callback, the promise resolves to `null`. */
  readonly signal?: AbortSignal | undefined;
}

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

type FacadeState = "uninitialized" | "misconfigured" | "ready";

const DEFAULT_TIMEOUT_MS = 30_000;

const splitArgs = (
  a?: Callback | CallOptions,
  b?: CallOptions,
): [Callback | undefined, CallOptions | undefined] =>
  typeof a === "function" ? [a, b] : [undefined, a ?? b];

/** The SDK-compatible facade: `pims.get/set` over injected services. It never throws and never rejects. */
export const createPims = ({
  services,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  transactionId = randomTransactionId,
  logger = silentLogger,
}: CreatePimsOptions): Pims => {
  let state: FacadeState = "uninitialized";
  const memory: FacadeMemory = { pendingSyncStatus: undefined };
  const inFlight = new Map<string, AbortController>();

  /** Answers once, never synchronously; an aborted call answers nobody. */
  const answer = async (
    callback: Callback | undefined,
    signal: AbortSignal | undefined,
    produce: (id: string) => Promise<PimsMessage | null>,
  ): Promise<PimsMessage | null> => {
    const id = transactionId();
    await Promise.resolve();
    const message = signal?.aborted ? null : await produce(id);
    if (message === null || signal?.aborted) return null;
    if (message.status === "FAILED")
      logger("info", "call failed", { transactionId: id, code: message.error.code });
    try {
      callback?.(message);
    } catch (error) {
      logger("error", "callback threw", { transactionId: id, error: String(error) });
    }
    return message;
  };

  const stateError = (): ErrorCode | undefined =>
    state === "uninitialized" ? 2001 : state === "misconfigured" ? 2006 : undefined;

  const run = async <T>(
    id: string,
    key: string,
    work: (ctx: CallContext) => Promise<Outcome<T>>,
    signal: AbortSignal | undefined,
  ): Promise<PimsMessage | null> => {
    if (inFlight.has(key)) return failed(id, 2005);
    const releaseGuard = new AbortController();
    inFlight.set(key, releaseGuard);
    const signals = [signal, releaseGuard.signal].filter((s): s is AbortSignal => s !== undefined);
    const settled = await withDeadline(work, timeoutMs, signals);
    if (inFlight.get(key) === releaseGuard) inFlight.delete(key);
    if ("aborted" in settled)
      return releaseGuard.signal.aborted && !signal?.aborted ? failed(id, 2001) : null;
    return settled.ok ? succeeded(id, settled.value) : failed(id, settled.code);
  };

  const call =
    (method: "get" | "set") =>
    (api: unknown, params?: unknown, a?: Callback | CallOptions, b?: CallOptions) => {
      const [callback, options] = splitArgs(a, b);
      return answer(callback, options?.signal, async (id) => {
        const refusedBy = stateError();
        if (refusedBy !== undefined) return failed(id, refusedBy);
        const validation = validateCall(method, api, params);
        if (!validation.ok) return failed(id, validation.code, validation.parameter);
        const { command } = validation;
        const key = `${method} ${String(api)} ${command.variant}`;
        return run(id, key, (ctx) => runCommand(command, services, memory, ctx), options?.signal);
      });
    };

  return {
    initialize: (config, callback) =>
      answer(callback, undefined, async (id) => {
        if (state === "ready") return failed(id, 2007);
        let valid = false;
        try {
          valid = z.safeParse(pimsConfigSchema, config).success;
        } catch {
          valid = false;
        }
        state = valid ? "ready" : "misconfigured";
        logger("info", valid ? "initialized" : "invalid config", { transactionId: id });
        return valid ? succeeded(id, null) : failed(id, 2006);
      }),
    get: call("get"),
    set: call("set"),
    synchronize: (a, b) => {
      const [callback, options] = splitArgs(a, b);
      return answer(callback, options?.signal, async (id) => {
        const refusedBy = stateError();
        if (refusedBy !== undefined) return failed(id, refusedBy);
        return run(id, "synchronize", (ctx) => runSynchronize(services, memory, ctx), options?.signal);
      });
    },
    release: () => {
      state = "uninitialized";
      for (const controller of inFlight.values()) controller.abort();
      inFlight.clear();
    },
  };
};
