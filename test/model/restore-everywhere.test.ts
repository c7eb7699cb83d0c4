import { describe, expect, it, vi } from "vitest";
import type { AnyMachineSnapshot } from "xstate";
import type { EnrollmentEvent } from "../../src/machines";
import { settle } from "../support/timing";
import type { ActorId } from "./fixtures";
import { leafOf } from "./oracle";
import { generatePaths, type ModelPath, serializeState } from "./paths";
import { type LiveRun, runPath } from "./runner";

/**
 * Every waiting and working state the generated paths reach, persisted there (JSON), dropped, restored
 * on a new actor over the same backend and clock, and finished to the handoff by a user who never
 * cancels: whatever is pending is answered, stalled steps are retried, a new code is asked for after
 * the cooldown, and the code the phone received is typed.
 */

interface RestorePoint {
  readonly key: string;
  readonly path: ModelPath;
  readonly restoreAt: number;
}

/** The state the actor is persisted in. */
const stateOf = (point: RestorePoint): AnyMachineSnapshot =>
  point.path.steps[point.restoreAt]?.state as AnyMachineSnapshot;

/** For each distinct state (where, and the counters the guards read), the shortest path to it. */
const restorePoints = (): Map<string, RestorePoint[]> => {
  const shortest = new Map<string, RestorePoint>();
  for (const path of generatePaths()) {
    for (const [index, { state }] of path.steps.entries()) {
      if (state.status !== "active") continue;
      const key = serializeState(state);
      const known = shortest.get(key);
      if (known && known.restoreAt <= index) continue;
      // The path's own later steps do not shape the backend: only what led here does.
      shortest.set(key, { key, path: { ...path, steps: path.steps.slice(0, index + 1) }, restoreAt: index });
    }
  }
  const byLeaf = new Map<string, RestorePoint[]>();
  for (const point of shortest.values()) {
    const leaf = leafOf(stateOf(point).value);
    byLeaf.set(leaf, [...(byLeaf.get(leaf) ?? []), point]);
  }
  return byLeaf;
};

const points = restorePoints();
const leaves = [...points.keys()].sort();

/** Waits until the restored flow waits for someone: done, idle for the user, or a call at its gate. */
const quiet = (run: LiveRun) =>
  vi.waitFor(
    () => {
      const snapshot = run.actor.getSnapshot();
      if (snapshot.status !== "active" || !snapshot.hasTag("busy") || run.waiting().length > 0) return;
      throw new Error(`the restored actor is still busy in ${leafOf(snapshot.value)}`);
    },
    { timeout: 2_000, interval: 1 },
  );

const smsRequests = (run: LiveRun) => run.sim.calls.filter((c) => c.operation === "smscode.get").length;

/** What the finishing user did: each event or answer, in order. */
type Move = EnrollmentEvent["type"] | `answer ${ActorId}` | "wait for the cooldown";

/**
 * Drives the flow to a final state as a user who does not give up would, within a budget of moves:
 * answers the call pending at the backend, retries, goes back online, waits out the resend cooldown,
 * asks for a new code when one is needed, and types the last code the phone received.
 */
const finish = async (run: LiveRun, budget = 40): Promise<Move[]> => {
  const moves: Move[] = [];
  const send = (event: EnrollmentEvent) => {
    moves.push(event.type);
    run.actor.send(event);
  };
  const waitForCooldown = () => {
    const { resendReady, resendAvailableAt } = run.actor.getSnapshot().context;
    if (resendReady || resendAvailableAt === null) return;
    moves.push("wait for the cooldown");
    run.clock.set(Math.max(run.clock.now(), resendAvailableAt));
  };
  while (moves.length < budget) {
    await quiet(run);
    const snapshot = run.actor.getSnapshot();
    if (snapshot.status !== "active") return moves;
    const pending = run.waiting();
    if (pending.length > 0) {
      for (const id of pending) {
        moves.push(`answer ${id}`);
        await run.release(id);
      }
      continue;
    }
    const [step, phase] = leafOf(snapshot.value).split(".");
    const code = run.sim.outbox.at(-1)?.code;
    if (step === "idle") send({ type: "start" });
    else if (phase === "offline") send({ type: "network.online" });
    else if (phase === "stalled") {
      if (step === "requestingCode") waitForCooldown();
      send({ type: "retry" });
    } else if (phase === "expired" || (step === "awaitingCode" && code === undefined)) {
      waitForCooldown();
      send({ type: "code.resend" });
    } else if (step === "awaitingCode" && code !== undefined) send({ type: "code.submit", code });
    else throw new Error(`no move known in ${leafOf(snapshot.value)}`);
    await settle();
  }
  throw new Error(`not finished after ${budget} moves: ${moves.join(", ")}`);
};

/** SMS requests the backend saw, or SMS it sent: at the restore, and once the restored flow settled. */
interface Counts {
  atRestore: number;
  beforeAsked: number;
}

