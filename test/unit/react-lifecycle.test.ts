// @vitest-environment happy-dom
import { act, cleanup, render } from "@testing-library/react";
import { Activity, createElement, type ReactNode, StrictMode, useEffect } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { type Snapshot, waitFor } from "xstate";
import { createEnrollmentActor, type EnrollmentActor } from "../../src";
import { type UseEnrollment, useEnrollment } from "../../src/react";
import { createSimulator, type Simulator } from "../../src/simulator";
import { clockAtT0 } from "../support/fixtures";
import { callsOf } from "../support/flow";

// React warns unless it knows it runs under a test's act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(cleanup);

/** `<Activity mode={mode}>{child}</Activity>`; React's types want the child as a prop, the linter as an argument. */
const inActivity = (mode: "visible" | "hidden", child: ReactNode) =>
  createElement(
    Activity as (props: { mode: "visible" | "hidden"; children?: ReactNode }) => ReactNode,
    { mode },
    child,
  );

interface Harness {
  latest?: UseEnrollment;
  renders: number;
}

/** A component that runs the hook and hands the test what it returned, render after render. */
const Flow = ({ harness, options }: { harness: Harness; options: Parameters<typeof useEnrollment>[0] }) => {
  const enrollment = useEnrollment(options);
  harness.latest = enrollment;
  harness.renders += 1;
  useEffect(() => {});
  return null;
};

const setup = (options: { latencyMs?: number; snapshot?: Snapshot<unknown> | unknown } = {}) => {
  const clock = clockAtT0();
  const sim = createSimulator({ seed: 8, now: () => clock.now() });
  if (options.latencyMs) sim.setLatency(options.latencyMs);
  const harness: Harness = { renders: 0 };
  const hookOptions = {
    services: sim.services,
    clock,
    ...(options.snapshot === undefined ? {} : { snapshot: options.snapshot as Snapshot<unknown> }),
  };
  return { sim, clock, harness, hookOptions };
};

const actorOf = (harness: Harness): EnrollmentActor => {
  if (!harness.latest) throw new Error("not rendered");
  return harness.latest.actor;
};

const settle = async (harness: Harness, done: (actor: EnrollmentActor) => boolean) => {
  await act(async () => {
    await waitFor(actorOf(harness), (s) => done(actorOf(harness)) || s.status !== "active", {
      timeout: 3_000,
    });
  });
};

/** Every call of each operation the simulator saw, and every error the flow recorded on the way. */
const watchErrors = (harness: Harness) => {
  const errors: number[] = [];
  actorOf(harness).subscribe((s) => {
    if (s.context.error) errors.push(s.context.error.code);
  });
  return errors;
};

const finishFlow = async (harness: Harness, sim: Simulator) => {
  await settle(harness, (actor) => actor.getSnapshot().matches("awaitingCode"));
  await act(async () => harness.latest?.submit(sim.outbox.at(-1)?.code ?? ""));
  await settle(harness, (actor) => actor.getSnapshot().status === "done");
};

const requestsPerOperation = (sim: Simulator) =>
  Object.fromEntries(
    ["account.get", "trustedphonenumber.get", "smscode.get", "smscode.set"].map((op) => [
      op,
      callsOf(sim, op),
    ]),
  );

