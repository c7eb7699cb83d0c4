import { describe, expect, it } from "vitest";
import { createActor, type Snapshot, waitFor } from "xstate";
import {
  createEnrollmentActor,
  ENROLLMENT_SNAPSHOT_VERSION,
  EnrollmentSnapshotError,
  enrollmentMachine,
  parseEnrollmentSnapshot,
  prepareEnrollmentActor,
  toViewModel,
} from "../../src";
import { createSimulator } from "../../src/simulator";
import { startFlow } from "../support/flow";

type Persisted = Record<string, unknown> & {
  context: Record<string, unknown>;
  children: Record<string, unknown>;
};

/** A flow persisted in code entry, as JSON, on a simulator whose outbox holds the code it sent. */
const persistedInCodeEntry = async () => {
  const flow = startFlow();
  flow.actor.send({ type: "start" });
  await flow.until("awaitingCode");
  const persisted = JSON.parse(JSON.stringify(flow.actor.getPersistedSnapshot())) as Persisted;
  flow.actor.stop();
  return { flow, persisted };
};

const restore = (flow: Awaited<ReturnType<typeof persistedInCodeEntry>>["flow"], snapshot: unknown) =>
  createEnrollmentActor({
    services: flow.sim.services,
    clock: flow.clock,
    snapshot: snapshot as Snapshot<unknown>,
  });

const refusal = (act: () => unknown): EnrollmentSnapshotError => {
  try {
    act();
  } catch (error) {
    expect(error).toBeInstanceOf(EnrollmentSnapshotError);
    return error as EnrollmentSnapshotError;
  }
  throw new Error("expected an EnrollmentSnapshotError, nothing was thrown");
};

describe("a saved snapshot is checked before it is restored", () => {
  it("from another machine (a state this one lacks) throws at creation, never later from a timer", async () => {
    const { flow, persisted } = await persistedInCodeEntry();
    const error = refusal(() => restore(flow, { ...persisted, value: { awaitingPin: "editing" } }));
    expect(error.name).toBe("EnrollmentSnapshotError");
    expect(error.message).toContain(
      'value: {"awaitingPin":"editing"} is not a state of the enrollment machine',
    );
  });

  it("edited to sendsUsed: -1000 is refused, where it used to show 1,003 sends left", async () => {
    const { flow, persisted } = await persistedInCodeEntry();
    const edited = { ...persisted, context: { ...persisted.context, sendsUsed: -1000 } };
    expect(refusal(() => restore(flow, edited)).message).toContain(
      'context.sendsUsed: too small {"origin":"number","minimum":0',
    );
  });

  it("refuses counters beyond their limits, deadlines that are not finite, fields of the wrong type", async () => {
    const { flow, persisted } = await persistedInCodeEntry();
    const cases: [Record<string, unknown>, string][] = [
      [{ sendsUsed: 4 }, "sendsUsed is more than timers.maxSends"],
      [{ attemptsLeft: 7 }, "attemptsLeft is more than timers.maxAttempts"],
      [{ attemptsLeft: 1.5 }, "context.attemptsLeft: expected an integer"],
      // A structured clone (IndexedDB) keeps what JSON cannot.
      [{ codeExpiresAt: Number.POSITIVE_INFINITY }, "context.codeExpiresAt"],
      [{ resendAvailableAt: Number.NaN }, "context.resendAvailableAt"],
      [{ resendReady: "yes" }, 'context.resendReady: invalid type {"expected":"boolean"'],
      [{ error: { code: 9999, label: "?" } }, "context.error.code: not a code of the catalogue"],
      [
        { timers: { ...(persisted.context.timers as object), maxSends: 0 } },
        'context.timers.maxSends: too small {"origin":"number","minimum":1',
      ],
      [{ extra: 1 }, 'context: unrecognized keys {"keys":["extra"]}'],
    ];
    for (const [change, message] of cases) {
      const edited = { ...persisted, context: { ...persisted.context, ...change } };
      expect(refusal(() => restore(flow, edited)).message, JSON.stringify(change)).toContain(message);
    }
  });

  it("restores exactly the actors a state runs, whatever children the snapshot lists", async () => {
    const listed = [
      {},
      { requestCode: { src: "requestCode", snapshot: { status: "active" }, syncSnapshot: false } },
    ];
    for (const children of listed) {
      const { flow, persisted } = await persistedInCodeEntry();
      const actor = restore(flow, { ...persisted, children }).start();
      expect(Object.keys(actor.getSnapshot().children)).toEqual(["codeDeadlines"]);
      // The code still expires: the deadline timer runs, from the context's deadlines.
      flow.clock.increment(5 * 60_000);
      expect(actor.getSnapshot().value).toEqual({ awaitingCode: "expired" });
      actor.stop();
      expect(flow.sim.outbox).toHaveLength(1);
    }
  });

  it("never takes a running child's claimed output: a forged done check does not skip to alreadyActivated", async () => {
    const flow = startFlow();
    flow.sim.setLatency(50);
    flow.actor.send({ type: "start" });
    await flow.until({ checkingDevice: "deviceActivation" });
    const persisted = JSON.parse(JSON.stringify(flow.actor.getPersistedSnapshot())) as Persisted;
    flow.actor.stop();
    const forged = {
      ...persisted,
      children: {
        checkDeviceActivation: {
          src: "checkDeviceActivation",
          syncSnapshot: false,
          snapshot: { status: "done", output: { ok: true, value: { isDeviceActivated: true }, at: 0 } },
        },
      },
    };
    const actor = restore(flow, forged).start();
    const next = await waitFor(actor, (s) => !s.matches({ checkingDevice: "deviceActivation" }));
    expect(next.value).toEqual({ checkingDevice: "accountBlock" });
    actor.stop();
  });

  it("refuses a status that does not fit the state, and a state it only passes through", async () => {
    const { flow, persisted } = await persistedInCodeEntry();
    expect(refusal(() => restore(flow, { ...persisted, status: "done" })).message).toContain(
      'status: "done" does not fit the state {"awaitingCode":"editing"}',
    );
    expect(refusal(() => restore(flow, { ...persisted, status: "error" })).message).toContain("status");
    const failure = { ...persisted, value: { requestingCode: "failure" } };
    expect(refusal(() => restore(flow, failure)).message).toContain("is not a state");
  });

  it("refuses what is not a snapshot at all, and a snapshot whose getters throw", () => {
    const sim = createSimulator();
    for (const value of [42, "snapshot", [], {}, { status: "active" }]) {
      expect(() => createEnrollmentActor({ services: sim.services, snapshot: value as never })).toThrow(
        EnrollmentSnapshotError,
      );
    }
    const hostile = {
      get status(): string {
        throw new Error("no access");
      },
    };
    expect(refusal(() => parseEnrollmentSnapshot(hostile)).message).toContain("could not be read");
  });

  it("takes a null snapshot (nothing was stored) as none: a fresh flow", () => {
    const sim = createSimulator();
    const actor = createEnrollmentActor({ services: sim.services, snapshot: null });
    expect(actor.getSnapshot().value).toBe("idle");
  });
});

