import { describe, expect, it } from "vitest";
import { createReferenceServer } from "../../src/server";
import { MAX_LOGGED_CALLS } from "../../src/services/simulator/call-log";
import { createSimulator } from "../../src/simulator";
import { ctx } from "../support/fixtures";

const OVER_THE_BOUND = 25;

/** A simulator on a hand-driven clock, one tick per call, so each logged call says which one it was. */
const simulatorAt = () => {
  const clock = { t: 0 };
  const sim = createSimulator({ seed: 7, now: () => clock.t });
  const call = async () => {
    clock.t += 1;
    await sim.services.transport.getTrustedPhoneNumber(ctx());
  };
  return { sim, call };
};

describe("one simulator's call log", () => {
  it(`keeps the last ${MAX_LOGGED_CALLS} calls, the oldest dropped`, async () => {
    const { sim, call } = simulatorAt();
    for (let i = 0; i < MAX_LOGGED_CALLS + OVER_THE_BOUND; i++) await call();
    expect(sim.calls).toHaveLength(MAX_LOGGED_CALLS);
    expect(sim.calls[0]?.at).toBe(OVER_THE_BOUND + 1);
    expect(sim.calls.at(-1)?.at).toBe(MAX_LOGGED_CALLS + OVER_THE_BOUND);
  });

  it("numbers a fault's call among every call made, also past the bound, and from 1 again after reset", async () => {
    const { sim, call } = simulatorAt();
    for (let i = 0; i < MAX_LOGGED_CALLS + OVER_THE_BOUND; i++) await call();
    sim.failNext("trustedphonenumber.get", 2204);
    await call();
    expect(sim.faults[0]?.firedBy?.callNumber).toBe(MAX_LOGGED_CALLS + OVER_THE_BOUND + 1);

    sim.reset();
    expect(sim.calls).toHaveLength(0);
    sim.failNext("trustedphonenumber.get", 2204);
    await call();
    expect(sim.faults[0]?.firedBy?.callNumber).toBe(1);
  });

  it("bounds what GET /_sim/calls answers for a session", async () => {
    const server = await createReferenceServer({ controls: true });
    try {
      const token = "call-log-bound";
      const transport = server.session(token).services.transport;
      for (let i = 0; i < MAX_LOGGED_CALLS + OVER_THE_BOUND; i++)
        await transport.getTrustedPhoneNumber(ctx());
      const response = await fetch(`${server.url}/_sim/calls`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const { calls } = (await response.json()) as { calls: unknown[] };
      expect(calls).toHaveLength(MAX_LOGGED_CALLS);
    } finally {
      await server.close();
    }
  });
});
