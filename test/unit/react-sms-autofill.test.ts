// @vitest-environment happy-dom
import { act, cleanup, render } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "xstate";
import type { EnrollmentActor } from "../../src";
import { type UseEnrollment, type UseEnrollmentOptions, useEnrollment } from "../../src/react";
import { createSimulator } from "../../src/simulator";
import { clockAtT0 } from "../support/fixtures";

// React warns unless it knows it runs under a test's act().
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface OtpCall {
  readonly options: { otp?: { transport: string[] }; signal?: AbortSignal };
  readonly resolve: (credential: unknown) => void;
}

/** A stand-in for WebOTP's `navigator.credentials.get`: records each call, the test answers it. */
const stubWebOtp = (): OtpCall[] => {
  const calls: OtpCall[] = [];
  Object.defineProperty(navigator, "credentials", {
    configurable: true,
    value: {
      get: (options: OtpCall["options"]) =>
        new Promise((resolve, reject) => {
          calls.push({ options, resolve });
          options.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
        }),
    },
  });
  return calls;
};

const seen = (calls: readonly OtpCall[]) =>
  calls.map((call) => ({
    transport: call.options.otp?.transport ?? null,
    aborted: call.options.signal?.aborted ?? null,
  }));

let calls: OtpCall[] = [];
beforeEach(() => {
  calls = stubWebOtp();
});
afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, "credentials");
});

const Flow = ({
  harness,
  options,
}: {
  harness: { latest?: UseEnrollment };
  options: UseEnrollmentOptions;
}) => {
  harness.latest = useEnrollment(options);
  return null;
};

const mount = (extra: Partial<UseEnrollmentOptions> = {}) => {
  const clock = clockAtT0();
  const sim = createSimulator({ seed: 15, now: () => clock.now() });
  const harness: { latest?: UseEnrollment } = {};
  const view = render(createElement(Flow, { harness, options: { services: sim.services, clock, ...extra } }));
  const actor = (): EnrollmentActor => {
    if (harness.latest === undefined) throw new Error("not rendered");
    return harness.latest.actor;
  };
  const reach = (done: (actor: EnrollmentActor) => boolean) =>
    act(async () => {
      await waitFor(actor(), (s) => done(actor()) || s.status !== "active", { timeout: 3_000 });
    });
  const toCodeEntry = async () => {
    await act(async () => harness.latest?.start());
    await reach((a) => a.getSnapshot().matches("awaitingCode"));
  };
  return { sim, harness, view, actor, reach, toCodeEntry };
};

describe("useEnrollment's SMS autofill (WebOTP)", () => {
  it("asks in code entry only, and submits the code the browser returns", async () => {
    const flow = mount();
    expect(calls).toHaveLength(0);
    await flow.toCodeEntry();
    expect(seen(calls)).toEqual([{ transport: ["sms"], aborted: false }]);

    const code = flow.sim.outbox.at(-1)?.code ?? "";
    // Full-width digits, as the credential might carry them: normalizeCode makes them ASCII.
    const fullWidth = code.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    await act(async () => calls[0]?.resolve({ type: "otp", id: "", code: fullWidth }));
    await flow.reach((a) => a.getSnapshot().status === "done");
    expect(flow.actor().getSnapshot().output).toMatchObject({ outcome: "handoff" });
    expect(calls).toHaveLength(1);
  });

  it("aborts the request on leaving code entry (cancel), and on unmount", async () => {
    const cancelled = mount();
    await cancelled.toCodeEntry();
    await act(async () => cancelled.harness.latest?.cancel());
    expect(seen(calls)).toEqual([{ transport: ["sms"], aborted: true }]);
    cancelled.view.unmount();

    calls.length = 0;
    const unmounted = mount();
    await unmounted.toCodeEntry();
    expect(seen(calls)).toEqual([{ transport: ["sms"], aborted: false }]);
    unmounted.view.unmount();
    expect(seen(calls)).toEqual([{ transport: ["sms"], aborted: true }]);
  });

  it("smsAutofill: false never asks", async () => {
    const flow = mount({ smsAutofill: false });
    await flow.toCodeEntry();
    expect(flow.actor().getSnapshot().matches("awaitingCode")).toBe(true);
    expect(calls).toEqual([]);
  });

  it("does nothing where navigator.credentials is missing", async () => {
    Reflect.deleteProperty(navigator, "credentials");
    const flow = mount();
    await flow.toCodeEntry();
    expect(flow.actor().getSnapshot().matches("awaitingCode")).toBe(true);
  });
});