/** Restored at `point` and driven to a final state: the moves it took, its output, and the SMS traffic around the restore. */
const restoreAndFinish = async (
  point: RestorePoint,
  before?: (run: LiveRun) => Promise<void>,
): Promise<{ moves: Move[]; output: unknown; requests: Counts; outbox: Counts }> => {
  let moves: Move[] = [];
  let output: unknown;
  const requests = { atRestore: 0, beforeAsked: 0 };
  const outbox = { atRestore: 0, beforeAsked: 0 };
  await runPath(point.path, undefined, {
    restoreAt: point.restoreAt,
    ...(before ? { before } : {}),
    after: async (run) => {
      // The dropped actor's call, if one was held, settles as aborted first.
      await settle();
      requests.atRestore = smsRequests(run);
      outbox.atRestore = run.sim.outbox.length;
      await quiet(run);
      await settle();
      requests.beforeAsked = smsRequests(run);
      outbox.beforeAsked = run.sim.outbox.length;
      moves = await finish(run);
      output = run.actor.getSnapshot().output;
    },
  });
  expect(outbox.beforeAsked).toBe(outbox.atRestore);
  return { moves, output, requests, outbox };
};

describe("a flow persisted in any state the generated paths reach, restored, still ends in the handoff", () => {
  it("reaches every waiting and working state of the machine", () => {
    expect(leaves).toEqual(
      [
        "awaitingCode.editing",
        "awaitingCode.expired",
        "awaitingCode.rejected",
        "awaitingCode.retype",
        "awaitingCode.unconfirmed",
        "checkingDevice.accountBlock",
        "checkingDevice.deviceActivation",
        "checkingDevice.offline",
        "checkingDevice.stalled",
        "checkingTrustedPhone.offline",
        "checkingTrustedPhone.reading",
        "checkingTrustedPhone.stalled",
        "idle",
        "initializing",
        "requestingCode.offline",
        "requestingCode.sending",
        "requestingCode.stalled",
        "synchronizing.offline",
        "synchronizing.stalled",
        "synchronizing.syncing",
        "validatingCode.checking",
        "validatingCode.offline",
        "validatingCode.stalled",
      ].sort(),
    );
  });

  it.each(leaves)("restored in %s", async (leaf) => {
    const at = points.get(leaf) ?? [];
    expect(at.length).toBeGreaterThan(0);
    for (const point of at) {
      const { moves, output, requests } = await restoreAndFinish(point);
      expect(output, `${point.key} finished by ${moves.join(", ")}`).toMatchObject({ outcome: "handoff" });
      // Restoring sends nothing by itself: an SMS request is only made when the flow or the user asks.
      expect(requests.beforeAsked, `${point.key}: requests made by the restore itself`).toBe(
        requests.atRestore,
      );
      expect(moves.length, point.key).toBeGreaterThan(0);
    }
  });
});

describe("restored while the token's post-synchronization was pending (after 2316)", () => {
  const synchronizing = [...points.values()]
    .flat()
    .filter((point) => stateOf(point).matches("synchronizing"));

  it("retries only the synchronization and hands off with the validated status: no new SMS code, sends left or not", async () => {
    expect(synchronizing.length).toBeGreaterThan(0);
    // Some of them have no send left: a new code could not be had.
    expect(
      synchronizing.some((point) => {
        const { context } = stateOf(point);
        return context.sendsUsed >= context.timers.maxSends;
      }),
    ).toBe(true);
    for (const point of synchronizing) {
      const { moves, output, requests } = await restoreAndFinish(point);
      // No path to synchronizing has an already enrolled account: its validation answered NotEnrolled.
      expect(output, `${point.key} finished by ${moves.join(", ")}`).toMatchObject({
        outcome: "handoff",
        status: "NotEnrolled",
      });
      expect(moves, point.key).not.toContain("code.resend");
      expect(moves, point.key).not.toContain("code.submit");
      expect(moves, point.key).not.toContain("answer validateCode");
      expect(requests.beforeAsked, point.key).toBe(requests.atRestore);
    }
  });
});

describe("restored while the SMS request was in flight", () => {
  const sending = points.get("requestingCode.sending") ?? [];

  /** After the restore, an SMS request is made only after the user asked for one (resend or retry). */
  const expectNoUnaskedRequest = (moves: Move[], requests: Counts, label: string) => {
    expect(requests.beforeAsked, label).toBe(requests.atRestore);
    const firstAsk = moves.findIndex((m) => m === "code.resend" || m === "retry");
    const firstRequestAnswered = moves.indexOf("answer requestCode");
    if (firstRequestAnswered >= 0) expect(firstAsk, label).toBeGreaterThanOrEqual(0);
    if (firstRequestAnswered >= 0) expect(firstAsk, label).toBeLessThan(firstRequestAnswered);
  };

  it("before it reached the backend: no SMS went out, and none goes out until the user asks", async () => {
    expect(sending.length).toBeGreaterThan(0);
    for (const point of sending) {
      const { moves, requests, outbox } = await restoreAndFinish(point);
      expectNoUnaskedRequest(moves, requests, point.key);
      // This request sent nothing: the user types an earlier code if there is one, or asks for a code.
      expect(moves[0], point.key).toBe(outbox.atRestore === 0 ? "code.resend" : "code.submit");
    }
  });

  it("after the SMS left but before its answer came back: the user types that SMS, no second one is sent", async () => {
    for (const point of sending) {
      let sentBeforeRestore = 0;
      const { moves, requests } = await restoreAndFinish(point, async (run) => {
        const before = run.sim.outbox.length;
        await run.release("requestCode", { kind: "interrupted" });
        sentBeforeRestore = run.sim.outbox.length - before;
      });
      expect(sentBeforeRestore, point.key).toBe(1);
      expectNoUnaskedRequest(moves, requests, point.key);
      expect(moves, point.key).not.toContain("code.resend");
      expect(moves[0], point.key).toBe("code.submit");
    }
  });
});