describe("what a refused snapshot's message says", () => {
  it("says it once: a refusal is not wrapped again as a snapshot that could not be read", async () => {
    const { flow, persisted } = await persistedInCodeEntry();
    expect(refusal(() => restore(flow, { ...persisted, version: 2 })).message).toBe(
      "Cannot restore this enrollment snapshot: its format version is 2, this release reads 1",
    );
  });

  it("names what is missing: no snapshot object, no state value", async () => {
    expect(refusal(() => parseEnrollmentSnapshot(undefined)).message).toBe(
      'Cannot restore this enrollment snapshot: : invalid type {"expected":"object"}',
    );
    const { flow, persisted } = await persistedInCodeEntry();
    const { value: _, ...valueless } = persisted;
    expect(refusal(() => restore(flow, valueless)).message).toContain(
      "value: undefined is not a state of the enrollment machine",
    );
  });

  it("lists the first five problems of a snapshot wrong everywhere, one after another", async () => {
    const { flow, persisted } = await persistedInCodeEntry();
    const wrong = { phoneNumber: 1, sendsUsed: "1", attemptsLeft: "3", resendReady: 0, online: 0, status: 7 };
    const message = refusal(() =>
      restore(flow, { ...persisted, context: { ...persisted.context, ...wrong } }),
    ).message.replace("Cannot restore this enrollment snapshot: ", "");
    expect(message.split("; ").map((issue) => issue.slice(0, issue.indexOf(":")))).toEqual([
      "context.phoneNumber",
      "context.sendsUsed",
      "context.attemptsLeft",
      "context.resendReady",
      "context.online",
    ]);
  });
});

describe("the snapshot format's version", () => {
  it("is in every persisted snapshot, and one from another version is refused", async () => {
    const { flow, persisted } = await persistedInCodeEntry();
    expect(persisted.version).toBe(ENROLLMENT_SNAPSHOT_VERSION);
    const message = refusal(() => restore(flow, { ...persisted, version: 2 })).message;
    expect(message).toContain("its format version is 2, this release reads 1");
  });

  it("is absent from the first release's snapshots, which restore when they validate", async () => {
    const { flow, persisted } = await persistedInCodeEntry();
    const { version: _, ...firstRelease } = persisted;
    const actor = restore(flow, firstRelease).start();
    actor.send({ type: "code.submit", code: flow.lastCode() });
    const done = await waitFor(actor, (s) => s.status === "done");
    expect(done.output).toMatchObject({ outcome: "handoff" });
    expect(flow.sim.outbox).toHaveLength(1);
  });
});

