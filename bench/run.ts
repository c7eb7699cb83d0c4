import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { getShortestPaths } from "xstate/graph";
import { createEnrollmentActor, createPims, developmentConfig, enrollmentMachine } from "../src/index";
import { TRUSTED_PHONE_API } from "../src/schemas/params";
import { createSimulator, type Simulator } from "../src/simulator";
import { createBareFlow } from "./bare-machine";
import { actorFlow, type Flow, runFlow } from "./flow";
import { createReducerFlow } from "./reducer";

// `npm run bench` (`--json` for one JSON object). One process, one run: each round measures every variant
// back to back, and each figure is the median over the rounds. Flows run one after the other on fresh
// simulators made before the clock starts, with no artificial latency.

const json = process.argv.includes("--json");
const ROUNDS = 7;
const FLOWS_PER_ROUND = 300;
const FACADE_CALLS_PER_ROUND = 5_000;
const PARKED_ACTORS = 10_000;
const PATH_ROUNDS = 3;

const log = (line: string) => {
  if (!json) console.log(line);
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

type Variant = "engine" | "bareXstate" | "reducer";

const makers: Record<Variant, (sim: Simulator) => Flow> = {
  engine: (sim) => actorFlow(createEnrollmentActor({ services: sim.services })),
  bareXstate: (sim) => createBareFlow(sim.services),
  reducer: (sim) => createReducerFlow(sim.services),
};

/** Flows per second of one batch: fresh simulators first, then the timed flows one by one. */
const flowsPerSecond = async (variant: Variant, count: number): Promise<number> => {
  const sims = Array.from({ length: count }, () => createSimulator());
  const started = performance.now();
  for (const sim of sims) {
    const flow = makers[variant](sim);
    await runFlow(flow, sim);
    flow.stop();
  }
  return count / ((performance.now() - started) / 1000);
};

const facadeCallsPerSecond = async (count: number): Promise<number> => {
  const sim = createSimulator();
  const pims = createPims({ services: sim.services });
  await pims.initialize(developmentConfig);
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    const message = await pims.get(TRUSTED_PHONE_API, {});
    if (message?.status !== "SUCCEEDED") throw new Error(`facade call failed: ${JSON.stringify(message)}`);
  }
  return count / ((performance.now() - started) / 1000);
};

const gc = (globalThis as { gc?: () => void }).gc;

const heapAfterGc = (): number => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};

/**
 * Heap growth per flow parked in `awaitingCode` (its actor, facade, pending deadline timers and what the
 * simulator recorded for it), measured against a baseline that already holds the simulators.
 */
const bytesPerParkedFlow = async (variant: Variant, count: number): Promise<number | null> => {
  if (gc === undefined) return null;
  const sims = Array.from({ length: count }, () => createSimulator());
  const before = heapAfterGc();
  const flows = sims.map((sim) => makers[variant](sim));
  await Promise.all(
    flows.map((flow) => {
      flow.start();
      return flow.reach("awaitingCode");
    }),
  );
  const after = heapAfterGc();
  for (const flow of flows) flow.stop();
  return (after - before) / count;
};

interface PathGeneration {
  readonly ms: number;
  readonly paths: number;
  readonly source: string;
}

/** The model tests' generator if it exists; otherwise xstate/graph's shortest paths over public events. */
const pathGeneration = async (): Promise<PathGeneration> => {
  const modelPaths = new URL("../test/model/paths.ts", import.meta.url);
  let generate: () => readonly unknown[];
  let source: string;
  if (existsSync(modelPaths)) {
    const module = (await import(modelPaths.href)) as { generatePaths?: () => readonly unknown[] };
    if (typeof module.generatePaths !== "function")
      throw new Error("test/model/paths.ts has no generatePaths()");
    generate = module.generatePaths;
    source = "generatePaths() from test/model/paths.ts";
  } else {
    const events = [
      { type: "start" },
      { type: "code.submit", code: "123456" },
      { type: "code.resend" },
      { type: "retry" },
      { type: "cancel" },
      { type: "network.online" },
      { type: "network.offline" },
    ] as const;
    generate = () => getShortestPaths(enrollmentMachine, { events: [...events] });
    source = "FALLBACK: xstate/graph getShortestPaths over the public events (test/model/paths.ts absent)";
  }
  const times: number[] = [];
  let paths = 0;
  for (let round = 0; round < PATH_ROUNDS; round += 1) {
    const started = performance.now();
    paths = generate().length;
    times.push(performance.now() - started);
  }
  return { ms: median(times), paths, source };
};

