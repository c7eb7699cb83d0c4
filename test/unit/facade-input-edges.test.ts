import { afterEach, describe, expect, it, vi } from "vitest";
import { createPims, developmentConfig, PimsError } from "../../src/facade";
import { randomTransactionId } from "../../src/facade/transactionId";
import type { InweboToken } from "../../src/services/ports";
import { createSimulator } from "../../src/simulator";
import { expectFailed, expectSucceeded } from "../support/messages";

/** The facade at its edges: unusual params and apis, the 2316 recovery's guards, aborts around the answer. */

const SMS = "pims.authentication.smscode";

const ready = async (options: Parameters<typeof createSimulator>[0] = {}) => {
  const sim = createSimulator({ seed: 2, ...options });
  const pims = createPims({ services: sim.services });
  await pims.initialize(developmentConfig);
  return { sim, pims };
};

class Params {
  type = "enrollment";
}

describe("params that are not a plain object", () => {
  it.each([
    ["a class instance", new Params()],
    ["a Date", new Date()],
    ["an array", ["enrollment"]],
    ["a string", "enrollment"],
    ["a number", 42],
    ["a function", () => ({ type: "enrollment" })],
    ["an array without a prototype", Object.setPrototypeOf(Object.assign([], { type: "enrollment" }), null)],
    [
      "a function without a prototype",
      Object.setPrototypeOf(
        Object.assign(() => undefined, { type: "enrollment" }),
        null,
      ),
    ],
  ])("%s → 2102 Invalid params parameter, nothing sent", async (_name, params) => {
    const { pims, sim } = await ready();
    expectFailed(await pims.get(SMS, params), 2102, "params");
    expect(sim.calls).toHaveLength(0);
  });

  it("an object without a prototype is a plain object", async () => {
    const { pims } = await ready();
    const params = Object.assign(Object.create(null) as object, { type: "enrollment" });
    expectSucceeded(await pims.get(SMS, params), null);
  });

  it("a proxy whose traps throw → 2102 Invalid params parameter, and the facade does not throw", async () => {
    const { pims, sim } = await ready();
    const hostile = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error("trap");
        },
      },
    );
    expectFailed(await pims.get(SMS, hostile), 2102, "params");
    expect(sim.calls).toHaveLength(0);
  });
});

describe("params read without running app code", () => {
  it("a getter for the variant → 2102 with its name, never called", async () => {
    const { pims } = await ready();
    let read = 0;
    const params = {
      get type() {
        read += 1;
        return "enrollment";
      },
    };
    expectFailed(await pims.get(SMS, params), 2102, "type");
    expect(read).toBe(0);
  });

  it("a getter for a field → 2102 with its name, never called", async () => {
    const { pims } = await ready();
    let read = 0;
    const params = {
      action: "enrollment",
      get smsCode() {
        read += 1;
        return "123456";
      },
    };
    expectFailed(await pims.set(SMS, params), 2102, "smsCode");
    expect(read).toBe(0);
  });

  it("a variant that is null is missing; one that is not a string is invalid", async () => {
    const { pims } = await ready();
    expectFailed(await pims.get(SMS, { type: null }), 2101, "type");
    expectFailed(await pims.get(SMS, { type: 5 }), 2102, "type");
    expectFailed(await pims.get(SMS, { type: "toString" }), 2102, "type");
  });
});

describe("apis that are not the documented strings", () => {
  it.each([
    ["a String object", new String(SMS)],
    ["an object that prints as the api", { toString: (): string => SMS }],
    ["an inherited property name", "toString"],
    ["a symbol", Symbol(SMS)],
  ])("%s → 2002 API not supported", async (_name, api) => {
    const { pims, sim } = await ready();
    expectFailed(await pims.get(api, { type: "enrollment" }), 2002);
    expect(sim.calls).toHaveLength(0);
  });
});

describe("the 2316 recovery's guards", () => {
  it("before initialize → 2001", async () => {
    const pims = createPims({ services: createSimulator().services });
    expectFailed(await pims.synchronize(), 2001);
  });

  it("without a token, or with one not configured → 2344", async () => {
    const sim = createSimulator();
    const tokenless = createPims({ services: { transport: sim.services.transport } });
    await tokenless.initialize(developmentConfig);
    expectFailed(await tokenless.synchronize(), 2344);
    const unconfigured = createPims({ services: createSimulator({ tokenConfigured: false }).services });
    await unconfigured.initialize(developmentConfig);
    expectFailed(await unconfigured.synchronize(), 2344);
  });

  it("options null count as none: nothing is pending, so 2311, and the callback is called", async () => {
    const { pims } = await ready();
    const callback = vi.fn();
    expectFailed(await pims.synchronize(callback, null as never), 2311);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("options whose proxy throws when status is read → 2102 Invalid status parameter, and the facade does not throw", async () => {
    const { pims, sim } = await ready();
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error("trap");
        },
      },
    );
    expectFailed(await pims.synchronize(hostile), 2102, "status");
    expect(sim.calls).toHaveLength(0);
  });

  it("after an activation that failed otherwise than in its post-synchronization, there is nothing to synchronize", async () => {
    const sim = createSimulator({ seed: 4 });
    const token: InweboToken = {
      ...sim.services.token,
      isConfigured: () => true,
      activationStart: (code, ctx) => sim.services.token.activationStart(code, ctx),
      activationFinalize: async () => ({ ok: false, error: 5 }),
      synchronize: (ctx) => sim.services.token.synchronize(ctx),
      state: () => sim.services.token.state(),
      exportState: () => sim.services.token.exportState(),
    };
    const pims = createPims({ services: { transport: sim.services.transport, token } });
    await pims.initialize(developmentConfig);
    await pims.get(SMS, { type: "enrollment" });
    expectFailed(await pims.set(SMS, { action: "enrollment", smsCode: sim.outbox.at(-1)?.code }), 2309);
    expectFailed(await pims.synchronize(), 2311);
  });
});

