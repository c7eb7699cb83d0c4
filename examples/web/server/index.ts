import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createReferenceHandler } from "../../../src/server";
import { isReferencePath } from "./routes";
import { createStaticHandler } from "./static";

/** The demo page's sources and its build. */
export const DEMO_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DEMO_DIST = fileURLToPath(new URL("../dist", import.meta.url));

/**
 * Builds the page into examples/web/dist with Vite (what `npm start` does first): a production build even
 * under a test runner, whose NODE_ENV=test would make Vite bundle React's development build.
 */
export const buildDemo = async ({ quiet = true }: { readonly quiet?: boolean } = {}): Promise<void> => {
  const { build } = await import("vite");
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
      mode: "production",
      logLevel: quiet ? "warn" : "info",
    });
  } finally {
    if (nodeEnv === undefined) Reflect.deleteProperty(process.env, "NODE_ENV");
    else process.env.NODE_ENV = nodeEnv;
  }
};

export interface DemoServerOptions {
  /** Default 5173; 0 picks a free port. */
  readonly port?: number;
  /** Default "127.0.0.1": the simulator controls answer loopback clients only. */
  readonly host?: string;
  /** The built page; default examples/web/dist. */
  readonly root?: string;
  /** One line per API request; default none. */
  readonly log?: (line: string) => void;
}

export interface DemoServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * One Node server for the whole demo: the reference server (the simulator over HTTP, with its controls)
 * answers the API, and the built page is served from the same origin.
 */
export const startDemoServer = async (options: DemoServerOptions = {}): Promise<DemoServer> => {
  const root = options.root ?? DEMO_DIST;
  if (!existsSync(`${root}/index.html`)) {
    throw new Error(`startDemoServer: ${root}/index.html is missing; build the page first (buildDemo)`);
  }
  const host = options.host ?? "127.0.0.1";
  const reference = createReferenceHandler({ controls: true, ...(options.log ? { log: options.log } : {}) });
  const serveStatic = createStaticHandler(root);
  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    if (isReferencePath(req.url ?? "/")) return reference.listener(req, res);
    serveStatic(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 5173, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        reference.close();
        server.closeAllConnections();
      });
      return closing;
    },
  };
};
