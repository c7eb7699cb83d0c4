import { afterEach, describe, expect, it, vi } from "vitest";
import { codeOfInweboResult, type ErrorCode, inweboResultOf } from "../../src/errors";
import { createRandom } from "../../src/services/simulator/random";
import { createSimulator, type SimulatorOptions } from "../../src/simulator";
import { ctx, PHONE, T0 } from "../support/fixtures";

/** A simulator on a hand-driven clock. */
const simulatorAt = (options: SimulatorOptions = {}) => {
  const clock = { t: T0 };
  const sim = createSimulator({ seed: 42, now: () => clock.t, ...options });
  return { sim, clock, transport: sim.services.transport, token: sim.services.token };
};

/** Sends an SMS and returns its code. */
const sendCode = async (sim: ReturnType<typeof createSimulator>): Promise<string> => {
  expect(await sim.services.transport.requestSmsCode(ctx())).toEqual({ ok: true, value: null });
  const last = sim.outbox.at(-1);
  if (last === undefined) throw new Error("no SMS was sent");
  return last.code;
};

/** Validates a fresh SMS code and returns the activation code the backend issued. */
const activationCodeOf = async (sim: ReturnType<typeof createSimulator>): Promise<string> => {
  const answer = await sim.services.transport.validateSmsCode(await sendCode(sim), ctx());
  if (!answer.ok) throw new Error(`validation failed with ${answer.error}`);
  return answer.value.activationCode;
};

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the simulated backend's account and phone", () => {
  it("answers isDeviceActivated and isAccountBlocked from its options", async () => {
    const plain = createSimulator().services.transport;
    expect(await plain.getAccount("isDeviceActivated", ctx())).toEqual({
      ok: true,
      value: { isDeviceActivated: false },
    });
    expect(await plain.getAccount("isAccountBlocked", ctx())).toEqual({
      ok: true,
      value: { isAccountBlocked: "NotBlocked" },
    });
    const other = createSimulator({ deviceActivated: true, accountBlocked: "PINBlocked" }).services.transport;
    expect(await other.getAccount("isDeviceActivated", ctx())).toEqual({
      ok: true,
      value: { isDeviceActivated: true },
    });
    expect(await other.getAccount("isAccountBlocked", ctx())).toEqual({
      ok: true,
      value: { isAccountBlocked: "PINBlocked" },
    });
  });

  it("answers its default trusted phone, and null when the account has none", async () => {
    expect(await createSimulator().services.transport.getTrustedPhoneNumber(ctx())).toEqual({
      ok: true,
      value: { phoneNumber: PHONE },
    });
    expect(
      await createSimulator({ phoneNumber: null }).services.transport.getTrustedPhoneNumber(ctx()),
    ).toEqual({
      ok: true,
      value: { phoneNumber: null },
    });
  });

  it("logs every transport call with its operation name and time, in order", async () => {
    const { sim, clock, transport } = simulatorAt();
    await transport.getAccount("isDeviceActivated", ctx());
    clock.t += 10;
    await transport.getTrustedPhoneNumber(ctx());
    await transport.requestSmsCode(ctx());
    await transport.validateSmsCode("000000", ctx());
    expect(sim.calls).toEqual([
      { operation: "account.get", at: T0 },
      { operation: "trustedphonenumber.get", at: T0 + 10 },
      { operation: "smscode.get", at: T0 + 10 },
      { operation: "smscode.set", at: T0 + 10 },
    ]);
  });

  it("logs a call before anything else, even one that is offline or aborted", async () => {
    const sim = createSimulator();
    sim.setOffline(true);
    const controller = new AbortController();
    controller.abort();
    await sim.services.transport.requestSmsCode(ctx());
    await sim.services.transport.validateSmsCode("123456", { signal: controller.signal });
    expect(sim.calls.map((c) => c.operation)).toEqual(["smscode.get", "smscode.set"]);
  });
});

