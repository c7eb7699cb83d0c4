/**
 * Soak: many enrollment flows on the simulator, each with random user events, random faults, random
 * restores and random time, then driven to a final state by a user who never cancels. Prints what it
 * measured and exits non-zero when a figure is off target.
 *
 *   npm run soak                      10 000 flows, a random seed (printed)
 *   SOAK_SEED=1234 npm run soak       replays that run
 *   SOAK_SEED=1234 SOAK_ONLY=17 npm run soak    replays flow 17 alone, printing each step
 *   SOAK_FLOWS=2000 npm run soak      fewer flows
 *
 * A flow is stuck when the finishing user cannot bring it to a final state within FINISH_BUDGET moves:
 * the finisher answers every need (back online, retry, the resend cooldown waited out, a new code asked
 * for, the code on the phone typed, time moved to the next deadline) but never cancels.
 */
import type { SimulatedClock, Snapshot } from "xstate";
import {
  createEnrollmentActor,
  type EnrollmentActor,
  type EnrollmentEvent,
  type EnrollmentInput,
} from "../../src";
import { documentedPairs } from "../../src/errors";
import { createSimulator, type Simulator, type SimulatorOptions } from "../../src/simulator";
import { clockAtT0 } from "../support/fixtures";

const FLOWS = Number(process.env.SOAK_FLOWS ?? 10_000);
const SEED = Number(process.env.SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ONLY = process.env.SOAK_ONLY === undefined ? undefined : Number(process.env.SOAK_ONLY);
/** Random steps per flow, at most. */
const RANDOM_STEPS = 30;
/** Moves the finishing user may take before the flow counts as stuck. */
const FINISH_BUDGET = 60;
/** The flow at which the heap is first measured; the end must be within HEAP_TOLERANCE of it. */
const HEAP_BASELINE_AT = Math.min(1_000, Math.floor(FLOWS / 10));
const HEAP_TOLERANCE = 0.1;

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  console.error("run with node --expose-gc (npm run soak)");
  process.exit(2);
}

/** mulberry32, seeded per flow from the run's seed, so that one flow replays alone. */
const prng = (seed: number) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
    weighted: <K extends string>(weights: Readonly<Record<K, number>>): K => {
      const entries = Object.entries(weights) as [K, number][];
      let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return (entries.at(-1) as [K, number])[0];
    },
  };
};
type Random = ReturnType<typeof prng>;

const flowSeed = (index: number) =>
  (Math.imul(SEED ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index, 0xc2b2ae35)) >>> 0;

const PAIRS = documentedPairs(["account.get", "trustedphonenumber.get", "smscode.get", "smscode.set"]);
/** Codes that end a flow at once: drawn less often, so that most flows live long enough to meet others. */
const ENDING = new Set([2001, 2006, 2309, 2310, 2312, 2313, 2317, 2344]);
const RECOVERABLE_PAIRS = PAIRS.filter((pair) => !ENDING.has(pair.code));

/** What a random step does, with its weight. */
const STEP_WEIGHTS = {
  start: 5,
  submitRight: 14,
  submitWrong: 6,
  submitMalformed: 2,
  resend: 6,
  retry: 8,
  cancel: 0.3,
  online: 4,
  offline: 3,
  simOffline: 4,
  fault: 9,
  advance: 6,
  restore: 3,
} as const;
type StepKind = keyof typeof STEP_WEIGHTS;

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const accountOf = (random: Random): SimulatorOptions => {
  const roll = random.next();
  if (roll < 0.05) return { alreadyEnrolled: true };
  if (roll < 0.08) return { deviceActivated: true };
  if (roll < 0.11) return { accountBlocked: random.pick(["AccountBlocked", "PINBlocked"] as const) };
  if (roll < 0.13) return { phoneNumber: null };
  if (roll < 0.15) return { tokenConfigured: false };
  return {};
};

