import { describe, expect, it } from "vitest";
import { isSimulatorActivationCode, issueActivationCode } from "../../src/services/simulator/activation";
import { delay } from "../../src/services/simulator/delay";
import { createRandom } from "../../src/services/simulator/random";
import { createSimulator, type Simulator } from "../../src/simulator";
import { ctx } from "../support/fixtures";

/** The simulator's edges: its refusals' wording, its token's guards, its activation codes, its waits. */

const aborted = () => {
  const controller = new AbortController();
  controller.abort();
  return { signal: controller.signal };
};

const activationCodeOf = async (sim: Simulator): Promise<string> => {
  await sim.services.transport.requestSmsCode(ctx());
  const answer = await sim.services.transport.validateSmsCode(sim.outbox.at(-1)?.code ?? "", ctx());
  if (!answer.ok) throw new Error(`validation failed with ${answer.error}`);
  return answer.value.activationCode;
};

describe("the simulator's options", () => {
  it.each([
    [{ codeLength: 3 }, "createSimulator: codeLength must be an integer from 4 to 10"],
    [{ codeLength: 11 }, "createSimulator: codeLength must be an integer from 4 to 10"],
    [{ codeLength: 6.5 }, "createSimulator: codeLength must be an integer from 4 to 10"],
    [{ codeLifetimeMs: 0 }, "createSimulator: codeLifetimeMs must be an integer from 1 to 9007199254740991"],
    [{ maxWrongTries: 0 }, "createSimulator: maxWrongTries must be an integer from 1 to 9007199254740991"],
    [{ maxSends: -1 }, "createSimulator: maxSends must be an integer from 1 to 9007199254740991"],
    [{ sendWindowMs: 1.5 }, "createSimulator: sendWindowMs must be an integer from 1 to 9007199254740991"],
    [{ seed: Number.NaN }, "createSimulator: seed must be a finite number"],
    [{ seed: Number.POSITIVE_INFINITY }, "createSimulator: seed must be a finite number"],
    [
      { accountBlocked: "Blocked" as never },
      "createSimulator: accountBlocked must be one of AccountBlocked, PINBlocked, NotBlocked",
    ],
  ])("%j is refused: %s", (options, message) => {
    expect(() => createSimulator(options)).toThrow(new RangeError(message));
  });

  it.each([4, 10])("accepts codes of %i digits, the bounds included", async (codeLength) => {
    const sim = createSimulator({ seed: 1, codeLength });
    await sim.services.transport.requestSmsCode(ctx());
    expect(sim.outbox.at(-1)?.code).toHaveLength(codeLength);
  });

  it("explains a refused fault or latency", () => {
    const sim = createSimulator();
    expect(() => sim.failNext("smscode.del" as never, 2204)).toThrow(
      "failNext: unknown operation smscode.del",
    );
    expect(() => sim.failNext("smscode.get", 1234 as never)).toThrow(
      "failNext: 1234 is not a catalogue error code",
    );
    for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => sim.setLatency(ms)).toThrow(new RangeError("setLatency: ms must be a finite number ≥ 0"));
    }
    expect(() => sim.setLatency(0)).not.toThrow();
  });
});

describe("the simulated backend", () => {
  it("answers 2102 to an account query it does not know", async () => {
    const sim = createSimulator();
    expect(await sim.services.transport.getAccount("isSomethingElse" as never, ctx())).toEqual({
      ok: false,
      error: 2102,
    });
  });

  it("keeps the current code alive when the token starts an activation another backend issued", async () => {
    const sim = createSimulator({ seed: 5 });
    const other = createSimulator({ seed: 6 });
    await sim.services.transport.requestSmsCode(ctx());
    const code = sim.outbox.at(-1)?.code ?? "";
    expect((await sim.services.transport.validateSmsCode(code, ctx())).ok).toBe(true);
    expect(await sim.services.token.activationStart(await activationCodeOf(other), ctx())).toEqual({
      ok: true,
      value: null,
    });
    expect((await sim.services.transport.validateSmsCode(code, ctx())).ok).toBe(true);
  });
});

