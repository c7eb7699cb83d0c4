import type { ErrorCode } from "../errors/index.js";
import type { Simulator } from "../services/simulator/index.js";
import type { SessionStore } from "./sessions.js";

/** What a route answers, before it is written: JSON, an error body, a dropped connection, or no answer. */
export type RouteAnswer =
  | { readonly kind: "json"; readonly status: number; readonly body: unknown }
  | {
      readonly kind: "error";
      readonly status: number;
      readonly code: ErrorCode;
      readonly parameter?: string | undefined;
      readonly message?: string;
    }
  /** The connection is destroyed: the client sees a network failure. */
  | { readonly kind: "reset" }
  /** No answer until the client gives up (or a bound of a few minutes). */
  | { readonly kind: "stall" };

export interface RouteCall {
  readonly token: string;
  /** The session's simulator, created on first use. */
  readonly session: () => Simulator;
  readonly sessions: SessionStore;
  readonly query: URLSearchParams;
  /** The parsed JSON body; `undefined` when there was none. */
  readonly body: unknown;
  /** Aborts when the client goes away. */
  readonly signal: AbortSignal;
}

export interface Route {
  readonly method: "GET" | "POST" | "PUT";
  run(call: RouteCall): RouteAnswer | Promise<RouteAnswer>;
}

export const json = (body: unknown, status = 200): RouteAnswer => ({ kind: "json", status, body });
export const DONE: RouteAnswer = json({ ok: true });

export const invalid = (code: 2101 | 2102, parameter: string, message?: string): RouteAnswer => ({
  kind: "error",
  status: 400,
  code,
  parameter,
  ...(message === undefined ? {} : { message }),
});