describe("the simulated backend's SMS codes", () => {
  it("sends a code of 6 digits to the trusted phone, stamped with the clock, newest last", async () => {
    const { sim, clock } = simulatorAt({ phoneNumber: "0700000000" });
    await sendCode(sim);
    clock.t += 1_000;
    await sendCode(sim);
    expect(sim.outbox).toHaveLength(2);
    expect(sim.outbox.map((sms) => [sms.to, sms.at])).toEqual([
      ["0700000000", T0],
      ["0700000000", T0 + 1_000],
    ]);
    for (const sms of sim.outbox) expect(sms.code).toMatch(/^\d{6}$/);
  });

  it("sends codes of codeLength digits", async () => {
    const { sim } = simulatorAt({ codeLength: 8 });
    expect(await sendCode(sim)).toMatch(/^\d{8}$/);
  });

  it("accepts the right code, which is spent once the token starts the activation it unlocked", async () => {
    const { sim, transport } = simulatorAt();
    const code = await sendCode(sim);
    const answer = await transport.validateSmsCode(code, ctx());
    expect(answer).toEqual({
      ok: true,
      value: { status: "NotEnrolled", activationCode: expect.any(String) },
    });
    const again = await transport.validateSmsCode(code, ctx());
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(await sim.services.token.activationStart(again.value.activationCode, ctx())).toEqual({
      ok: true,
      value: null,
    });
    expect(await transport.validateSmsCode(code, ctx())).toEqual({ ok: false, error: 2306 });
  });

  it("keeps a code alive when the token refused to start its activation", async () => {
    const { sim, transport } = simulatorAt();
    const code = await sendCode(sim);
    sim.failNext("smscode.set", 2314);
    const answer = await transport.validateSmsCode(code, ctx());
    if (!answer.ok) throw new Error("expected the code to be accepted");
    expect(await sim.services.token.activationStart(answer.value.activationCode, ctx())).toEqual({
      ok: false,
      error: 11,
    });
    expect((await transport.validateSmsCode(code, ctx())).ok).toBe(true);
  });

  it("answers ERR_NETWORK from the token while offline", async () => {
    const { sim } = simulatorAt();
    sim.setOffline(true);
    expect(await sim.services.token.synchronize(ctx())).toEqual({ ok: false, error: 1 });
    sim.setOffline(false);
    expect(await sim.services.token.synchronize(ctx())).toEqual({ ok: true, value: null });
  });

  it("answers AlreadyEnrolled when the account already has a PIN", async () => {
    const { sim, transport } = simulatorAt({ alreadyEnrolled: true });
    const answer = await transport.validateSmsCode(await sendCode(sim), ctx());
    expect(answer.ok && answer.value.status).toBe("AlreadyEnrolled");
  });

  it("answers 2306 when no code was sent", async () => {
    const { transport } = simulatorAt();
    expect(await transport.validateSmsCode("123456", ctx())).toEqual({ ok: false, error: 2306 });
  });

  it("keeps only the newest code: the previous one is then wrong", async () => {
    const { sim, transport } = simulatorAt();
    const first = await sendCode(sim);
    let second = await sendCode(sim);
    while (second === first) second = await sendCode(sim);
    expect(await transport.validateSmsCode(first, ctx())).toEqual({ ok: false, error: 2305 });
    expect((await transport.validateSmsCode(second, ctx())).ok).toBe(true);
  });

  it("answers 2305 to a wrong code, including a prefix or an extension of the right one", async () => {
    const { sim, transport } = simulatorAt({ maxWrongTries: 10 });
    const code = await sendCode(sim);
    const wrongDigit = `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}`;
    for (const wrong of [wrongDigit, code.slice(0, 5), `${code}0`, ""]) {
      expect(await transport.validateSmsCode(wrong, ctx())).toEqual({ ok: false, error: 2305 });
    }
    expect((await transport.validateSmsCode(code, ctx())).ok).toBe(true);
  });

  it("kills a code after 3 wrong tries: the right code then answers 2306", async () => {
    const { sim, transport } = simulatorAt();
    const code = await sendCode(sim);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let i = 0; i < 3; i++) {
      expect(await transport.validateSmsCode(wrong, ctx())).toEqual({ ok: false, error: 2305 });
    }
    expect(await transport.validateSmsCode(code, ctx())).toEqual({ ok: false, error: 2306 });
  });

  it("still accepts the right code after 2 wrong tries", async () => {
    const { sim, transport } = simulatorAt();
    const code = await sendCode(sim);
    const wrong = code === "000000" ? "111111" : "000000";
    await transport.validateSmsCode(wrong, ctx());
    await transport.validateSmsCode(wrong, ctx());
    expect((await transport.validateSmsCode(code, ctx())).ok).toBe(true);
  });

  it("accepts a code until the end of its lifetime and answers 2306 after it, for good", async () => {
    const { sim, clock, transport } = simulatorAt({ codeLifetimeMs: 60_000 });
    const alive = await sendCode(sim);
    clock.t += 60_000;
    expect((await transport.validateSmsCode(alive, ctx())).ok).toBe(true);

    const expired = await sendCode(sim);
    clock.t += 60_001;
    expect(await transport.validateSmsCode(expired, ctx())).toEqual({ ok: false, error: 2306 });
    clock.t -= 60_001;
    expect(await transport.validateSmsCode(expired, ctx())).toEqual({ ok: false, error: 2306 });
  });

  it("expires codes after 5 minutes by default", async () => {
    const { sim, clock, transport } = simulatorAt();
    const code = await sendCode(sim);
    clock.t += 5 * 60_000 + 1;
    expect(await transport.validateSmsCode(code, ctx())).toEqual({ ok: false, error: 2306 });
  });

  it("answers 2204 and sends nothing over 5 SMS in 10 minutes, and sends again once the window has passed", async () => {
    const { sim, clock, transport } = simulatorAt();
    for (let i = 0; i < 5; i++) {
      await sendCode(sim);
      clock.t += 60_000;
    }
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: false, error: 2204 });
    expect(sim.outbox).toHaveLength(5);
    clock.t = T0 + 10 * 60_000;
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: true, value: null });
    expect(sim.outbox).toHaveLength(6);
  });

  it("honours maxSends and sendWindowMs", async () => {
    const { sim, clock, transport } = simulatorAt({ maxSends: 2, sendWindowMs: 1_000 });
    await sendCode(sim);
    await sendCode(sim);
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: false, error: 2204 });
    clock.t += 1_000;
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: true, value: null });
  });

  it("answers 2204 to a code request when the account has no trusted phone, and sends nothing", async () => {
    const { sim, transport } = simulatorAt({ phoneNumber: null });
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: false, error: 2204 });
    expect(sim.outbox).toHaveLength(0);
  });
});

