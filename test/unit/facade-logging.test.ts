import { describe, expect, it } from "vitest";
import { createPims, developmentConfig, type LogLevel } from "../../src/facade";
import { createSimulator } from "../../src/simulator";

/** What the facade tells its logger: one entry per initialisation, per failed call and per callback that threw. */

type Entry = [LogLevel, string, Readonly<Record<string, unknown>> | undefined];

const logged = () => {
  const entries: Entry[] = [];
  return {
    entries,
    logger: (level: LogLevel, message: string, data?: Readonly<Record<string, unknown>>) =>
      entries.push([level, message, data]),
  };
};

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}$/;
const SMS = "pims.authentication.smscode";

describe("the facade's log", () => {
  it("an accepted config, then a refused second initialize, each with its transaction id", async () => {
    const { entries, logger } = logged();
    const pims = createPims({ services: createSimulator({ seed: 1 }).services, logger });
    const first = await pims.initialize(developmentConfig);
    const second = await pims.initialize(developmentConfig);
    expect(entries).toStrictEqual([
      ["info", "initialized", { transactionId: first?.transactionId }],
      ["info", "call failed", { transactionId: second?.transactionId, code: 2007 }],
    ]);
    expect(first?.transactionId).toMatch(ID);
  });

  it("an invalid config, and a config that throws when read", async () => {
    const { entries, logger } = logged();
    const pims = createPims({ services: createSimulator({ seed: 1 }).services, logger });
    const invalid = await pims.initialize({ ...developmentConfig, mode: "B2X" });
    const hostile = await pims.initialize(
      new Proxy(
        {},
        {
          get() {
            throw new Error("getter");
          },
          ownKeys() {
            throw new Error("keys");
          },
        },
      ),
    );
    expect(invalid?.status).toBe("FAILED");
    expect(hostile).toMatchObject({ status: "FAILED", error: { code: 2006 } });
    expect(entries).toStrictEqual([
      ["info", "invalid config", { transactionId: invalid?.transactionId }],
      ["info", "call failed", { transactionId: invalid?.transactionId, code: 2006 }],
      ["info", "invalid config", { transactionId: hostile?.transactionId }],
      ["info", "call failed", { transactionId: hostile?.transactionId, code: 2006 }],
    ]);
  });

  it("nothing for a call that succeeds; the code of one that fails", async () => {
    const { entries, logger } = logged();
    const sim = createSimulator({ seed: 1 });
    const pims = createPims({ services: sim.services, logger });
    await pims.initialize(developmentConfig);
    entries.length = 0;
    await pims.get(SMS, { type: "enrollment" });
    expect(entries).toStrictEqual([]);
    const refused = await pims.get(SMS, {});
    expect(entries).toStrictEqual([
      ["info", "call failed", { transactionId: refused?.transactionId, code: 2101 }],
    ]);
  });

  it("a callback that throws is logged as an error, and the call still answers", async () => {
    const { entries, logger } = logged();
    const pims = createPims({ services: createSimulator({ seed: 1 }).services, logger });
    await pims.initialize(developmentConfig);
    entries.length = 0;
    const message = await pims.get(SMS, { type: "enrollment" }, () => {
      throw new Error("the app's bug");
    });
    expect(message?.status).toBe("SUCCEEDED");
    expect(entries).toStrictEqual([
      ["error", "callback threw", { transactionId: message?.transactionId, error: "Error: the app's bug" }],
    ]);
  });

  it("an aborted call logs nothing", async () => {
    const { entries, logger } = logged();
    const sim = createSimulator({ seed: 1 });
    sim.setLatency(20);
    const pims = createPims({ services: sim.services, logger });
    await pims.initialize(developmentConfig);
    entries.length = 0;
    const controller = new AbortController();
    const pending = pims.get(SMS, { type: "enrollment" }, { signal: controller.signal });
    controller.abort();
    expect(await pending).toBeNull();
    expect(entries).toStrictEqual([]);
  });

  it("without a logger, a throwing callback is swallowed quietly", async () => {
    const pims = createPims({ services: createSimulator({ seed: 1 }).services });
    await pims.initialize(developmentConfig);
    const message = await pims.get(SMS, {}, () => {
      throw new Error("ignored");
    });
    expect(message?.status).toBe("FAILED");
  });
});
