import { describe, expect, it } from "vitest";
import { type AnyMachineSnapshot, type AnyStateNode, getNextSnapshot } from "xstate";
import { labelOf } from "../../src/errors";
import { enrollmentMachine } from "../../src/machines";
import { messageFor, toViewModel } from "../../src/view";
import { errorEvent } from "../support/events";
import { type ActorId, outcomeFixtures } from "./fixtures";
import { leafOf } from "./oracle";
import { modelGraph } from "./paths";

/**
 * What UIs and stored snapshots rely on, in every state the model reaches, stated apart from the
 * machine: which states are busy, which actors run there under which ids (a persisted snapshot names
 * its children by id, so renaming one breaks the snapshots apps have stored), that a request starts
 * with no error shown, and that an actor that throws ends the flow with 2000.
 */

const states: AnyMachineSnapshot[] = Object.values(modelGraph()).map((node) => node.state);
const active = states.filter((s) => s.status === "active");

/** A request is in flight in exactly these states. */
const BUSY = new Set([
  "initializing",
  "checkingDevice.deviceActivation",
  "checkingDevice.accountBlock",
  "checkingTrustedPhone.reading",
  "requestingCode.sending",
  "validatingCode.checking",
  "synchronizing.syncing",
]);

/** The actors each state runs, by invoke id. */
const CHILDREN: Record<string, readonly string[]> = {
  initializing: ["initializeFacade"],
  "checkingDevice.deviceActivation": ["checkDeviceActivation"],
  "checkingDevice.accountBlock": ["checkAccountBlock"],
  "checkingTrustedPhone.reading": ["readTrustedPhone"],
  "requestingCode.sending": ["requestCode"],
  "requestingCode.stalled": ["retryCooldown"],
  "awaitingCode.editing": ["codeDeadlines"],
  "awaitingCode.rejected": ["codeDeadlines"],
  "awaitingCode.unconfirmed": ["codeDeadlines"],
  "awaitingCode.retype": ["codeDeadlines"],
  "awaitingCode.expired": ["codeDeadlines"],
  "validatingCode.checking": ["validateCode"],
  "validatingCode.stalled": ["heldCode"],
  "validatingCode.offline": ["heldCode"],
  "synchronizing.syncing": ["synchronizeToken"],
};

describe("the statechart's contract, in every state the model reaches", () => {
  it("reaches the states this contract speaks of", () => {
    const leaves = new Set(active.map((s) => leafOf(s.value)));
    for (const leaf of [...BUSY, ...Object.keys(CHILDREN)]) expect(leaves).toContain(leaf);
    expect(states.length).toBeGreaterThan(50);
  });

  it("is busy exactly while a request is in flight", () => {
    const wrong = states
      .filter((s) => s.hasTag("busy") !== BUSY.has(leafOf(s.value)))
      .map((s) => `${leafOf(s.value)} busy=${s.hasTag("busy")}`);
    expect(wrong).toEqual([]);
  });

  it("runs the actors of its state under their ids, and none once the flow has ended", () => {
    const wrong = states
      .filter((s) => {
        const expected = s.status === "active" ? (CHILDREN[leafOf(s.value)] ?? []) : [];
        return JSON.stringify(Object.keys(s.children).sort()) !== JSON.stringify([...expected].sort());
      })
      .map((s) => `${leafOf(s.value)}: ${Object.keys(s.children).join(",")}`);
    expect(wrong).toEqual([]);
  });

  it("has neither parallel nor history states: one state at a time, so at most one request in flight", () => {
    // The flow keeps the one call in flight for a restarted child (machines/dependencies.ts), and a
    // persisted snapshot's value names one state (machines/snapshot.ts): both rely on this.
    const kinds = (node: AnyStateNode): string[] => [
      node.type,
      ...Object.values(node.states).flatMap((child) => kinds(child)),
    ];
    const found = new Set(kinds(enrollmentMachine.root));
    expect(found.has("parallel")).toBe(false);
    expect(found.has("history")).toBe(false);
    expect([...found].sort()).toEqual(["atomic", "compound", "final"]);
  });

  it("shows no error while a request is in flight: a retry clears the last one", () => {
    const requests = active.filter((s) => BUSY.has(leafOf(s.value)));
    expect(requests.some((s) => s.context.sendsUsed > 0)).toBe(true);
    expect(requests.filter((s) => s.context.error !== null).map((s) => leafOf(s.value))).toEqual([]);
  });

  it('carries on once back online wherever its message promises to (2202: "We will continue as soon as you are back online")', () => {
    const promise = messageFor(2202);
    const promising = active.filter((s) => toViewModel(s).error?.message === promise);
    expect(new Set(promising.map((s) => leafOf(s.value)))).toEqual(
      new Set([
        "checkingDevice.offline",
        "checkingTrustedPhone.offline",
        "requestingCode.offline",
        "validatingCode.offline",
        "synchronizing.offline",
      ]),
    );
    const broken = promising
      .filter(
        (s) => !getNextSnapshot(enrollmentMachine, s as never, { type: "network.online" }).hasTag("busy"),
      )
      .map((s) => leafOf(s.value));
    expect(broken).toEqual([]);
  });

  it("an actor that throws ends the flow in failed with 2000 Unknown error, in context, output and for every actor", () => {
    const unknown = { code: 2000, label: labelOf(2000) };
    const seen = new Set<string>();
    for (const state of active) {
      for (const id of Object.keys(state.children)) {
        if (!(id in outcomeFixtures)) continue;
        const next = getNextSnapshot(
          // biome-ignore lint/suspicious/noExplicitAny: error events are not in the machine's event union
          enrollmentMachine as any,
          state,
          errorEvent(id, new Error("bug")) as never,
        );
        expect(next.value, `${leafOf(state.value)} → ${id} throws`).toBe("failed");
        expect(next.context.error).toStrictEqual(unknown);
        expect(next.output).toStrictEqual({ outcome: "failed", error: unknown });
        seen.add(id);
      }
    }
    expect([...seen].sort()).toEqual((Object.keys(outcomeFixtures) as ActorId[]).sort());
  });
});
