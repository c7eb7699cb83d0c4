#!/usr/bin/env node
import { parseArgs } from "node:util";
import { createReferenceServer, type ReferenceServer } from "./server/index.js";
import { isLoopbackHost } from "./services/http/protocol.js";

const USAGE = `Usage: pims-enrollment serve [--port N] [--host ADDRESS] [--controls] [--quiet]

Serves the PIMS reference backend (the simulator, one session per bearer token) over the
protocol of docs/protocol.md.

  --port N         port to listen on (default 8787; 0 picks a free one)
  --host ADDRESS   address to bind (default 127.0.0.1)
  --controls       serve the simulator controls under /_sim/ (to loopback clients only)
  --quiet          do not log requests
  -h, --help       this help
`;

const DEFAULT_PORT = 8787;

type Parsed = { readonly help: true } | { readonly error: string } | ServeOptions;
interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly controls: boolean;
  readonly quiet: boolean;
}

const parse = (argv: readonly string[]): Parsed => {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        controls: { type: "boolean" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { help: true };
  if (positionals.length !== 1 || positionals[0] !== "serve") {
    return {
      error: positionals.length === 0 ? "missing command" : `unknown command: ${positionals.join(" ")}`,
    };
  }
  const portText = typeof values.port === "string" ? values.port : String(DEFAULT_PORT);
  const port = /^[0-9]{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) return { error: `invalid --port: ${portText}` };
  return {
    port,
    host: typeof values.host === "string" ? values.host : "127.0.0.1",
    controls: values.controls === true,
    quiet: values.quiet === true,
  };
};

const serve = async (options: ServeOptions): Promise<void> => {
  const server: ReferenceServer = await createReferenceServer({
    port: options.port,
    host: options.host,
    controls: options.controls,
    ...(options.quiet ? {} : { log: (line: string) => console.log(line) }),
  });
  const controls = options.controls ? "on, loopback clients only" : "off";
  console.log(`pims-enrollment reference server on ${server.url} (controls: ${controls})`);
  if (options.controls && !isLoopbackHost(options.host)) {
    console.warn(`warning: bound to ${options.host}; the controls still answer loopback clients only`);
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: closing (requests in flight get 5 s)`);
    server.close({ graceMs: 5_000 }).then(() => {
      console.log("closed");
      process.exit(0);
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
};

const main = async (argv: readonly string[]): Promise<number | undefined> => {
  const parsed = parse(argv);
  if ("help" in parsed) {
    process.stdout.write(USAGE);
    return 0;
  }
  if ("error" in parsed) {
    process.stderr.write(`pims-enrollment: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  await serve(parsed);
  return undefined;
};

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`pims-enrollment: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
