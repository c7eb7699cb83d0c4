import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { waitFor } from "xstate";

/**
 * React Native provides `fetch`, `AbortController` and timers, not `crypto.getRandomValues`. These tests take
 * `crypto` away (or make it throw, as a polyfill without its native module does) and load the package afresh,
 * so that no transaction id drawn earlier with the CSPRNG hides a missing fallback.
 */

const CONFIG = {
  environnement: "development",
  mode: "B2C",
  credential: {
    clientId: "demo",
    clientSecret: "demo-secret",
    webviewsRedirectURI: "app://web",
    loginRedirectURI: "app://login",
  },
  profile: { brand: "Peugeot" },
};
const SAMPLE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}$/;

/** What `react-native-get-random-values` does when its native module is not linked. */
function nativeModuleMissing(): never {
  throw new Error("Native module not found");
}

const loadPackage = async () => {
  vi.resetModules();
  return { ...(await import("../../src/index")), ...(await import("../../src/simulator")) };
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe.each([
  ["without crypto at all", undefined],
  ["with a crypto.getRandomValues that throws", { getRandomValues: nativeModuleMissing }],
])("React Native %s", (_name, crypto) => {
  beforeEach(() => {
    vi.stubGlobal("crypto", crypto);
  });

  it("the facade answers every call, with transaction ids of the sample's form, all distinct", async () => {
    const { createPims, createSimulator } = await loadPackage();
    const pims = createPims({ services: createSimulator({ seed: 1 }).services });
    const messages = [await pims.initialize(CONFIG)];
    // More calls than one pool of ids holds (64), so the pool is refilled on these globals too.
    for (let call = 0; call < 100; call++) {
      messages.push(await pims.get("pims.authentication.trustedphonenumber", {}));
    }
    expect(messages.map((message) => message?.status)).toEqual(Array(101).fill("SUCCEEDED"));
    const ids = messages.map((message) => message?.transactionId);
    expect(ids.every((id) => SAMPLE_ID.test(id ?? ""))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("the machine on a seeded simulator reaches the handoff", async () => {
    const { createEnrollmentActor, createSimulator } = await loadPackage();
    const sim = createSimulator({ seed: 7 });
    const actor = createEnrollmentActor({ services: sim.services });
    actor.start();
    actor.send({ type: "start" });
    await waitFor(actor, (snapshot) => snapshot.matches("awaitingCode"), { timeout: 2000 });
    actor.send({ type: "code.submit", code: sim.outbox.at(-1)?.code ?? "" });
    const done = await waitFor(actor, (snapshot) => snapshot.status === "done", { timeout: 2000 });
    expect(done.output).toEqual({
      outcome: "handoff",
      status: "NotEnrolled",
      next: { api: "pims.authentication.enrollment", action: "enroll", pin: "new" },
    });
    actor.stop();
  });
});

describe("the simulator on React Native without a CSPRNG", () => {
  beforeEach(() => {
    vi.stubGlobal("crypto", undefined);
  });

  it("refuses to be created without a seed, with a TypeError that names the polyfill and the seed", async () => {
    const { createSimulator } = await loadPackage();
    let thrown: unknown;
    try {
      createSimulator();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TypeError);
    expect((thrown as TypeError).message).toContain("react-native-get-random-values");
    expect((thrown as TypeError).message).toContain("`seed`");
  });

  it("is created with a seed, and sends reproducible codes", async () => {
    const { createSimulator } = await loadPackage();
    const codes = await Promise.all(
      [createSimulator({ seed: 3 }), createSimulator({ seed: 3 })].map(async (sim) => {
        await sim.services.transport.requestSmsCode({ signal: new AbortController().signal });
        return sim.outbox.at(-1)?.code;
      }),
    );
    expect(codes[0]).toMatch(/^\d{6}$/);
    expect(codes[1]).toBe(codes[0]);
  });
});
