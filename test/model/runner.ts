import { expect, vi } from "vitest";
import {
  type AnyMachineSnapshot,
  createActor,
  fromPromise,
  getInitialSnapshot,
  type InspectionEvent,
  type SimulatedClock,
  type Snapshot,
} from "xstate";
import {
  developmentConfig,
  type EnrollmentActor,
  enrollmentMachine,
  prepareEnrollmentActor,
  toViewModel,
} from "../../src";
import type { ErrorCode } from "../../src/errors";
import type { CallContext, InweboToken, Services, Transport } from "../../src/services/ports";
import { createSimulator, type Simulator } from "../../src/simulator";
import { clockAtT0, PHONE } from "../support/fixtures";
import { type ActorId, type Outcome as ModelOutcome, SENT_CODE } from "./fixtures";

/** How a gated call ends: a model outcome, or the backend's own answer. */
type Outcome = ModelOutcome | { readonly kind: "backend" };

import { expectedLeaf, leafOf } from "./oracle";
import type { ModelPath, ModelStep } from "./paths";

const initialState: AnyMachineSnapshot = getInitialSnapshot(enrollmentMachine, undefined);

/** The outcomes a path asks of each actor, in the order the actor will be called. */
const planOf = (path: ModelPath): Map<ActorId, Outcome[]> => {
  const plan = new Map<ActorId, Outcome[]>();
  for (const { event } of path.steps) {
    if ("outcome" in event) plan.set(event.actorId, [...(plan.get(event.actorId) ?? []), event.outcome]);
  }
  return plan;
};

const wants = (plan: Map<ActorId, Outcome[]>, actor: ActorId, variant: string) =>
  (plan.get(actor) ?? []).some((o) => o.kind === "ok" && o.variant === variant);

/** The account the simulator starts with, so that each success variant of the path is its real answer. */
const simulatorFor = (plan: Map<ActorId, Outcome[]>, clock: SimulatedClock): Simulator => {
  const conflicting = (actor: ActorId, a: string, b: string) =>
    wants(plan, actor, a) && wants(plan, actor, b);
  if (
    conflicting("checkDeviceActivation", "activated", "notActivated") ||
    conflicting("checkAccountBlock", "blocked", "notBlocked") ||
    conflicting("readTrustedPhone", "phone", "noPhone") ||
    conflicting("validateCode", "NotEnrolled", "AlreadyEnrolled") ||
    // The model's 2316 says the validation answered NotEnrolled.
    (wants(plan, "validateCode", "AlreadyEnrolled") &&
      (plan.get("validateCode") ?? []).some((o) => o.kind === "code" && o.code === 2316))
  ) {
    throw new Error("this path needs an account that changes mid-flow, which the simulator does not model");
  }
  return createSimulator({
    seed: 11,
    now: () => clock.now(),
    deviceActivated: wants(plan, "checkDeviceActivation", "activated"),
    accountBlocked: wants(plan, "checkAccountBlock", "blocked") ? "AccountBlocked" : "NotBlocked",
    phoneNumber: wants(plan, "readTrustedPhone", "noPhone") ? null : PHONE,
    alreadyEnrolled: wants(plan, "validateCode", "AlreadyEnrolled"),
    maxSends: 100,
  });
};

const untilAborted = (signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });

/** Holds each actor's calls until the path's step for that actor says how the call ends. */
const createGates = () => {
  type Release = { outcome: Outcome; done: () => void };
  const released = new Map<ActorId, Release[]>();
  const waiting = new Map<ActorId, ((r: Release) => void)[]>();
  return {
    /** The actors with a call waiting for its release. */
    waiting: (): ActorId[] => [...waiting].filter(([, waiters]) => waiters.length > 0).map(([id]) => id),
    /** The runner's side: the next call of `actor` ends with `outcome`; resolves once the call has run. */
    release(actor: ActorId, outcome: Outcome): Promise<void> {
      return new Promise((done) => {
        const release = { outcome, done };
        const waiter = waiting.get(actor)?.shift();
        if (waiter) waiter(release);
        else released.set(actor, [...(released.get(actor) ?? []), release]);
      });
    },
    /** The service's side: waits for the release of this call, or for its abort (which drops its place). */
    async arrive(actor: ActorId, signal: AbortSignal): Promise<Release | undefined> {
      const ready = released.get(actor)?.shift();
      if (ready) return ready;
      if (signal.aborted) return undefined;
      return new Promise((resolve) => {
        const onAbort = () => {
          waiting.set(
            actor,
            (waiting.get(actor) ?? []).filter((w) => w !== waiter),
          );
          resolve(undefined);
        };
        const waiter = (release: Release) => {
          signal.removeEventListener("abort", onAbort);
          resolve(release);
        };
        waiting.set(actor, [...(waiting.get(actor) ?? []), waiter]);
        signal.addEventListener("abort", onAbort, { once: true });
      });
    },
  };
};

type Gates = ReturnType<typeof createGates>;

/**
 * The simulator's services, each call held until its step and then run on the simulator with the
 * step's fault armed just in time (a code, offline, or nothing).
 */