describe("useEnrollment under StrictMode", () => {
  it("keeps one actor, wired once, and makes exactly one request per step to the handoff", async () => {
    const { sim, harness, hookOptions } = setup({ latencyMs: 5 });
    render(createElement(StrictMode, null, createElement(Flow, { harness, options: hookOptions })));
    const actor = actorOf(harness);
    const send = actor.send;
    await act(async () => harness.latest?.start());
    const errors = watchErrors(harness);
    await finishFlow(harness, sim);
    expect(actorOf(harness)).toBe(actor);
    // Wired once: re-renders do not wrap send again.
    expect(actorOf(harness).send).toBe(send);
    expect(actor.getSnapshot().output).toMatchObject({ outcome: "handoff" });
    expect(requestsPerOperation(sim)).toEqual({
      "account.get": 2,
      "trustedphonenumber.get": 1,
      "smscode.get": 1,
      "smscode.set": 1,
    });
    expect(errors).toEqual([]);
  });

  it("restored from a snapshot taken while a check was in flight: one request per step, no invented 2000", async () => {
    const first = setup({ latencyMs: 50 });
    const original = createEnrollmentActor({ services: first.sim.services, clock: first.clock }).start();
    original.send({ type: "start" });
    await waitFor(original, (s) => s.matches({ checkingDevice: "deviceActivation" }));
    const persisted = JSON.parse(JSON.stringify(original.getPersistedSnapshot()));
    original.stop();
    const { sim, harness, hookOptions } = setup({ latencyMs: 5, snapshot: persisted });
    render(createElement(StrictMode, null, createElement(Flow, { harness, options: hookOptions })));
    const errors = watchErrors(harness);
    await finishFlow(harness, sim);
    expect(actorOf(harness).getSnapshot().output).toMatchObject({ outcome: "handoff" });
    expect(errors).toEqual([]);
    expect(requestsPerOperation(sim)).toEqual({
      "account.get": 2,
      "trustedphonenumber.get": 1,
      "smscode.get": 1,
      "smscode.set": 1,
    });
  });

  it("with a snapshot it cannot restore, starts a fresh flow and exposes the error", async () => {
    const { harness, hookOptions } = setup({ snapshot: { status: "active", value: "nowhere" } });
    render(createElement(StrictMode, null, createElement(Flow, { harness, options: hookOptions })));
    expect(harness.latest?.restoreError?.name).toBe("EnrollmentSnapshotError");
    expect(harness.latest?.view.step).toBe("idle");
  });
});

describe("useEnrollment inside React 19's <Activity>", () => {
  it("hidden while the SMS request is in flight and shown again: one SMS, no second request, no invented 2000", async () => {
    const { sim, harness, hookOptions } = setup({ latencyMs: 40 });
    const tree = (mode: "visible" | "hidden") =>
      inActivity(mode, createElement(Flow, { harness, options: hookOptions }));
    const view = render(tree("visible"));
    await act(async () => harness.latest?.start());
    const errors = watchErrors(harness);
    await settle(harness, (actor) => actor.getSnapshot().matches({ requestingCode: "sending" }));
    view.rerender(tree("hidden"));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    view.rerender(tree("visible"));
    await finishFlow(harness, sim);
    expect(actorOf(harness).getSnapshot().output).toMatchObject({ outcome: "handoff" });
    expect(errors).toEqual([]);
    expect(sim.outbox).toHaveLength(1);
    expect(requestsPerOperation(sim)).toEqual({
      "account.get": 2,
      "trustedphonenumber.get": 1,
      "smscode.get": 1,
      "smscode.set": 1,
    });
  });

  it("hidden while the code is being validated and shown again: one validation", async () => {
    const { sim, harness, hookOptions } = setup({ latencyMs: 40 });
    const tree = (mode: "visible" | "hidden") =>
      inActivity(mode, createElement(Flow, { harness, options: hookOptions }));
    const view = render(tree("visible"));
    await act(async () => harness.latest?.start());
    await settle(harness, (actor) => actor.getSnapshot().matches("awaitingCode"));
    const errors = watchErrors(harness);
    await act(async () => harness.latest?.submit(sim.outbox.at(-1)?.code ?? ""));
    view.rerender(tree("hidden"));
    await act(async () => new Promise((resolve) => setTimeout(resolve, 10)));
    view.rerender(tree("visible"));
    await settle(harness, (actor) => actor.getSnapshot().status === "done");
    expect(actorOf(harness).getSnapshot().output).toMatchObject({ outcome: "handoff" });
    expect(errors).toEqual([]);
    expect(callsOf(sim, "smscode.set")).toBe(1);
  });
});
