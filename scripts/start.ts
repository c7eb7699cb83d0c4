import { parseArgs } from "node:util";
import { buildDemo, startDemoServer } from "../examples/web/server";

const USAGE = `Usage: npm start [-- --port N] [-- --no-build]

Builds the demo page and serves it with the reference server on http://127.0.0.1:<port>
(default 5173, or the PORT environment variable). Ctrl-C stops it.

  --port N      port to listen on (0 picks a free one)
  --no-build    serve the page built last time (examples/web/dist)
  --verbose     log every API request
  -h, --help    this help
`;

const fail = (message: string): never => {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
};

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        port: { type: "string" },
        "no-build": { type: "boolean" },
        verbose: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const portText = values.port ?? process.env.PORT ?? "5173";
const port = /^[0-9]{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
if (!(port >= 0 && port <= 65_535)) fail(`invalid port: ${portText}`);

if (!values["no-build"]) {
  const started = Date.now();
  console.log("Building the demo page…");
  await buildDemo();
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const server = await startDemoServer({
  port,
  ...(values.verbose ? { log: (line: string) => console.log(line) } : {}),
}).catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return fail(code === "EADDRINUSE" ? `port ${port} is in use: try --port 0` : String(error));
});

console.log(`
PIMS enrollment demo: ${server.url}/
  backed by the reference server (the simulator over HTTP) on the same origin
  embedded simulator in the page: ${server.url}/?backend=embedded
  short resend cooldown:          ${server.url}/?cooldown=5
Ctrl-C to stop.`);

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  console.log("\nStopping…");
  server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
