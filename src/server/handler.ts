import type { IncomingMessage, ServerResponse } from "node:http";
import * as z from "zod/mini";
import { fail, type Result, succeed } from "../errors/index.js";
import { bearerTokenSchema } from "../schemas/protocol.js";
import { DEFAULT_MAX_BODY_BYTES, HEALTH_PATH, isLoopbackHost } from "../services/http/protocol.js";
import type { SimulatorOptions } from "../services/simulator/index.js";
import { apiRoutes } from "./api.js";
import { controlRoutes } from "./controls.js";
import type { Route, RouteAnswer } from "./route.js";
import { createSessionStore, type SessionStore } from "./sessions.js";
import { readBody, sendError, sendJson } from "./wire.js";

/** What `createReferenceHandler` takes: simulator defaults, controls, body and session limits, a log. */
export interface ReferenceHandlerOptions {
  /** Defaults of every session's simulator (`createSimulator` options). */
  readonly simulator?: SimulatorOptions | undefined;
  /** Serve the simulator controls under `/_sim/…`, to loopback clients only. Default false. */
  readonly controls?: boolean | undefined;
  /** Bound of a request body; past it, 413. Default 65 536. */
  readonly maxBodyBytes?: number | undefined;
  /** Sessions kept; past it the least recently used is dropped. Default 10 000. */
  readonly maxSessions?: number | undefined;
  /** One line per answered request (method, path, status, duration); never a token or a body. */
  readonly log?: ((line: string) => void) | undefined;
}

/** The reference server's request listener, for composing it into another Node server. */
export interface ReferenceHandler {
  /** A `node:http` request listener. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  readonly sessions: SessionStore;
  /** Ends the stalled answers (injected 2201) still waiting. */
  close(): void;
}

/** An answer held back to simulate a timeout is dropped after this, whatever the client does. */
const STALL_MAX_MS = 120_000;
const BEARER = /^Bearer +(\S+)\s*$/i;

const MISSING_TOKEN = "missing bearer token";
const MALFORMED_TOKEN = "malformed bearer token: expected Authorization: Bearer <token68>";

/** The request's bearer token, or why there is none to use. */
const authenticate = (
  header: string | undefined,
): Result<string, typeof MISSING_TOKEN | typeof MALFORMED_TOKEN> => {
  if (header === undefined || header.trim() === "") return fail(MISSING_TOKEN);
  const token = BEARER.exec(header)?.[1];
  if (token === undefined || !z.safeParse(bearerTokenSchema, token).success) return fail(MALFORMED_TOKEN);
  return succeed(token);
};

/** The request target as a URL; `undefined` when it does not parse (`//[`, for instance). */
const parseTarget = (target: string | undefined): URL | undefined => {
  try {
    return new URL(target ?? "/", "http://reference.invalid");
  } catch {
    return undefined;
  }
};

const positiveInteger = (name: string, value: number | undefined, fallback: number): number => {
  const resolved = value ?? fallback;
  if (!Number.isSafeInteger(resolved) || resolved <= 0) {
    throw new RangeError(`createReferenceServer: ${name} must be a positive integer, got ${String(value)}`);
  }
  return resolved;
};

/**
 * The reference server's request handling, for any `node:http` server: the protocol of docs/protocol.md
 * over one simulator per bearer token.
 */
export const createReferenceHandler = (options: ReferenceHandlerOptions = {}): ReferenceHandler => {
  const maxBodyBytes = positiveInteger("maxBodyBytes", options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES);
  const maxSessions = positiveInteger("maxSessions", options.maxSessions, 10_000);
  const sessions = createSessionStore(options.simulator ?? {}, maxSessions);
  const routes = new Map<string, Route & { readonly control: boolean }>([
    ...Object.entries(apiRoutes).map(([path, route]) => [path, { ...route, control: false }] as const),
    ...(options.controls === true
      ? Object.entries(controlRoutes).map(([path, route]) => [path, { ...route, control: true }] as const)
      : []),
  ]);
  const stalled = new Set<ServerResponse>();

  const write = (req: IncomingMessage, res: ServerResponse, reply: RouteAnswer): void => {
    if (res.destroyed || res.headersSent) return;
    switch (reply.kind) {
      case "json":
        sendJson(res, reply.status, reply.body);
        return;
      case "error":
        sendError(res, reply.status, reply);
        return;
      case "reset":
        req.socket.destroy();
        return;
      case "stall": {
        stalled.add(res);
        const timer = setTimeout(() => res.destroy(), STALL_MAX_MS);
        timer.unref?.();
        res.once("close", () => {
          clearTimeout(timer);
          stalled.delete(res);
        });
        return;
      }
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = parseTarget(req.url);
    if (url === undefined) {
      return sendError(res, 400, {
        code: 2102,
        parameter: "target",
        message: "the request target does not parse",
      });
    }
    // HEAD answers as GET does, without a body (Node writes none for a HEAD request).
    const method = req.method === "HEAD" ? "GET" : req.method;
    if (url.pathname === HEALTH_PATH && method === "GET") return sendJson(res, 200, { status: "ok" });
    const route = routes.get(url.pathname);
    // Controls are absent, not forbidden, to a client that is not on this machine.
    if (route === undefined || (route.control && !isLoopbackHost(req.socket.remoteAddress ?? ""))) {
      return sendError(res, 404, { code: 2204, message: `no such endpoint: ${url.pathname}` });
    }
    if (method !== route.method) {
      return sendError(
        res,
        405,
        { code: 2204, message: `${url.pathname} answers ${route.method} only` },
        { allow: route.method },
      );
    }
    const auth = authenticate(req.headers.authorization);
    if (!auth.ok) {
      const challenge =
        auth.error === MISSING_TOKEN
          ? 'Bearer realm="pims-enrollment"'
          : 'Bearer realm="pims-enrollment", error="invalid_token"';
      return sendError(res, 401, { code: 2204, message: auth.error }, { "www-authenticate": challenge });
    }
    const token = auth.value;
    let body: unknown;
    if (route.method === "GET") {
      req.resume();
    } else {
      const read = await readBody(req, maxBodyBytes);
      if (!read.ok) {
        const { status, message } = read.error;
        return sendError(res, status, { code: 2204, message }, { connection: "close" });
      }
      if (read.value.trim() !== "") {
        try {
          body = JSON.parse(read.value);
        } catch {
          return sendError(res, 400, {
            code: 2102,
            parameter: "body",
            message: "the body is not valid JSON",
          });
        }
      }
    }
    const client = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) client.abort();
    };
    res.once("close", onClose);
    const reply = await route.run({
      token,
      session: () => sessions.get(token),
      sessions,
      query: url.searchParams,
      body,
      signal: client.signal,
    });
    write(req, res, reply);
  };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    const started = Date.now();
    if (options.log) {
      const log = options.log;
      res.once("close", () => {
        const status = res.headersSent ? String(res.statusCode) : "dropped";
        const path = (req.url ?? "/").split("?")[0];
        log(`${req.method} ${path} ${status} ${Date.now() - started}ms`);
      });
    }
    handle(req, res).catch(() => {
      // A thrown error is a bug of this server, not a refusal.
      sendError(res, 500, { code: 2000, message: "internal error of the reference server" });
    });
  };

  return {
    listener,
    sessions,
    close() {
      for (const res of stalled) res.destroy();
      stalled.clear();
    },
  };
};
