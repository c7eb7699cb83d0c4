import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { type InspectionEvent, SimulatedClock, waitFor } from "xstate";
import { codeOfInweboResult, inweboResultCodes, inweboResultOf, isErrorCode } from "../../src/errors";
import type { LogLevel } from "../../src/facade";
import { createEnrollmentActor, systemClock } from "../../src/machines";
import { isSecret, secret } from "../../src/machines/secret";
import { createSimulator } from "../../src/simulator";
import { settle } from "../support/timing";

/** The options an enrollment actor takes, the platform clock, redacted secrets and the inWebo code table. */

describe("createEnrollmentActor's options", () => {
  it("requestTimeoutMs bounds each backend call: a slow backend answers 2201", async () => {
    const sim = createSimulator({ seed: 1 });
    sim.setLatency(2_000);
    const actor = createEnrollmentActor({ services: sim.services, requestTimeoutMs: 30 });
    actor.start();
    actor.send({ type: "start" });
    const stalled = await waitFor(actor, (s) => s.matches({ checkingDevice: "stalled" }), { timeout: 1_000 });
    expect(stalled.context.error?.code).toBe(2201);
    actor.stop();
  });

  it("logger receives the facade's entries; inspect receives XState's inspection events", async () => {
    const clock = new SimulatedClock();
    const sim = createSimulator({ seed: 1, now: () => clock.now() });
    const logged: [LogLevel, string][] = [];
    const inspected = new Set<string>();
    const actor = createEnrollmentActor({
      services: sim.services,
      clock,
      logger: (level, message) => logged.push([level, message]),
      inspect: (event: InspectionEvent) => inspected.add(event.type),
    });
    actor.start();
    actor.send({ type: "start" });
    await waitFor(actor, (s) => s.matches("awaitingCode"));
    actor.stop();
    expect(logged).toContainEqual(["info", "initialized"]);
    expect([...inspected].sort()).toEqual([
      "@xstate.action",
      "@xstate.actor",
      "@xstate.event",
      "@xstate.microstep",
      "@xstate.snapshot",
    ]);
  });
});

describe("an enrollment actor's own facade and timers", () => {
  /** A simulated clock that counts its timers not yet fired nor cleared. */
  const countingClock = () => {
    const clock = new SimulatedClock();
    const pending = new Set<unknown>();
    const issued = new Set<unknown>();
    /** Ids the clock was asked to clear but never issued: a clock that looks ids up would choke on them. */
    const foreign: unknown[] = [];
    return {
      pending,
      foreign,
      clock: {
        now: () => clock.now(),
        set: (t: number) => clock.set(t),
        setTimeout: (fn: (...args: unknown[]) => void, ms: number) => {
          const id: unknown = clock.setTimeout((...args: unknown[]) => {
            pending.delete(id);
            fn(...args);
          }, ms);
          pending.add(id);
          issued.add(id);
          return id;
        },
        clearTimeout: (id: unknown) => {
          if (!issued.has(id)) foreign.push(id);
          pending.delete(id);
          clock.clearTimeout(id as number);
        },
      },
    };
  };

  it("a config the facade refuses ends the flow at initializing with 2006, before any backend call", async () => {
    const sim = createSimulator({ seed: 1 });
    const actor = createEnrollmentActor({ services: sim.services, config: { mode: "B2C" } });
    const visited: string[] = [];
    actor.subscribe((s) => visited.push(JSON.stringify(s.value)));
    actor.start();
    actor.send({ type: "start" });
    const failed = await waitFor(actor, (s) => s.status === "done");
    expect([...new Set(visited)]).toEqual(['"idle"', '"initializing"', '"failed"']);
    expect(failed.output).toStrictEqual({
      outcome: "failed",
      error: { code: 2006, label: "Core not well configured" },
    });
    expect(sim.calls).toEqual([]);
  });

  it("restored with a config that no longer initializes, the next backend step fails with 2006", async () => {
    const sim = createSimulator({ seed: 1 });
    sim.failNext("account.get", 2204);
    const first = createEnrollmentActor({ services: sim.services });
    first.start();
    first.send({ type: "start" });
    await waitFor(first, (s) => s.matches({ checkingDevice: "stalled" }));
    const persisted = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    first.stop();
    const restored = createEnrollmentActor({
      services: sim.services,
      config: { mode: "B2C" },
      snapshot: persisted,
    });
    restored.start();
    restored.send({ type: "retry" });
    const failed = await waitFor(restored, (s) => s.status === "done");
    expect(failed.output).toStrictEqual({
      outcome: "failed",
      error: { code: 2006, label: "Core not well configured" },
    });
  });

  it("a new code asked for by a check keeps that check's error, with no deadline running or cleared", async () => {
    const { clock, pending, foreign } = countingClock();
    clock.set(1_000_000);
    const sim = createSimulator({ seed: 1, now: () => clock.now() });
    sim.failNext("account.get", 2308);
    const actor = createEnrollmentActor({ services: sim.services, clock });
    actor.start();
    actor.send({ type: "start" });
    const expired = await waitFor(actor, (s) => s.matches({ awaitingCode: "expired" }));
    await settle();
    expect(actor.getSnapshot().context.error?.code).toBe(2308);
    expect(expired.context.codeExpiresAt).toBeNull();
    expect(pending.size).toBe(0);
    actor.stop();
    expect(foreign).toEqual([]);
  });

  it("the code screen's deadlines are cleared once it is left: none is pending after the handoff", async () => {
    const { clock, pending, foreign } = countingClock();
    clock.set(1_000_000);
    const sim = createSimulator({ seed: 1, now: () => clock.now() });
    const actor = createEnrollmentActor({ services: sim.services, clock });
    actor.start();
    actor.send({ type: "start" });
    await waitFor(actor, (s) => s.matches("awaitingCode"));
    expect(pending.size).toBe(2);
    actor.send({ type: "code.submit", code: sim.outbox.at(-1)?.code ?? "" });
    await waitFor(actor, (s) => s.status === "done");
    expect(pending.size).toBe(0);
    expect(foreign).toEqual([]);
  });
});