const timersOf = (random: Random): EnrollmentInput =>
  random.chance(0.2) ? { maxSends: 1 + random.int(5), maxAttempts: 1 + random.int(5) } : {};

/** The flow's simulated clock, counting the timers set on it that neither fired nor were cleared. */
const countingClock = (clock: SimulatedClock) => {
  const pending = new Set<unknown>();
  return {
    pending,
    now: () => clock.now(),
    setTimeout: (fn: (...args: unknown[]) => void, timeout: number) => {
      const id: unknown = clock.setTimeout((...args: unknown[]) => {
        pending.delete(id);
        fn(...args);
      }, timeout);
      pending.add(id);
      return id;
    },
    clearTimeout: (id: unknown) => {
      pending.delete(id);
      clock.clearTimeout(id as number);
    },
  };
};

const leafOf = (value: unknown): string =>
  typeof value === "string"
    ? value
    : Object.entries(value as Record<string, unknown>)
        .map(([key, child]) => `${key}.${leafOf(child)}`)
        .join();

/** What the random and finishing phases did, over the whole run. */
const counts = { steps: 0, faults: 0, restores: 0, moves: 0, mostMoves: 0, withLatency: 0 };

interface FlowResult {
  readonly outcome: string;
  readonly stuckIn?: string;
  readonly pendingTimers: number;
  readonly errorSnapshots: number;
  readonly codeInPersisted: boolean;
}