describe("what a restored snapshot derives from its context", () => {
  /** A flow taken to the handoff, and its persisted snapshot as storage gives it back. */
  const handedOff = async () => {
    const flow = startFlow();
    flow.actor.send({ type: "start" });
    await flow.until("awaitingCode");
    flow.actor.send({ type: "code.submit", code: flow.lastCode() });
    await flow.until("handoff");
    return { flow, persisted: JSON.parse(JSON.stringify(flow.actor.getPersistedSnapshot())) as Persisted };
  };

  it("a finished flow's output is its final state's, whatever the snapshot claimed", async () => {
    const { flow, persisted } = await handedOff();
    const forged = { ...persisted, output: { outcome: "cancelled" } };
    const restored = restore({ ...flow } as never, forged);
    expect(restored.getSnapshot().output).toEqual({
      outcome: "handoff",
      status: "NotEnrolled",
      next: { api: "pims.authentication.enrollment", action: "enroll", pin: "new" },
    });
  });

  it("a flow handed off with no status recorded outputs NotEnrolled: the app creates a new PIN", async () => {
    const { flow, persisted } = await handedOff();
    const statusless = { ...persisted, context: { ...persisted.context, status: null } };
    expect(restore({ ...flow } as never, statusless).getSnapshot().output).toMatchObject({
      status: "NotEnrolled",
      next: { pin: "new" },
    });
  });

  it("a deadline in fractions of a ms (a performance.now clock) restores, and the code expires on it", async () => {
    const { flow, persisted } = await persistedInCodeEntry();
    const codeExpiresAt = (persisted.context.codeExpiresAt as number) + 0.5;
    const actor = restore(flow, { ...persisted, context: { ...persisted.context, codeExpiresAt } }).start();
    expect(actor.getSnapshot().context.codeExpiresAt).toBe(codeExpiresAt);
    flow.clock.increment(5 * 60_000 + 1);
    expect(actor.getSnapshot().value).toEqual({ awaitingCode: "expired" });
    actor.stop();
  });

  it("a deadline timer runs on the context's deadlines, not on a stale copy in its input", async () => {
    const { flow, persisted } = await persistedInCodeEntry();
    const codeDeadlines = persisted.children.codeDeadlines as {
      snapshot: { input: Record<string, unknown> };
    };
    const stale = {
      ...persisted,
      children: {
        codeDeadlines: {
          ...codeDeadlines,
          snapshot: {
            ...codeDeadlines.snapshot,
            input: { codeExpiresAt: null, resendAvailableAt: null, resendReady: true },
          },
        },
      },
    };
    const actor = restore(flow, stale).start();
    flow.clock.increment(5 * 60_000);
    expect(actor.getSnapshot().value).toEqual({ awaitingCode: "expired" });
  });
});

describe("an app that calls createActor itself", () => {
  it("parses first: parseEnrollmentSnapshot gives what createActor restores", async () => {
    const { flow, persisted } = await persistedInCodeEntry();
    const prepared = prepareEnrollmentActor({ services: flow.sim.services, clock: flow.clock });
    const actor = createActor(prepared.machine, {
      ...prepared.actorOptions,
      snapshot: parseEnrollmentSnapshot(JSON.parse(JSON.stringify(persisted))),
    });
    prepared.bind(actor);
    actor.start();
    actor.send({ type: "code.submit", code: flow.lastCode() });
    expect((await waitFor(actor, (s) => s.status === "done")).output).toMatchObject({ outcome: "handoff" });
  });

  it("without the engine's dependencies, a restored code entry runs its deadlines on the system clock", async () => {
    const { persisted } = await persistedInCodeEntry();
    const actor = createActor(enrollmentMachine, { snapshot: parseEnrollmentSnapshot(persisted) }).start();
    expect(actor.getSnapshot().status).toBe("active");
    expect(Object.keys(actor.getSnapshot().children)).toEqual(["codeDeadlines"]);
    actor.stop();
  });

  it("without parsing, gets an actor in XState's error status, which the view model shows as failed", async () => {
    const { persisted } = await persistedInCodeEntry();
    const actor = createActor(enrollmentMachine, { snapshot: { ...persisted, value: "gone" } as never });
    const snapshot = actor.getSnapshot();
    expect(snapshot.status).toBe("error");
    expect(toViewModel(snapshot)).toMatchObject({
      step: "failed",
      done: true,
      busy: false,
      error: { code: 2000, label: "Unknown error" },
      output: { outcome: "failed", error: { code: 2000, label: "Unknown error" } },
    });
  });
});