describe("the platform clock", () => {
  it("tells the time as Date.now does", () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("runs a timer, and clears one", async () => {
    const fired: string[] = [];
    systemClock.setTimeout(() => fired.push("kept"), 5);
    const cleared = systemClock.setTimeout(() => fired.push("cleared"), 5);
    systemClock.clearTimeout(cleared);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fired).toEqual(["kept"]);
  });
});

describe("a secret", () => {
  it("shows [redacted] as JSON, as a string and to Node's inspector, and reveals its value only when asked", () => {
    const code = secret("4815162342");
    expect(code.reveal()).toBe("4815162342");
    expect(JSON.stringify({ code })).toBe('{"code":"[redacted]"}');
    expect(String(code)).toBe("[redacted]");
    expect(`${code}`).toBe("[redacted]");
    expect(inspect({ code }, { depth: null, showHidden: true })).toBe("{ code: [redacted] }");
  });

  it("is recognised as a secret until a JSON round trip leaves only its redacted text", () => {
    const code = secret("1234");
    expect(isSecret(code)).toBe(true);
    expect(isSecret(JSON.parse(JSON.stringify({ code })).code)).toBe(false);
    for (const other of [null, undefined, "1234", 1234, {}, { reveal: "1234" }])
      expect(isSecret(other)).toBe(false);
  });
});

describe("the inWebo result codes", () => {
  it("surface as the PIMS codes of the neighbouring APIs' table; an unknown one as 2000", () => {
    expect(
      Object.fromEntries(
        Object.entries(inweboResultCodes).map(([name, { result }]) => [name, codeOfInweboResult(result)]),
      ),
    ).toStrictEqual({
      ERR_NETWORK: 2202,
      ERR_CODE: 2311,
      ERR_SN: 2311,
      ERR_ACCESS: 2308,
      ERR_VERSION: 2309,
      ERR_BLOCKED: 2310,
      ERR_STATE: 2311,
      ERR_NODEVICE: 2312,
      ERR_NOCA: 2313,
      ERR_NOSRV: 2314,
      ERR_PINREUSED: 2315,
      ERR_SYNCHROFAILED: 2316,
      ERR_FORBIDDEN: 2317,
      ERR_PINREFUSED: 2308,
      ERR_TIMEOUT: 2201,
      ERR_OTHER: 2000,
    });
    expect(codeOfInweboResult(6)).toBe(2000);
    expect(codeOfInweboResult(-1)).toBe(2000);
  });

  it("a simulated token fails with the device-side result of each code from 2308 to 2317, and no other", () => {
    expect(
      Object.fromEntries(
        ([2308, 2309, 2310, 2311, 2312, 2313, 2314, 2315, 2316, 2317] as const).map((code) => [
          code,
          inweboResultOf(code),
        ]),
      ),
    ).toStrictEqual({
      2308: 4,
      2309: 5,
      2310: 7,
      2311: 8,
      2312: 9,
      2313: 10,
      2314: 11,
      2315: 12,
      2316: 13,
      2317: 14,
    });
    for (const code of [2202, 2201, 2000, 2305] as const) expect(inweboResultOf(code)).toBeUndefined();
  });

  it("only catalogue codes are error codes", () => {
    expect(isErrorCode(2305)).toBe(true);
    for (const value of ["2305", 9999, Number.NaN, null, undefined]) expect(isErrorCode(value)).toBe(false);
  });
});