describe("the simulator's random codes", () => {
  const codesOf = async (options: SimulatorOptions, count: number) => {
    const sim = createSimulator({ maxSends: count, ...options });
    const codes: string[] = [];
    for (let i = 0; i < count; i++) codes.push(await sendCode(sim));
    return { codes, activation: await sim.services.transport.validateSmsCode(codes.at(-1) ?? "", ctx()) };
  };

  it("gives the same SMS and activation codes for the same seed, and others for another seed", async () => {
    const a = await codesOf({ seed: 7 }, 5);
    const b = await codesOf({ seed: 7 }, 5);
    const c = await codesOf({ seed: 8 }, 5);
    expect(a).toEqual(b);
    expect(c.codes).not.toEqual(a.codes);
  });

  it("draws codes that may start with 0, with every digit in every place", async () => {
    const { codes } = await codesOf({ seed: 1 }, 300);
    expect(codes.some((code) => code.startsWith("0"))).toBe(true);
    for (let place = 0; place < 6; place++) {
      expect(new Set(codes.map((code) => code[place])).size).toBe(10);
    }
  });

  it("draws from crypto.getRandomValues without a seed", async () => {
    const spy = vi.spyOn(globalThis.crypto, "getRandomValues");
    const { codes } = await codesOf({}, 3);
    expect(spy).toHaveBeenCalled();
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
  });

  it("rejects bytes from 250 up so that every digit is equally likely", () => {
    const bytes = [[255, 250, 3, 249], [17], [10, 251]];
    vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation((array) => {
      const next = bytes.shift() ?? [];
      if (array instanceof Uint8Array) array.set(next.slice(0, array.length));
      return array;
    });
    expect(createRandom().digits(4)).toBe("3970");
  });
});