const runFlow = async (index: number, trace: boolean): Promise<FlowResult> => {
  const random = prng(flowSeed(index));
  const clock = clockAtT0();
  const timing = countingClock(clock);
  const sim: Simulator = createSimulator({
    seed: flowSeed(index),
    now: () => clock.now(),
    ...accountOf(random),
  });
  const timers = timersOf(random);
  /** A few flows meet real latency: their requests are in flight when events, restores and stop come. */
  const latencyMs = random.chance(0.02) ? 1 + random.int(3) : 0;
  sim.setLatency(latencyMs);
  const pause = () => (latencyMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, 1)) : settle());
  const typed = new Set<string>();
  let errorSnapshots = 0;
  let codeInPersisted = false;
  const log = (what: string) => {
    if (trace) console.log(`  ${what.padEnd(34)} → ${leafOf(actor.getSnapshot().value)}`);
  };
  const spawn = (snapshot?: Snapshot<unknown>) => {
    const next = createEnrollmentActor({
      services: sim.services,
      clock: timing,
      ...timers,
      ...(snapshot ? { snapshot } : {}),
    });
    next.subscribe({
      next: (s) => {
        if (s.status === "error") errorSnapshots += 1;
      },
      error: () => {
        errorSnapshots += 1;
      },
    });
    next.start();
    return next;
  };
  let actor: EnrollmentActor = spawn();
  const send = (event: EnrollmentEvent) => actor.send(event);
  const lastCode = () => sim.outbox.at(-1)?.code;
  const submit = (code: string) => {
    typed.add(code);
    send({ type: "code.submit", code });
  };
  const restore = () => {
    const json = JSON.stringify(actor.getPersistedSnapshot());
    for (const code of typed) if (json.includes(`"${code}"`)) codeInPersisted = true;
    actor.stop();
    actor = spawn(JSON.parse(json));
  };
  const waitForCooldown = () => {
    const { resendReady, resendAvailableAt } = actor.getSnapshot().context;
    if (!resendReady && resendAvailableAt !== null) clock.set(Math.max(clock.now(), resendAvailableAt));
  };

  // Random phase: the user, the network, the backend's faults, time and restores, in any order.
  // Most users start at once; the others meet the idle screen's events first.
  if (random.chance(0.85)) send({ type: "start" });
  const steps = 1 + random.int(RANDOM_STEPS);
  for (let i = 0; i < steps && actor.getSnapshot().status === "active"; i++) {
    const kind: StepKind = random.weighted(STEP_WEIGHTS);
    const code = lastCode() ?? "000000";
    switch (kind) {
      case "start":
        send({ type: "start" });
        break;
      case "submitRight":
        submit(code);
        break;
      case "submitWrong":
        submit(code.replace(/\d$/, (d) => String((Number(d) + 1 + random.int(8)) % 10)));
        break;
      case "submitMalformed":
        submit(random.pick(["12a4", "", "1 234", "12345678901", "-1234"]));
        break;
      case "resend":
        send({ type: "code.resend" });
        break;
      case "retry":
        send({ type: "retry" });
        break;
      case "cancel":
        send({ type: "cancel" });
        break;
      case "online":
        send({ type: "network.online" });
        break;
      case "offline":
        send({ type: "network.offline" });
        break;
      case "simOffline":
        sim.setOffline(random.chance(0.5));
        break;
      case "fault": {
        const pair = random.pick(random.chance(0.2) ? PAIRS : RECOVERABLE_PAIRS);
        counts.faults += 1;
        sim.failNext(pair.operation, pair.code);
        break;
      }
      case "advance":
        clock.increment(random.pick([1_000, 31_000, 301_000]));
        break;
      case "restore":
        counts.restores += 1;
        restore();
        break;
    }
    counts.steps += 1;
    // Most steps wait for the engine; some land while a request is in flight.
    if (random.chance(0.75)) await pause();
    log(kind);
  }

  // Finishing phase: the network is back, and the user does whatever moves the flow on, but cancel.
  sim.setOffline(false);
  const movesBefore = counts.moves;
  if (latencyMs > 0) counts.withLatency += 1;
  let stuckIn: string | undefined;
  for (let move = 0; ; move++) {
    // A busy step has a request in flight: it settles within the latency (200 ms at most).
    for (let i = 0; i < 200 && actor.getSnapshot().hasTag("busy"); i++) await pause();
    const snapshot = actor.getSnapshot();
    if (snapshot.status !== "active") break;
    if (move >= FINISH_BUDGET) {
      stuckIn = leafOf(snapshot.value);
      break;
    }
    const [step, phase] = leafOf(snapshot.value).split(".");
    const code = lastCode();
    let what: string;
    if (snapshot.hasTag("busy")) {
      what = "wait (busy)";
    } else if (step === "idle") {
      what = "start";
      send({ type: "start" });
    } else if (phase === "offline") {
      what = "network.online";
      send({ type: "network.online" });
    } else if (phase === "stalled") {
      if (step === "requestingCode") waitForCooldown();
      what = "retry";
      send({ type: "retry" });
    } else if (step === "awaitingCode" && (phase === "expired" || code === undefined)) {
      const before = snapshot;
      waitForCooldown();
      send({ type: "code.resend" });
      what = "code.resend";
      if (actor.getSnapshot() === before) {
        // No resend left and no code to type: the code's own deadline ends it.
        const { codeExpiresAt } = before.context;
        clock.set(Math.max(clock.now(), codeExpiresAt ?? clock.now() + 60_000));
        what = "wait for the code to expire";
      }
    } else if (step === "awaitingCode" && code !== undefined) {
      what = "type the code";
      submit(code);
    } else {
      what = "wait a minute";
      clock.increment(60_000);
    }
    counts.moves += 1;
    await pause();
    log(`finish: ${what}`);
  }

  counts.mostMoves = Math.max(counts.mostMoves, counts.moves - movesBefore);
  const final = actor.getSnapshot();
  const outcome =
    final.status === "done" ? ((final.output as { outcome: string } | undefined)?.outcome ?? "?") : "stuck";
  const failedWith =
    outcome === "failed" ? ` ${(final.output as { error: { code: number } }).error.code}` : "";
  actor.stop();
  await settle();
  return {
    outcome: `${outcome}${failedWith}`,
    ...(stuckIn === undefined ? {} : { stuckIn }),
    pendingTimers: timing.pending.size,
    errorSnapshots,
    codeInPersisted,
  };
};