const main = async () => {
  log(`pims-enrollment bench — node ${process.version}, ${ROUNDS} rounds, median per row`);
  if (gc === undefined) log("global.gc is not exposed (run with --expose-gc): memory is not measured");

  // Warm-up: every variant once, so the first timed round does not pay for JIT compilation.
  for (const variant of Object.keys(makers) as Variant[]) await flowsPerSecond(variant, 50);
  await facadeCallsPerSecond(500);

  const samples: Record<Variant, number[]> = { engine: [], bareXstate: [], reducer: [] };
  const facadeSamples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // Rotate the order so no variant always runs first (or right after a GC-heavy neighbour).
    const order = (Object.keys(makers) as Variant[]).map(
      (_, i, all) => all[(i + round) % all.length] as Variant,
    );
    for (const variant of order) samples[variant].push(await flowsPerSecond(variant, FLOWS_PER_ROUND));
    facadeSamples.push(await facadeCallsPerSecond(FACADE_CALLS_PER_ROUND));
  }

  const flowsPerSec = {
    engine: median(samples.engine),
    bareXstate: median(samples.bareXstate),
    reducer: median(samples.reducer),
  };
  const facadeCallsPerSec = median(facadeSamples);
  const bytesPerParkedActor = await bytesPerParkedFlow("engine", PARKED_ACTORS);
  const parkedReference = {
    bareXstate: await bytesPerParkedFlow("bareXstate", PARKED_ACTORS),
    reducer: await bytesPerParkedFlow("reducer", PARKED_ACTORS),
  };
  const paths = await pathGeneration();

  if (json) {
    console.log(JSON.stringify({ flowsPerSec, facadeCallsPerSec, bytesPerParkedActor, pathGenMs: paths.ms }));
    return;
  }

  const n = (value: number) => Math.round(value).toLocaleString("en-US");
  const bytes = (value: number | null) => (value === null ? "n/a (no --expose-gc)" : `${n(value)} B`);
  const rows: [string, string][] = [
    ["(1) full flow, engine (createEnrollmentActor + simulator)", `${n(flowsPerSec.engine)} flows/s`],
    ["(2) full flow, bare XState machine, no facade", `${n(flowsPerSec.bareXstate)} flows/s`],
    ["(3) full flow, hand-written reducer", `${n(flowsPerSec.reducer)} flows/s`],
    ['(4) facade pims.get("…trustedphonenumber")', `${n(facadeCallsPerSec)} calls/s`],
    [`(5) heap per engine actor parked in awaitingCode (${n(PARKED_ACTORS)})`, bytes(bytesPerParkedActor)],
    [
      "    for reference: bare XState / reducer flow parked",
      `${bytes(parkedReference.bareXstate)} / ${bytes(parkedReference.reducer)}`,
    ],
    [`(6) model-based path generation (${paths.paths} paths)`, `${n(paths.ms)} ms`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  log("");
  for (const [label, value] of rows) log(`${label.padEnd(width)}  ${value}`);
  log(`    paths from: ${paths.source}`);

  const vsBare = flowsPerSec.engine / flowsPerSec.bareXstate;
  const vsReducer = flowsPerSec.engine / flowsPerSec.reducer;
  const targets: [string, boolean | null, string][] = [
    ["engine ≥ 1/1.5 of bare XState", vsBare >= 1 / 1.5, `engine/bare = ${vsBare.toFixed(2)} (needs ≥ 0.67)`],
    [
      "engine ≥ 1/5 of the reducer",
      vsReducer >= 1 / 5,
      `engine/reducer = ${vsReducer.toFixed(2)} (needs ≥ 0.20)`,
    ],
    [
      "≤ 8 kB per parked actor",
      bytesPerParkedActor === null ? null : bytesPerParkedActor <= 8 * 1024,
      bytesPerParkedActor === null ? "not measured" : `${n(bytesPerParkedActor)} B (needs ≤ 8,192)`,
    ],
  ];
  log("\ntargets:");
  for (const [name, pass, detail] of targets) {
    log(`  ${pass === null ? "SKIP" : pass ? "PASS" : "FAIL"}  ${name}: ${detail}`);
  }
};

await main();
