import { fileURLToPath } from "node:url";
import type { Plugin, ViteDevServer } from "vite";
import { createReferenceHandler } from "../../../src/server";
import { isReferencePath } from "./routes";

/** A Vite plugin: the reference server (with its controls) answers the API inside Vite's dev server. */
export const referenceServerPlugin = (): Plugin => ({
  name: "pims-reference-server",
  configureServer(server) {
    const reference = createReferenceHandler({ controls: true });
    server.middlewares.use((req, res, next) => {
      if (isReferencePath(req.url ?? "/")) reference.listener(req, res);
      else next();
    });
    server.httpServer?.once("close", () => reference.close());
  },
});

/** The demo page with hot reload, on the given port (default Vite's, 5173). */
export const startDemoDevServer = async (port?: number): Promise<ViteDevServer> => {
  const { createServer } = await import("vite");
  const server = await createServer({
    configFile: fileURLToPath(new URL("../vite.config.ts", import.meta.url)),
    plugins: [referenceServerPlugin()],
    ...(port === undefined ? {} : { server: { port, strictPort: true } }),
  });
  await server.listen();
  return server;
};