describe("the simulator's network conditions", () => {
  it("answers 2202 to every call while offline, and normally again once online", async () => {
    const { sim, transport } = simulatorAt();
    sim.setOffline(true);
    expect(await transport.getAccount("isDeviceActivated", ctx())).toEqual({ ok: false, error: 2202 });
    expect(await transport.getTrustedPhoneNumber(ctx())).toEqual({ ok: false, error: 2202 });
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: false, error: 2202 });
    expect(await transport.validateSmsCode("123456", ctx())).toEqual({ ok: false, error: 2202 });
    expect(sim.outbox).toHaveLength(0);
    sim.setOffline(false);
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: true, value: null });
  });

  it("makes every call wait the latency before it answers, offline ones included", async () => {
    vi.useFakeTimers();
    const { sim, transport } = simulatorAt();
    sim.setLatency(500);
    sim.setOffline(true);
    let answer: unknown;
    void transport.getTrustedPhoneNumber(ctx()).then((a) => {
      answer = a;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(answer).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(answer).toEqual({ ok: false, error: 2202 });
  });

  it("settles an aborted call at once, leaves no timer running and changes nothing", async () => {
    vi.useFakeTimers();
    const { sim, transport } = simulatorAt();
    sim.setLatency(10_000);
    sim.failNext("smscode.get", 2204);
    const controller = new AbortController();
    const pending = transport.requestSmsCode({ signal: controller.signal });
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: 2201 });
    expect(vi.getTimerCount()).toBe(0);
    expect(sim.outbox).toHaveLength(0);

    sim.setLatency(0);
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: false, error: 2204 });
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: true, value: null });
  });

  it("does not spend or count a code when its validation is aborted", async () => {
    vi.useFakeTimers();
    const { sim, transport } = simulatorAt({ maxWrongTries: 1 });
    const code = await sendCode(sim);
    sim.setLatency(1_000);
    const controller = new AbortController();
    const right = transport.validateSmsCode(code, { signal: controller.signal });
    controller.abort();
    expect(await right).toEqual({ ok: false, error: 2201 });
    const already = new AbortController();
    already.abort();
    expect(await transport.validateSmsCode("999999", { signal: already.signal })).toEqual({
      ok: false,
      error: 2201,
    });
    sim.setLatency(0);
    expect((await transport.validateSmsCode(code, ctx())).ok).toBe(true);
  });

  it("refuses a negative latency as a programmer error", () => {
    expect(() => createSimulator().setLatency(-1)).toThrow(RangeError);
  });
});

