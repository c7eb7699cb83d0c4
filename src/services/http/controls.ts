import * as z from "zod/mini";
import type { ErrorCode, Operation } from "../../errors/index.js";
import {
  callsAnswerSchema,
  errorBodySchema,
  faultsAnswerSchema,
  outboxAnswerSchema,
  type SessionOptions,
} from "../../schemas/protocol.js";
import { parseBaseUrl, resolvePath } from "./base-url.js";
import { CONTROL_PATHS } from "./protocol.js";
import type { FetchLike } from "./transport.js";

/** What `createSimulatorControls` takes: the reference server, the session's bearer token, fetch. */
export interface SimulatorControlsOptions {
  /** The reference server's URL (it serves controls to loopback clients only). */
  readonly baseUrl: string | { readonly href: string };
  /** The bearer token of the session to control: the one its transport sends. */
  readonly token: string;
  readonly fetch?: FetchLike | undefined;
}

/** A session's SMS and calls, as the server reports them. */
export type RemoteSms = z.infer<typeof outboxAnswerSchema>["outbox"][number];
/** One call a reference-server session logged: its operation and when it arrived. */
export type RemoteCall = z.infer<typeof callsAnswerSchema>["calls"][number];
/** A fault armed on a reference-server session: armed while `firedBy` is `null`, then fired by that call. */
export type RemoteFault = z.infer<typeof faultsAnswerSchema>["faults"][number];

/**
 * The reference server's simulator controls for one session (its bearer token), over HTTP: the same
 * handles as `createSimulator`'s, asynchronous. A development and test tool: unlike a `Transport`, its
 * methods reject (with the server's message) when the server refuses or cannot be reached.
 */
export interface SimulatorControls {
  outbox(): Promise<RemoteSms[]>;
  calls(): Promise<RemoteCall[]>;
  /** Every fault armed with `failNext`, oldest first, armed or fired. */
  faults(): Promise<RemoteFault[]>;
  /** The next call of `operation` (the next `times` calls, 1 to 100, default 1) fails with `code`. */
  failNext(operation: Operation, code: ErrorCode, options?: { readonly times?: number }): Promise<void>;
  setOffline(offline: boolean): Promise<void>;
  setLatency(ms: number): Promise<void>;
  reset(): Promise<void>;
  /** Replaces the session's simulator with one created with these options (over the server's defaults). */
  configure(options: SessionOptions): Promise<void>;
}

/** A client for a reference server's simulator controls (served with `--controls`, on loopback only). */
export const createSimulatorControls = (options: SimulatorControlsOptions): SimulatorControls => {
  const base = parseBaseUrl(options.baseUrl, "createSimulatorControls");
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  const send = async (method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<unknown> => {
    const response = await fetchImpl(resolvePath(base, path), {
      method,
      headers: {
        accept: "application/json",
        authorization: `Bearer ${options.token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json: unknown = await response.json().catch(() => undefined);
    if (response.ok) return json;
    const refusal = z.safeParse(errorBodySchema, json);
    const reason = refusal.success ? (refusal.data.error.message ?? refusal.data.error.label) : undefined;
    throw new Error(
      `simulator control ${method} ${path}: HTTP ${response.status}${reason ? ` — ${reason}` : ""}`,
    );
  };

  return {
    async outbox() {
      return z.parse(outboxAnswerSchema, await send("GET", CONTROL_PATHS.outbox)).outbox;
    },
    async calls() {
      return z.parse(callsAnswerSchema, await send("GET", CONTROL_PATHS.calls)).calls;
    },
    async faults() {
      return z.parse(faultsAnswerSchema, await send("GET", CONTROL_PATHS.faults)).faults;
    },
    async failNext(operation, code, failOptions) {
      await send("POST", CONTROL_PATHS.failNext, { operation, code, ...failOptions });
    },
    async setOffline(offline) {
      await send("POST", CONTROL_PATHS.offline, { offline });
    },
    async setLatency(ms) {
      await send("POST", CONTROL_PATHS.latency, { ms });
    },
    async reset() {
      await send("POST", CONTROL_PATHS.reset);
    },
    async configure(sessionOptions) {
      await send("PUT", CONTROL_PATHS.session, sessionOptions);
    },
  };
};
