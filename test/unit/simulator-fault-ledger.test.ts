import { describe, expect, it } from "vitest";
import { createPims, developmentConfig } from "../../src/facade";
import { createSimulator } from "../../src/simulator";
import { ctx, PHONE, T0 } from "../support/fixtures";

/** A simulator on a hand-driven clock. */
const simulatorAt = () => {
  const clock = { t: T0 };
  const sim = createSimulator({ seed: 7, now: () => clock.t });
  return { sim, clock, transport: sim.services.transport };
};

describe("the simulator's fault ledger", () => {
  it("lists a fault as armed, then as fired by the call that took it, with that call's place in the log", async () => {
    const { sim, clock, transport } = simulatorAt();
    sim.failNext("smscode.get", 2204);
    expect(sim.faults).toEqual([{ id: 1, operation: "smscode.get", code: 2204, armedAt: T0, firedBy: null }]);

    clock.t += 50;
    await transport.getTrustedPhoneNumber(ctx());
    // A call of another operation leaves it armed.
    expect(sim.faults[0]?.firedBy).toBeNull();

    clock.t += 50;
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: false, error: 2204 });
    expect(sim.faults).toEqual([
      {
        id: 1,
        operation: "smscode.get",
        code: 2204,
        armedAt: T0,
        firedBy: { call: "smscode.get", callNumber: 2, at: T0 + 100 },
      },
    ]);
    expect(sim.calls[1]).toEqual({ operation: "smscode.get", at: T0 + 100 });
  });

  it("arms a fault for the next N calls: each of them fails once, in order, and the one after goes through", async () => {
    const { sim, transport } = simulatorAt();
    sim.failNext("trustedphonenumber.get", 2201, { times: 3 });
    expect(sim.faults.map((fault) => fault.firedBy)).toEqual([null, null, null]);

    for (let call = 1; call <= 3; call++) {
      expect(await transport.getTrustedPhoneNumber(ctx())).toEqual({ ok: false, error: 2201 });
      expect(sim.faults.map((fault) => fault.firedBy?.callNumber ?? null)).toEqual(
        [1, 2, 3].map((n) => (n <= call ? n : null)),
      );
    }
    expect(await transport.getTrustedPhoneNumber(ctx())).toEqual({
      ok: true,
      value: { phoneNumber: PHONE },
    });
    expect(sim.faults.map((fault) => fault.id)).toEqual([1, 2, 3]);
  });

  it("refuses a count that is not an integer from 1 to 100, and arms nothing then", () => {
    const { sim } = simulatorAt();
    for (const times of [0, -1, 1.5, 101, Number.NaN]) {
      expect(() => sim.failNext("smscode.get", 2204, { times }), String(times)).toThrow(RangeError);
    }
    expect(sim.faults).toEqual([]);
  });

  it("lets `after` calls through first: the second account.get fails with { after: 1 }, listed once armed", async () => {
    const { sim, clock, transport } = simulatorAt();
    sim.failNext("account.get", 2001, { after: 1 });
    expect(sim.faults).toEqual([]);
    clock.t += 50;
    expect(await transport.getAccount("isDeviceActivated", ctx())).toEqual({
      ok: true,
      value: { isDeviceActivated: false },
    });
    // Calls of another operation do not count.
    await transport.getTrustedPhoneNumber(ctx());
    clock.t += 50;
    expect(await transport.getAccount("isAccountBlocked", ctx())).toEqual({ ok: false, error: 2001 });
    // Armed when the call it waited for had passed: at the start of the one it fails.
    expect(sim.faults).toEqual([
      {
        id: 1,
        operation: "account.get",
        code: 2001,
        armedAt: T0 + 100,
        firedBy: { call: "account.get", callNumber: 3, at: T0 + 100 },
      },
    ]);
    expect(await transport.getAccount("isAccountBlocked", ctx())).toEqual({
      ok: true,
      value: { isAccountBlocked: "NotBlocked" },
    });
  });

  it("counts a call an earlier fault failed, not one answered offline; `times` fail the calls after `after`", async () => {
    const { sim, transport } = simulatorAt();
    sim.failNext("smscode.get", 2204);
    sim.failNext("smscode.get", 2201, { after: 1, times: 2 });
    sim.setOffline(true);
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: false, error: 2202 });
    sim.setOffline(false);
    const answers = [];
    for (let call = 0; call < 4; call++) answers.push(await transport.requestSmsCode(ctx()));
    expect(answers.map((answer) => (answer.ok ? "ok" : answer.error))).toEqual([2204, 2201, 2201, "ok"]);
  });

  it("lets `after` smscode.set calls through before a fault the token answers", async () => {
    const sim = createSimulator({ seed: 3 });
    sim.failNext("smscode.set", 2310, { after: 1 });
    const pims = createPims({ services: sim.services });
    await pims.initialize(developmentConfig);
    await pims.get("pims.authentication.smscode", { type: "enrollment" });
    const code = sim.outbox.at(-1)?.code ?? "";
    const wrong = code.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
    expect(
      await pims.set("pims.authentication.smscode", { action: "enrollment", smsCode: wrong }),
    ).toMatchObject({
      status: "FAILED",
      error: { code: 2305 },
    });
    expect(
      await pims.set("pims.authentication.smscode", { action: "enrollment", smsCode: code }),
    ).toMatchObject({
      status: "FAILED",
      error: { code: 2310 },
    });
    expect(sim.faults.map((fault) => fault.firedBy?.call)).toEqual(["token.activationStart"]);
  });

  it("refuses an `after` that is not an integer from 0 to 100, and arms nothing then", async () => {
    const { sim, transport } = simulatorAt();
    for (const after of [-1, 1.5, 101, Number.NaN]) {
      expect(() => sim.failNext("smscode.get", 2204, { after }), String(after)).toThrow(RangeError);
    }
    await transport.requestSmsCode(ctx());
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: true, value: null });
    expect(sim.faults).toEqual([]);
  });

  it("fires a token fault from the token's call: 2316 by the activation's post-synchronisation, then by synchronize", async () => {
    const sim = createSimulator({ seed: 3 });
    sim.failNext("smscode.set", 2316, { times: 2 });
    const pims = createPims({ services: sim.services });
    await pims.initialize(developmentConfig);
    await pims.get("pims.authentication.smscode", { type: "enrollment" });
    const code = sim.outbox.at(-1)?.code;
    const answer = await pims.set("pims.authentication.smscode", { action: "enrollment", smsCode: code });
    expect(answer).toMatchObject({ status: "FAILED", error: { code: 2316 } });
    expect(sim.faults.map((fault) => fault.firedBy?.call ?? null)).toEqual([
      "token.activationFinalize",
      null,
    ]);

    await pims.synchronize();
    expect(sim.faults.map((fault) => fault.firedBy?.call ?? null)).toEqual([
      "token.activationFinalize",
      "token.synchronize",
    ]);
    expect(sim.faults.every((fault) => fault.firedBy?.callNumber === null)).toBe(true);
  });

  it("fires a 2344 armed on smscode.set by the first call that asks whether the token is configured", async () => {
    const { sim, transport } = simulatorAt();
    sim.failNext("smscode.set", 2344, { times: 2 });
    expect(sim.services.token.isConfigured()).toBe(false);
    expect(await transport.validateSmsCode("123456", ctx())).toEqual({ ok: false, error: 2344 });
    expect(
      sim.faults.map((fault) => fault.firedBy && [fault.firedBy.call, fault.firedBy.callNumber]),
    ).toEqual([
      ["token.isConfigured", null],
      ["smscode.set", 1],
    ]);
  });

  it("forgets every fault, armed, fired or waiting, on reset", async () => {
    const { sim, transport } = simulatorAt();
    sim.failNext("smscode.get", 2204, { times: 2 });
    sim.failNext("smscode.get", 2201, { after: 1 });
    await transport.requestSmsCode(ctx());
    sim.reset();
    expect(sim.faults).toEqual([]);
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: true, value: null });
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: true, value: null });
  });
});