describe("the simulated token's guards", () => {
  it("finalizing while aborted or offline answers ERR_NETWORK and changes nothing", async () => {
    const sim = createSimulator({ seed: 8 });
    const { token } = sim.services;
    await token.activationStart(await activationCodeOf(sim), ctx());
    expect(await token.activationFinalize(aborted())).toEqual({ ok: false, error: 1 });
    sim.setOffline(true);
    expect(await token.activationFinalize(ctx())).toEqual({ ok: false, error: 1 });
    expect(await token.synchronize(ctx())).toEqual({ ok: false, error: 1 });
    expect(token.state()).toBe("pendingActivation");
    sim.setOffline(false);
    expect(await token.synchronize(aborted())).toEqual({ ok: false, error: 1 });
    expect(await token.activationFinalize(ctx())).toEqual({ ok: true, value: null });
    expect(token.state()).toBe("activated");
  });

  it("an injected fault fails the finalization it reaches", async () => {
    const sim = createSimulator({ seed: 9 });
    const { token } = sim.services;
    await token.activationStart(await activationCodeOf(sim), ctx());
    sim.failNext("smscode.set", 2309);
    expect(await token.activationFinalize(ctx())).toEqual({ ok: false, error: 5 });
    expect(token.state()).toBe("pendingActivation");
  });

  it("a pending ERR_SYNCHROFAILED waits for the post-synchronization: the activation itself goes through", async () => {
    const sim = createSimulator({ seed: 10 });
    const { token } = sim.services;
    const activationCode = await activationCodeOf(sim);
    sim.failNext("smscode.set", 2316);
    expect(await token.activationStart(activationCode, ctx())).toEqual({ ok: true, value: null });
    expect(await token.activationFinalize(ctx())).toEqual({ ok: false, error: 13 });
    expect(token.state()).toBe("activated");
    expect(await token.synchronize(ctx())).toEqual({ ok: true, value: null });
  });

  it("exports its state in its own versioned format", async () => {
    const sim = createSimulator({ seed: 11 });
    expect(JSON.parse(sim.services.token.exportState())).toStrictEqual({
      format: "pims-enrollment/simulated-token",
      version: 1,
      state: "pendingActivation",
      activationStarted: false,
    });
  });

  it("a reset forgets a started activation, and an activated device stays activated", async () => {
    const sim = createSimulator({ seed: 12 });
    await sim.services.token.activationStart(await activationCodeOf(sim), ctx());
    sim.reset();
    expect(await sim.services.token.activationFinalize(ctx())).toEqual({ ok: false, error: 8 });
    const activated = createSimulator({ deviceActivated: true });
    activated.reset();
    expect(activated.services.token.state()).toBe("activated");
  });
});

/** FNV-1a, 32 bits, restated here: the check part of an activation code. */
const fnv1a = (text: string) => {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
};

describe("the simulated backend's activation codes", () => {
  it("are sim1.<24 hex>.<FNV-1a of those 24 hex>", () => {
    for (let seed = 0; seed < 20; seed++) {
      const code = issueActivationCode(createRandom(seed));
      const [prefix, body, check] = code.split(".");
      expect(prefix).toBe("sim1");
      expect(body).toMatch(/^[0-9a-f]{24}$/);
      expect(check).toBe(fnv1a(body ?? ""));
      expect(isSimulatorActivationCode(code)).toBe(true);
    }
  });

  it("are recognised only whole, with the check of their own body", () => {
    const code = issueActivationCode(createRandom(7));
    const [, body = ""] = code.split(".");
    const otherBody = `${body.slice(0, -1)}${body.endsWith("0") ? "1" : "0"}`;
    expect(isSimulatorActivationCode(`x${code}`)).toBe(false);
    expect(isSimulatorActivationCode(`${code}0`)).toBe(false);
    expect(isSimulatorActivationCode(`sim1.${otherBody}.${fnv1a(body)}`)).toBe(false);
    expect(isSimulatorActivationCode(`sim1.${otherBody}.${fnv1a(otherBody)}`)).toBe(true);
  });
});

describe("a seed's codes", () => {
  it("stay the same from one version to the next: recorded demos and fixtures rely on them", () => {
    const random = createRandom(1);
    expect(random.digits(12)).toBe("315380223069");
    expect(random.hex(16)).toBe("202a61cb133da4e4");
    expect(createRandom(2).digits(6)).toBe("709431");
    expect(issueActivationCode(createRandom(7))).toBe("sim1.c2e6745bd8b32c5de658408f.d75ced6e");
  });
});

describe("the simulator's wait", () => {
  const watched = () => {
    const controller = new AbortController();
    const listeners = { added: 0, removed: 0 };
    const { signal } = controller;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) => {
      expect(type).toBe("abort");
      expect(options).toEqual({ once: true });
      listeners.added += 1;
      add(type, listener, options);
    }) as AbortSignal["addEventListener"];
    signal.removeEventListener = ((type: string, listener: EventListener) => {
      expect(type).toBe("abort");
      listeners.removed += 1;
      remove(type, listener);
    }) as AbortSignal["removeEventListener"];
    return { controller, signal, listeners };
  };

  it("runs its course: true, and its abort listener removed", async () => {
    const { signal, listeners } = watched();
    expect(await delay(5, signal)).toBe(true);
    expect(listeners).toEqual({ added: 1, removed: 1 });
  });

  it("cut short by an abort: false, at once", async () => {
    const { controller, signal } = watched();
    const started = Date.now();
    const waiting = delay(5_000, signal);
    controller.abort();
    expect(await waiting).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("already aborted: false; no wait at all: true", async () => {
    expect(await delay(10, aborted().signal)).toBe(false);
    expect(await delay(0, aborted().signal)).toBe(false);
    expect(await delay(0, ctx().signal)).toBe(true);
  });
});
