import { startDemoDevServer } from "../examples/web/server/dev";

/** `npm run demo:dev`: the demo page with hot reload, the reference server inside Vite's dev server. */
const portText = process.env.PORT;
const server = await startDemoDevServer(portText === undefined ? undefined : Number(portText));
server.printUrls();
console.log("Ctrl-C to stop.");
const stop = () => {
  server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