describe("the simulator's injected faults", () => {
  it("fails only the next call of the operation, once", async () => {
    const { sim, transport } = simulatorAt();
    sim.failNext("account.get", 2204);
    expect(await transport.getTrustedPhoneNumber(ctx())).toEqual({
      ok: true,
      value: { phoneNumber: PHONE },
    });
    expect(await transport.getAccount("isDeviceActivated", ctx())).toEqual({ ok: false, error: 2204 });
    expect(await transport.getAccount("isDeviceActivated", ctx())).toEqual({
      ok: true,
      value: { isDeviceActivated: false },
    });
  });

  it("queues several faults of one operation in order", async () => {
    const { sim, transport } = simulatorAt();
    sim.failNext("trustedphonenumber.get", 2307);
    sim.failNext("trustedphonenumber.get", 2201);
    expect(await transport.getTrustedPhoneNumber(ctx())).toEqual({ ok: false, error: 2307 });
    expect(await transport.getTrustedPhoneNumber(ctx())).toEqual({ ok: false, error: 2201 });
    expect((await transport.getTrustedPhoneNumber(ctx())).ok).toBe(true);
  });

  it("lets offline win over an injected fault, which then waits for the next call online", async () => {
    const { sim, transport } = simulatorAt();
    sim.failNext("smscode.get", 2201);
    sim.setOffline(true);
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: false, error: 2202 });
    sim.setOffline(false);
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: false, error: 2201 });
    expect(sim.outbox).toHaveLength(0);
  });

  it.each([2305, 2306, 2201, 2204] as const)(
    "answers %i from the backend on smscode.set, leaving the current code alive",
    async (code) => {
      const { sim, transport } = simulatorAt();
      const sms = await sendCode(sim);
      sim.failNext("smscode.set", code);
      expect(await transport.validateSmsCode(sms, ctx())).toEqual({ ok: false, error: code });
      expect((await transport.validateSmsCode(sms, ctx())).ok).toBe(true);
    },
  );

  it.each([2308, 2309, 2310, 2311, 2312, 2313, 2314, 2315, 2317] as const)(
    "makes %i on smscode.set come out of the token's next call, not the backend",
    async (code: ErrorCode) => {
      const { sim, transport, token } = simulatorAt();
      sim.failNext("smscode.set", code);
      const answer = await transport.validateSmsCode(await sendCode(sim), ctx());
      if (!answer.ok) throw new Error(`the backend answered ${answer.error}`);
      const started = await token.activationStart(answer.value.activationCode, ctx());
      expect(started).toEqual({ ok: false, error: inweboResultOf(code) });
      expect(started.ok || codeOfInweboResult(started.error)).toBe(code);
      expect(token.state()).toBe("pendingActivation");

      expect(await token.activationStart(await activationCodeOf(sim), ctx())).toEqual({
        ok: true,
        value: null,
      });
      expect(await token.activationFinalize(ctx())).toEqual({ ok: true, value: null });
      expect(token.state()).toBe("activated");
    },
  );

  it("makes 2316 a failed post-synchronisation: the token is activated, and synchronize then succeeds", async () => {
    const { sim, transport, token } = simulatorAt();
    sim.failNext("smscode.set", 2316);
    const activationCode = await activationCodeOf(sim);
    expect(await token.activationStart(activationCode, ctx())).toEqual({ ok: true, value: null });
    expect(await token.activationFinalize(ctx())).toEqual({ ok: false, error: 13 });
    expect(codeOfInweboResult(13)).toBe(2316);
    expect(token.state()).toBe("activated");
    expect(await transport.getAccount("isDeviceActivated", ctx())).toEqual({
      ok: true,
      value: { isDeviceActivated: true },
    });
    expect(await token.synchronize(ctx())).toEqual({ ok: true, value: null });
  });

  it("makes 2316 injected while synchronising fail that synchronisation once", async () => {
    const { sim, token } = simulatorAt();
    sim.failNext("smscode.set", 2316);
    expect(await token.synchronize(ctx())).toEqual({ ok: false, error: 13 });
    expect(await token.synchronize(ctx())).toEqual({ ok: true, value: null });
  });

  it("makes 2344 on smscode.set a token that is not configured for the next SET only", async () => {
    const { sim, transport, token } = simulatorAt();
    sim.failNext("smscode.set", 2344);
    expect(token.isConfigured()).toBe(false);
    expect(token.isConfigured()).toBe(true);
    const code = await sendCode(sim);
    expect((await transport.validateSmsCode(code, ctx())).ok).toBe(true);
  });

  it("answers an injected 2344 from the backend when no isConfigured() read consumed it", async () => {
    const { sim, transport, token } = simulatorAt();
    const code = await sendCode(sim);
    sim.failNext("smscode.set", 2344);
    expect(await transport.validateSmsCode(code, ctx())).toEqual({ ok: false, error: 2344 });
    expect(token.isConfigured()).toBe(true);
    expect((await transport.validateSmsCode(code, ctx())).ok).toBe(true);
  });

  it("answers any injected code, token ones included, from the backend on other operations", async () => {
    const { sim, transport } = simulatorAt();
    sim.failNext("smscode.get", 2308);
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: false, error: 2308 });
  });

  it("refuses an unknown operation or code as a programmer error", () => {
    const sim = createSimulator();
    expect(() => sim.failNext("smscode.del" as never, 2204)).toThrow(TypeError);
    expect(() => sim.failNext("smscode.get", 1234 as never)).toThrow(TypeError);
  });
});