describe("an abort that comes with the backend's answer", () => {
  it("still wins: no callback, and the promise resolves to null", async () => {
    const sim = createSimulator({ seed: 6 });
    const controller = new AbortController();
    const transport = {
      ...sim.services.transport,
      requestSmsCode: async (ctx: { signal: AbortSignal }) => {
        const answer = await sim.services.transport.requestSmsCode(ctx);
        // The answer is on its way back when the app aborts.
        queueMicrotask(() => controller.abort());
        return answer;
      },
    };
    const pims = createPims({ services: { ...sim.services, transport } });
    await pims.initialize(developmentConfig);
    let called = 0;
    const message = await pims.get(SMS, { type: "enrollment" }, () => (called += 1), {
      signal: controller.signal,
    });
    expect(controller.signal.aborted).toBe(true);
    expect(message).toBeNull();
    expect(called).toBe(0);
  });

  it("still wins once the answer has arrived, until it is delivered: no callback, and the promise resolves to null", async () => {
    const sim = createSimulator({ seed: 6 });
    const controller = new AbortController();
    const transport = {
      ...sim.services.transport,
      requestSmsCode: (ctx: { signal: AbortSignal }) => {
        // The call lets its work go once the answer has arrived: the app aborts at that moment.
        ctx.signal.addEventListener("abort", () => controller.abort(), { once: true });
        return sim.services.transport.requestSmsCode(ctx);
      },
    };
    const pims = createPims({ services: { ...sim.services, transport } });
    await pims.initialize(developmentConfig);
    const callback = vi.fn();
    const message = await pims.get(SMS, { type: "enrollment" }, callback, { signal: controller.signal });
    expect(sim.outbox).toHaveLength(1);
    expect(controller.signal.aborted).toBe(true);
    expect(message).toBeNull();
    expect(callback).not.toHaveBeenCalled();
  });
});

describe("a refusal as an Error", () => {
  it("PimsError carries the message's code, label and transaction id", async () => {
    const { pims } = await ready();
    const message = await pims.get(SMS, {});
    if (message?.status !== "FAILED") throw new Error("expected a refusal");
    const error = new PimsError(message);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("PimsError");
    expect(error.message).toBe("2101 Missing type parameter");
    expect([error.code, error.label, error.transactionId]).toEqual([
      2101,
      "Missing type parameter",
      message.transactionId,
    ]);
  });
});

describe("transaction ids", () => {
  it("have the sample's form and draw every byte at random: none repeats, and ids ending in 0000 are as rare as chance", () => {
    const ids = Array.from({ length: 4_000 }, () => randomTransactionId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // 4 000 ids × 1/65 536: expect none; a byte left unset would show in one id of each draw of 64.
    expect(ids.filter((id) => id.endsWith("0000")).length).toBeLessThanOrEqual(2);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  /** The words an id shows, as numbers: `00010002-0003` shows 1, 2 and 3. */
  const wordsOf = (id: string) =>
    (id.replace("-", "").match(/.{4}/g) ?? []).map((word) => Number.parseInt(word, 16));

  /** Draws the words 1, 2, 3 … in turn, so that the ids show which of the drawn words they took. */
  const countingWords = () => {
    let drawn = 0;
    return () => {
      drawn += 1;
      return drawn;
    };
  };

  const randomSources: [string, (nextWord: () => number) => void][] = [
    [
      "crypto.getRandomValues, where the platform has it",
      (nextWord) => {
        vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation((array) => {
          if (array instanceof Uint16Array) array.set(Array.from(array, nextWord));
          return array;
        });
      },
    ],
    [
      "Math.random, without crypto (React Native without the polyfill)",
      (nextWord) => {
        vi.stubGlobal("crypto", undefined);
        vi.spyOn(Math, "random").mockImplementation(() => nextWord() / 0x10000);
      },
    ],
    [
      "Math.random, where getRandomValues throws (a polyfill without its native module)",
      (nextWord) => {
        vi.spyOn(globalThis.crypto, "getRandomValues").mockImplementation(() => {
          throw new Error("Native module not found");
        });
        vi.spyOn(Math, "random").mockImplementation(() => nextWord() / 0x10000);
      },
    ],
  ];

  it.each(randomSources)(
    "come from %s: each id is the next three words drawn, none skipped or used twice, across refills of the pool",
    async (_source, install) => {
      // A fresh module: no word drawn by an earlier test is left in its pool.
      vi.resetModules();
      const fresh = await import("../../src/facade/transactionId");
      install(countingWords());
      const ids = Array.from({ length: 200 }, () => fresh.randomTransactionId());
      expect(ids.flatMap(wordsOf)).toEqual(Array.from({ length: 600 }, (_, index) => index + 1));
    },
  );
});