const scriptedServices = (sim: Simulator, gates: Gates): Services => {
  const transport = sim.services.transport;
  const token = sim.services.token;
  const operationOf = {
    checkDeviceActivation: "account.get",
    checkAccountBlock: "account.get",
    readTrustedPhone: "trustedphonenumber.get",
    requestCode: "smscode.get",
    validateCode: "smscode.set",
  } as const;

  /**
   * A 2305 is earned by typing a wrong code; a validation that sends the right one (a retry sends the code
   * it held, whatever the path asks of it now) gets its 2305 armed like any other code.
   */
  const gated = async <T>(
    actor: keyof typeof operationOf,
    ctx: CallContext,
    call: () => Promise<T>,
    typedCode?: string,
  ) => {
    const release = await gates.arrive(actor, ctx.signal);
    if (release === undefined) return call();
    const { outcome, done } = release;
    const wrongCodeTyped = typedCode !== undefined && typedCode !== sim.outbox.at(-1)?.code;
    try {
      if (outcome.kind === "code" && !(outcome.code === 2305 && wrongCodeTyped))
        sim.failNext(operationOf[actor], outcome.code);
      if (outcome.kind !== "interrupted") return await call();
      // In flight when the app is killed: a request's SMS has left, a validation never arrived.
      const answer = actor === "requestCode" ? await call() : undefined;
      done();
      await untilAborted(ctx.signal);
      return answer ?? (await call());
    } finally {
      done();
    }
  };

  const scriptedTransport: Transport = {
    getAccount: (query, ctx) =>
      gated(query === "isDeviceActivated" ? "checkDeviceActivation" : "checkAccountBlock", ctx, () =>
        transport.getAccount(query, ctx),
      ),
    getTrustedPhoneNumber: (ctx) =>
      gated("readTrustedPhone", ctx, () => transport.getTrustedPhoneNumber(ctx)),
    requestSmsCode: (ctx) => gated("requestCode", ctx, () => transport.requestSmsCode(ctx)),
    validateSmsCode: (code, ctx) =>
      gated("validateCode", ctx, () => transport.validateSmsCode(code, ctx), code),
  };
  const scriptedToken: InweboToken = {
    isConfigured: () => token.isConfigured(),
    activationStart: (code, ctx) => token.activationStart(code, ctx),
    activationFinalize: (ctx) => token.activationFinalize(ctx),
    state: () => token.state(),
    exportState: () => token.exportState(),
    synchronize: async (ctx) => {
      const release = await gates.arrive("synchronizeToken", ctx.signal);
      const outcome = release?.outcome;
      try {
        if (outcome?.kind !== "code") return await token.synchronize(ctx);
        if (outcome.code !== 2202) {
          sim.failNext("smscode.set", outcome.code);
          return await token.synchronize(ctx);
        }
        sim.setOffline(true);
        const answer = await token.synchronize(ctx);
        sim.setOffline(false);
        return answer;
      } finally {
        release?.done();
      }
    },
  };
  return { transport: scriptedTransport, token: scriptedToken };
};

/** What the model predicts and the actor must show: the state and every fact in context but deadlines. */
const observable = (snapshot: AnyMachineSnapshot) => {
  const { codeExpiresAt: _expires, resendAvailableAt: _resend, ...facts } = snapshot.context;
  return { value: snapshot.value, status: snapshot.status, context: facts };
};

/** The view model without its countdowns, which depend on the clock. */
const viewOf = (snapshot: AnyMachineSnapshot) => {
  const {
    resendInSeconds: _r,
    codeExpiresInSeconds: _c,
    ...view
  } = toViewModel(snapshot as Parameters<typeof toViewModel>[0]);
  return view;
};

export interface PathRun {
  readonly steps: number;
  readonly restores: number;
}

/** A run in progress, as a restore hook sees it: the actor of the moment, its backend and clock. */
export interface LiveRun {
  readonly actor: EnrollmentActor;
  readonly sim: Simulator;
  readonly clock: SimulatedClock;
  /** The actors whose call waits at its gate. */
  waiting(): ActorId[];
  /** Lets the next call of `actor` through, to end with `outcome` (default: the backend's own answer). */
  release(actor: ActorId, outcome?: Outcome): Promise<void>;
}

/** Stop the path after one step: persist there, restore, and finish some other way. */
export interface RestoreAt {
  /** The index of the step after which the actor is persisted (JSON), dropped and restored. */
  readonly restoreAt: number;
  /** Runs before the snapshot is taken (for instance, lets the request in flight reach the backend). */
  readonly before?: (run: LiveRun) => Promise<void>;
  /** Drives the restored actor instead of the rest of the path. */
  readonly after: (run: LiveRun) => Promise<void>;
}

/**
 * Runs one generated path against the real actor on the simulator, asserting every step. With
 * `restore`, the path stops after step `restoreAt`, the actor goes through JSON into a new actor on
 * the same services and clock, and `restore.after` drives it.
 */