const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const main = async () => {
  const unhandled: unknown[] = [];
  process.on("unhandledRejection", (reason) => unhandled.push(reason));
  process.on("uncaughtException", (error) => unhandled.push(error));

  if (ONLY !== undefined) {
    console.log(`soak: replaying flow ${ONLY} of seed ${SEED}`);
    console.log(await runFlow(ONLY, true));
    process.exit(unhandled.length === 0 ? 0 : 1);
  }

  console.log(`soak: ${FLOWS} flows, seed ${SEED} (replay: SOAK_SEED=${SEED} npm run soak)`);
  await settle();
  const timersBefore = activeTimers();
  const started = performance.now();
  const outcomes = new Map<string, number>();
  const stuck: string[] = [];
  let pendingTimers = 0;
  let errorSnapshots = 0;
  let codeInPersisted = 0;
  let heapAtBaseline = 0;

  for (let index = 0; index < FLOWS; index++) {
    const result = await runFlow(index, false);
    outcomes.set(result.outcome, (outcomes.get(result.outcome) ?? 0) + 1);
    if (result.stuckIn !== undefined)
      stuck.push(`flow ${index} in ${result.stuckIn} (SOAK_SEED=${SEED} SOAK_ONLY=${index})`);
    pendingTimers += result.pendingTimers;
    errorSnapshots += result.errorSnapshots;
    if (result.codeInPersisted) codeInPersisted += 1;
    if (index + 1 === HEAP_BASELINE_AT) heapAtBaseline = heapAfterGc();
  }
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 20));
  const timersAfter = activeTimers();
  const heapAtEnd = heapAfterGc();
  const growth = heapAtEnd / heapAtBaseline - 1;

  const checks: [string, boolean, string][] = [
    ["stuck flows", stuck.length === 0, String(stuck.length)],
    ["unhandled rejections and errors", unhandled.length === 0, String(unhandled.length)],
    ["snapshots in error", errorSnapshots === 0, String(errorSnapshots)],
    ["simulated-clock timers left after stop", pendingTimers === 0, String(pendingTimers)],
    [
      "process timers left after the run",
      timersAfter <= timersBefore,
      `${timersAfter} (before: ${timersBefore})`,
    ],
    ["persisted snapshots holding a typed code", codeInPersisted === 0, String(codeInPersisted)],
    [
      `heap after GC, flow ${HEAP_BASELINE_AT} → ${FLOWS}`,
      growth <= HEAP_TOLERANCE,
      `${mb(heapAtBaseline)} → ${mb(heapAtEnd)} (${growth >= 0 ? "+" : ""}${(growth * 100).toFixed(1)} %, limit +${HEAP_TOLERANCE * 100} %)`,
    ],
  ];

  console.log(
    `flows: ${FLOWS} in ${seconds.toFixed(1)} s (${((seconds * 1000) / FLOWS).toFixed(2)} ms per flow)`,
  );
  console.log(
    `random steps: ${counts.steps} (faults ${counts.faults}, restores ${counts.restores}); ` +
      `flows with latency: ${counts.withLatency}; finishing moves: ${counts.moves} (at most ${counts.mostMoves} in a flow, budget ${FINISH_BUDGET})`,
  );
  console.log("outcomes:");
  for (const [outcome, count] of [...outcomes].sort(([, a], [, b]) => b - a)) {
    console.log(
      `  ${outcome.padEnd(28)} ${String(count).padStart(6)}  ${((count / FLOWS) * 100).toFixed(1)} %`,
    );
  }
  for (const [name, ok, value] of checks) console.log(`${ok ? "ok  " : "FAIL"} ${name}: ${value}`);
  for (const line of stuck.slice(0, 10)) console.log(`  stuck: ${line}`);
  for (const reason of unhandled.slice(0, 5)) console.log("  unhandled:", reason);
  process.exit(checks.every(([, ok]) => ok) ? 0 : 1);
};

await main();
