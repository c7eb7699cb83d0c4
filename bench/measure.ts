import { execFile } from "node:child_process";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { createPims, developmentConfig } from "../src/index";
import { TRUSTED_PHONE_API } from "../src/schemas/params";
import { createSimulator, type Simulator } from "../src/simulator";
import { generatePaths } from "../test/model/paths";
import { runFlow } from "./flow";
import { type Variant, variantNames, variants } from "./variants";

// What the bench measures, as raw samples; statistics, targets and the table are other modules' business.
// Each round measures every variant back to back, so that a slow stretch of this shared machine slows each
// variant of a round alike. Flows run one after the other on fresh simulators made before the clock starts,
// with no artificial latency. Heap per parked flow is measured in a fresh child process per variant (same
// flags), since stopped actors are not all collected at once.

export const ROUNDS = 15;
export const FLOWS_PER_ROUND = 300;
export const FACADE_CALLS_PER_ROUND = 5_000;
export const PARKED_ACTORS = 10_000;
const PATH_ROUNDS = 3;

/** What one variant parks, or `simulator`: only what the simulator records for one flow. */
export type Parked = Variant | "simulator";
export const isParked = (name: string): name is Parked => name === "simulator" || name in variants;

/** One batch of flows: how many per second of wall-clock time, and per second of this process's CPU time. */
export interface FlowRate {
  readonly perSecond: number;
  /**
   * User and system CPU time of this process (GC threads included). Other processes on the machine slow the
   * wall clock but not this, so it shows what a batch cost when the wall clock was disturbed.
   */
  readonly perCpuSecond: number;
}

export interface Measurements {
  readonly node: string;
  /** False without `--expose-gc`: nothing is collected between batches and memory is not measured. */
  readonly gcExposed: boolean;
  /** One entry per round: each variant's batch of flows in that round. */
  readonly rounds: readonly Readonly<Record<Variant, FlowRate>>[];
  /** Facade calls per second, one per round. */
  readonly facadeCallsPerSecond: readonly number[];
  /** Heap growth per flow parked in `awaitingCode`, one measurement each; null without `--expose-gc`. */
  readonly bytesPerParkedFlow: Readonly<Record<Parked, number | null>>;
  readonly pathGeneration: {
    readonly ms: readonly number[];
    readonly paths: number;
    readonly source: string;
  };
}

/** A variant's flows per second over the rounds, by wall clock or by CPU time. */
export const flowsOf = (measurements: Measurements, variant: Variant, basis: keyof FlowRate) =>
  measurements.rounds.map((round) => round[variant][basis]);

const gc = (globalThis as { gc?: () => void }).gc;

const collectGarbage = () => {
  gc?.();
  gc?.();
};

const heapAfterGc = (): number => {
  collectGarbage();
  return process.memoryUsage().heapUsed;
};

/**
 * One batch of flows: fresh simulators first, then a collection (so that no batch pays for the garbage of
 * the one before it), then the timed flows one by one.
 */
const flowBatch = async (variant: Variant, count: number): Promise<FlowRate> => {
  const sims = Array.from({ length: count }, () => createSimulator());
  collectGarbage();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (const sim of sims) {
    const flow = variants[variant](sim);
    await runFlow(flow, sim);
    flow.stop();
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { perSecond: count / (wallMs / 1000), perCpuSecond: count / (cpuMs / 1000) };
};

const facadeCallsPerSecond = async (count: number): Promise<number> => {
  const sim = createSimulator();
  const pims = createPims({ services: sim.services });
  await pims.initialize(developmentConfig);
  collectGarbage();
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    const message = await pims.get(TRUSTED_PHONE_API, {});
    if (message?.status !== "SUCCEEDED") throw new Error(`facade call failed: ${JSON.stringify(message)}`);
  }
  return count / ((performance.now() - started) / 1000);
};

/** What a flow makes the simulator record up to `awaitingCode` (4 calls, 1 SMS, its code), without any flow. */
const simulatorRecordsOnly = async (sim: Simulator): Promise<void> => {
  const { transport } = sim.services;
  const ctx = { signal: new AbortController().signal };
  await transport.getAccount("isDeviceActivated", ctx);
  await transport.getAccount("isAccountBlocked", ctx);
  await transport.getTrustedPhoneNumber(ctx);
  await transport.requestSmsCode(ctx);
};

/**
 * Heap growth per flow parked in `awaitingCode` (its actor, facade, pending deadline timers and what the
 * simulator recorded for it), against a baseline that already holds the simulators. Run in its own process.
 */
export const measureParked = async (parked: Parked, count: number): Promise<number | null> => {
  if (gc === undefined) return null;
  const sims = Array.from({ length: count }, () => createSimulator());
  const before = heapAfterGc();
  if (parked === "simulator") {
    await Promise.all(sims.map(simulatorRecordsOnly));
    return (heapAfterGc() - before) / count;
  }
  const flows = sims.map((sim) => variants[parked](sim));
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

/** `measureParked` in a fresh Node process running `script --parked=<what>` with this one's flags. */
const bytesPerParkedFlow = async (script: string, parked: Parked): Promise<number | null> => {
  const args = [...process.execArgv, script, `--parked=${parked}`];
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as number | null;
};

/** The model tests' generator: transition-coverage paths over the whole machine. */
const pathGeneration = (): Measurements["pathGeneration"] => {
  const ms: number[] = [];
  let paths = 0;
  for (let round = 0; round < PATH_ROUNDS; round += 1) {
    const started = performance.now();
    paths = generatePaths().length;
    ms.push(performance.now() - started);
  }
  return { ms, paths, source: "generatePaths() from test/model/paths.ts" };
};

/** Every measurement of one bench run. `script` is the bench's own entry, run again for the heap rows. */
export const measure = async (script: string): Promise<Measurements> => {
  // Warm-up: every variant once, so the first timed round does not pay for JIT compilation.
  for (const variant of variantNames) await flowBatch(variant, 50);
  await facadeCallsPerSecond(500);

  const rounds: Record<Variant, FlowRate>[] = [];
  const facadeSamples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const measured: Partial<Record<Variant, FlowRate>> = {};
    // Rotate the order so that no variant always runs first.
    for (let i = 0; i < variantNames.length; i += 1) {
      const variant = variantNames[(i + round) % variantNames.length] as Variant;
      measured[variant] = await flowBatch(variant, FLOWS_PER_ROUND);
    }
    rounds.push(measured as Record<Variant, FlowRate>);
    facadeSamples.push(await facadeCallsPerSecond(FACADE_CALLS_PER_ROUND));
  }

  const bytesPerParked: Partial<Record<Parked, number | null>> = {};
  for (const parked of [...variantNames, "simulator"] as const)
    bytesPerParked[parked] = await bytesPerParkedFlow(script, parked);

  return {
    node: process.version,
    gcExposed: gc !== undefined,
    rounds,
    facadeCallsPerSecond: facadeSamples,
    bytesPerParkedFlow: bytesPerParked as Record<Parked, number | null>,
    pathGeneration: pathGeneration(),
  };
};