describe("the simulated inWebo token", () => {
  it("activates with the backend's activation code, and the backend then reports the device activated", async () => {
    const { sim, transport, token } = simulatorAt();
    expect(token.state()).toBe("pendingActivation");
    expect(await token.activationStart(await activationCodeOf(sim), ctx())).toEqual({
      ok: true,
      value: null,
    });
    expect(token.state()).toBe("pendingActivation");
    expect(await token.activationFinalize(ctx())).toEqual({ ok: true, value: null });
    expect(token.state()).toBe("activated");
    expect(await token.synchronize(ctx())).toEqual({ ok: true, value: null });
    expect(await transport.getAccount("isDeviceActivated", ctx())).toEqual({
      ok: true,
      value: { isDeviceActivated: true },
    });
  });

  it("refuses with ERR_CODE (2) an activation code no simulated backend issued, or one already used", async () => {
    const { sim, token } = simulatorAt();
    const activationCode = await activationCodeOf(sim);
    const forged = `${activationCode.slice(0, -1)}${activationCode.endsWith("0") ? "1" : "0"}`;
    expect(await token.activationStart("123456", ctx())).toEqual({ ok: false, error: 2 });
    expect(await token.activationStart(forged, ctx())).toEqual({ ok: false, error: 2 });
    expect(await token.activationStart(activationCode, ctx())).toEqual({ ok: true, value: null });
    expect(await token.activationStart(activationCode, ctx())).toEqual({ ok: false, error: 2 });
  });

  it("accepts an activation code that another simulator's backend issued, as the reference server's", async () => {
    const server = createSimulator({ seed: 3 });
    const device = createSimulator({ seed: 4 });
    expect(await device.services.token.activationStart(await activationCodeOf(server), ctx())).toEqual({
      ok: true,
      value: null,
    });
    expect(await device.services.token.activationFinalize(ctx())).toEqual({ ok: true, value: null });
  });

  it("refuses to finalize an activation that was not started with ERR_STATE (8)", async () => {
    const { token } = simulatorAt();
    expect(await token.activationFinalize(ctx())).toEqual({ ok: false, error: 8 });
    expect(token.state()).toBe("pendingActivation");
  });

  it("exports its state as JSON without the activation code", async () => {
    const { sim, token } = simulatorAt();
    const activationCode = await activationCodeOf(sim);
    await token.activationStart(activationCode, ctx());
    const exported = token.exportState();
    expect(exported).not.toContain(activationCode);
    expect(JSON.parse(exported)).toMatchObject({ state: "pendingActivation", activationStarted: true });
    await token.activationFinalize(ctx());
    expect(JSON.parse(token.exportState())).toMatchObject({ state: "activated", activationStarted: false });
  });

  it("is configured by default and not configured with tokenConfigured: false", () => {
    expect(createSimulator().services.token.isConfigured()).toBe(true);
    expect(createSimulator({ tokenConfigured: false }).services.token.isConfigured()).toBe(false);
  });

  it("starts activated when the device is", () => {
    expect(createSimulator({ deviceActivated: true }).services.token.state()).toBe("activated");
  });

  it("changes nothing on an aborted call and keeps its injected fault", async () => {
    const { sim, token } = simulatorAt();
    const activationCode = await activationCodeOf(sim);
    sim.failNext("smscode.set", 2314);
    const controller = new AbortController();
    controller.abort();
    expect((await token.activationStart(activationCode, { signal: controller.signal })).ok).toBe(false);
    expect(await token.activationStart(activationCode, ctx())).toEqual({ ok: false, error: 11 });
    expect(await token.activationStart(activationCode, ctx())).toEqual({ ok: true, value: null });
  });
});

describe("the simulator's options and reset", () => {
  it("refuses invalid options as programmer errors", () => {
    expect(() => createSimulator({ codeLength: 3 })).toThrow(RangeError);
    expect(() => createSimulator({ maxWrongTries: 0 })).toThrow(RangeError);
    expect(() => createSimulator({ accountBlocked: "Blocked" as never })).toThrow(RangeError);
  });

  it("resets to its initial state, keeping the outbox and call log arrays", async () => {
    const { sim, transport, token } = simulatorAt({ maxSends: 1 });
    const outbox = sim.outbox;
    const calls = sim.calls;
    await token.activationStart(await activationCodeOf(sim), ctx());
    await token.activationFinalize(ctx());
    sim.failNext("account.get", 2204);
    sim.setOffline(true);
    sim.setLatency(1_000);
    sim.reset();

    expect(sim.outbox).toBe(outbox);
    expect(sim.calls).toBe(calls);
    expect(outbox).toHaveLength(0);
    expect(calls).toHaveLength(0);
    expect(token.state()).toBe("pendingActivation");
    expect(await transport.getAccount("isDeviceActivated", ctx())).toEqual({
      ok: true,
      value: { isDeviceActivated: false },
    });
    expect(await transport.requestSmsCode(ctx())).toEqual({ ok: true, value: null });
  });
});