export const runPath = async (
  path: ModelPath,
  inspect?: (event: InspectionEvent) => void,
  restore?: RestoreAt,
): Promise<PathRun> => {
  const plan = planOf(path);
  const clock = clockAtT0();
  const sim = simulatorFor(plan, clock);
  const gates = createGates();
  const services = scriptedServices(sim, gates);
  const initFails = (plan.get("initializeFacade") ?? []).some((o) => o.kind === "code");
  const config = initFails ? { ...developmentConfig, profile: { brand: "Fiat" } } : developmentConfig;
  const history: AnyMachineSnapshot[] = [];
  let restores = 0;

  const bug = path.steps.map((s) => s.event).find((e) => "bug" in e);
  const spawn = (snapshot?: Snapshot<unknown>): EnrollmentActor => {
    const prepared = prepareEnrollmentActor({
      services,
      config,
      clock,
      ...(snapshot ? { snapshot } : {}),
      ...(inspect ? { inspect } : {}),
    });
    const throwing = bug && { [bug.actorId]: fromPromise(() => Promise.reject(new Error("bug"))) };
    const machine = throwing ? prepared.machine.provide({ actors: throwing }) : prepared.machine;
    const actor = createActor(machine, prepared.actorOptions);
    prepared.bind(actor);
    actor.subscribe({ next: (s) => history.push(s), error: () => {} });
    actor.start();
    return actor;
  };
  let actor = spawn();
  let cursor = 0;

  /** The first snapshot from `cursor` on that shows what the model expects; waits for it if need be. */
  const reach = async (expected: AnyMachineSnapshot, label: string) => {
    const want = observable(expected);
    const found = () => history.findIndex((s, i) => i >= cursor && equal(observable(s), want));
    // Found at once, it returns without waiting: the next event goes out before the actor's pending
    // promises settle, as the path's order of events says.
    const now = found();
    cursor =
      now >= 0
        ? now
        : await vi
            .waitFor(
              () => {
                const index = found();
                if (index < 0) throw new Error(`after ${label}: the snapshot the model expects never came`);
                return index;
              },
              { timeout: 2_000, interval: 1 },
            )
            .catch((neverCame: unknown) => {
              // Fails with the difference between what the actor shows now and what the model expects.
              expect(observable(actor.getSnapshot()), `after ${label}`).toEqual(want);
              throw neverCame;
            });
    return history[cursor] as AnyMachineSnapshot;
  };

  const upcoming = (index: number) => path.steps.slice(index + 1).find((s) => "outcome" in s.event)?.event;

  for (const [index, step] of path.steps.entries()) {
    const { event } = step as ModelStep;
    const label = `step ${index + 1} (${event.type})`;
    if ("bug" in event) {
      // The actor was replaced by one that throws as soon as it starts.
    } else if ("outcome" in event && event.actorId === "initializeFacade") {
      // The facade's initialisation is local: the config decided its outcome.
    } else if ("outcome" in event && event.outcome.kind === "interrupted") {
      await gates.release(event.actorId, event.outcome);
      const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
      actor.stop();
      restores += 1;
      actor = spawn(persisted);
    } else if (event.type === "code.lost") {
      // The app was killed while the validation waited for `retry`: the restored actor has no code to send.
      const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
      actor.stop();
      restores += 1;
      actor = spawn(persisted);
    } else if ("outcome" in event) {
      void gates.release(event.actorId, event.outcome);
    } else if (event.type === "deadline.resend" || event.type === "deadline.code") {
      const { context } = actor.getSnapshot();
      const at = event.type === "deadline.resend" ? context.resendAvailableAt : context.codeExpiresAt;
      expect(at, `${label}: a deadline to wait for`).not.toBeNull();
      clock.set(Math.max(clock.now(), at ?? 0));
    } else if (event.type === "code.submit" && event.code === SENT_CODE) {
      const next = upcoming(index);
      const sent = sim.outbox.at(-1)?.code ?? SENT_CODE;
      const wrongCode =
        next && "outcome" in next && next.outcome.kind === "code" && next.outcome.code === 2305;
      actor.send({ type: "code.submit", code: wrongCode ? wrong(sent) : sent });
    } else {
      actor.send(event);
    }
    const before = index === 0 ? initialState : (path.steps[index - 1]?.state ?? initialState);
    const specified = expectedLeaf(before, event);
    if (specified !== undefined)
      expect(leafOf(step.state.value), `the spec's target of ${label}`).toBe(specified);
    const reached = await reach(step.state, label);
    expect(viewOf(reached), `view after ${label}`).toEqual(viewOf(step.state));
    if (step.state.status === "done")
      expect(reached.output, `output after ${label}`).toEqual(step.state.output);
    if (index === restore?.restoreAt) {
      const run: LiveRun = {
        get actor() {
          return actor;
        },
        sim,
        clock,
        waiting: () => gates.waiting(),
        release: (id, outcome = { kind: "backend" }) => gates.release(id, outcome),
      };
      await restore.before?.(run);
      const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
      actor.stop();
      restores += 1;
      actor = spawn(persisted);
      await restore.after(run);
      break;
    }
  }
  actor.stop();
  return { steps: path.steps.length, restores };
};

const wrong = (code: string) => code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type { ErrorCode };
