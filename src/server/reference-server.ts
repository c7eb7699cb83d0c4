import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Simulator } from "../services/simulator/index.js";
import { createReferenceHandler, type ReferenceHandlerOptions } from "./handler.js";

/** What `createReferenceServer` takes: the handler's options and where to listen. */
export interface ReferenceServerOptions extends ReferenceHandlerOptions {
  /** Default "127.0.0.1". */
  readonly host?: string | undefined;
  /** Default 0: an ephemeral port, read back from `port`. */
  readonly port?: number | undefined;
  /** Time for a request's headers to arrive, in ms; past it, 408 and the connection closes. Default 10 000. */
  readonly headersTimeoutMs?: number | undefined;
  /** Time for a whole request (headers and body) to arrive, in ms; past it, 408. Default 30 000. */
  readonly requestTimeoutMs?: number | undefined;
}

const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/**
 * How often Node checks the two timeouts above. Its default (30 s) lets a slow client hold a connection up
 * to 30 s past either bound; checking every second enforces them within a second.
 */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;
const MAX_TIMEOUT_MS = 2_147_483_647;

const timeoutOption = (name: string, value: number | undefined, fallback: number): number => {
  const resolved = value ?? fallback;
  if (!Number.isSafeInteger(resolved) || resolved < 1 || resolved > MAX_TIMEOUT_MS) {
    throw new RangeError(
      `createReferenceServer: ${name} must be an integer from 1 to ${MAX_TIMEOUT_MS}, got ${String(value)}`,
    );
  }
  return resolved;
};

/** A running reference server: its address, its sessions' simulators, and `close()`. */
export interface ReferenceServer {
  /** `http://host:port`, loopback when bound to every interface: the transport's `baseUrl`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Whether the simulator controls are served (to loopback clients). */
  readonly controls: boolean;
  /** The simulator of the session whose bearer token this is, created on first use (in-process access). */
  session(token: string): Simulator;
  /** Sessions alive now. */
  readonly sessionCount: number;
  /**
   * Stops accepting connections, lets the requests in flight finish for `graceMs` (default 2 000), then
   * drops every connection left. Resolves once the server is closed.
   */
  close(options?: { readonly graceMs?: number }): Promise<void>;
}

const urlHost = (host: string): string => {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
};

/**
 * The reference PIMS backend (Node only): the simulator served over the protocol of docs/protocol.md, one
 * simulator per bearer token. Resolves once it listens.
 */
export const createReferenceServer = async (
  options: ReferenceServerOptions = {},
): Promise<ReferenceServer> => {
  const host = options.host ?? "127.0.0.1";
  const requestedPort = options.port ?? 0;
  if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
    throw new RangeError(
      `createReferenceServer: port must be an integer from 0 to 65535, got ${requestedPort}`,
    );
  }
  const headersTimeout = timeoutOption(
    "headersTimeoutMs",
    options.headersTimeoutMs,
    DEFAULT_HEADERS_TIMEOUT_MS,
  );
  const requestTimeout = timeoutOption(
    "requestTimeoutMs",
    options.requestTimeoutMs,
    DEFAULT_REQUEST_TIMEOUT_MS,
  );
  if (headersTimeout > requestTimeout) {
    throw new RangeError(
      `createReferenceServer: headersTimeoutMs (${headersTimeout}) must not exceed requestTimeoutMs (${requestTimeout})`,
    );
  }
  const handler = createReferenceHandler(options);
  const server = createServer(
    {
      requestTimeout,
      headersTimeout,
      keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    handler.listener,
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(requestedPort, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${urlHost(host)}:${port}`,
    host,
    port,
    controls: options.controls === true,
    session: (token) => handler.sessions.get(token),
    get sessionCount() {
      return handler.sessions.size;
    },
    close({ graceMs = 2_000 } = {}) {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        handler.close();
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
      });
      return closing;
    },
  };
};
