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
}

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
  const handler = createReferenceHandler(options);
  const server = createServer(
    { requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 },
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
