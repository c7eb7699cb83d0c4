import { describe, expect, it } from "vitest";
import { documentedPairs, type ErrorCode, type Operation } from "../../src/errors";
import { createPims, developmentConfig, type PimsMessage } from "../../src/facade";
import { createSimulator } from "../../src/simulator";
import { TRANSACTION_ID } from "../support/messages";

const SMS = "pims.authentication.smscode";
const GET_PARAMS = { type: "enrollment" };

type Cause = () => Promise<PimsMessage | null>;

const ready = async (options: { timeoutMs?: number; token?: boolean } = {}) => {
  const sim = createSimulator({ seed: 7 });
  const services = options.token === false ? { transport: sim.services.transport } : sim.services;
  const pims = createPims({ services, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
  await pims.initialize(developmentConfig);
  return { sim, pims };
};

const misconfigured = async () => {
  const sim = createSimulator({ seed: 7 });
  const pims = createPims({ services: sim.services });
  await pims.initialize({ ...developmentConfig, profile: { brand: "Fiat" } });
  return pims;
};

/** SET with the right code after a real GET, so that only the named cause can fail it. */
const setWithSentCode = async (
  pims: Awaited<ReturnType<typeof ready>>["pims"],
  sim: ReturnType<typeof createSimulator>,
) => {
  await pims.get(SMS, GET_PARAMS);
  const sms = sim.outbox.at(-1);
  return pims.set(SMS, { action: "enrollment", smsCode: sms?.code });
};

const tokenFault =
  (code: ErrorCode): Cause =>
  async () => {
    const { sim, pims } = await ready();
    sim.failNext("smscode.set", code);
    return setWithSentCode(pims, sim);
  };

/** A real cause for each of the 23 (operation, code) pairs the smscode reference documents. */
const causes = {
  "smscode.get": {
    2001: () => createPims({ services: createSimulator().services }).get(SMS, GET_PARAMS),
    2006: async () => (await misconfigured()).get(SMS, GET_PARAMS),
    2101: async () => (await ready()).pims.get(SMS, {}),
    2102: async () => (await ready()).pims.get(SMS, { type: "foo" }),
    2201: async () => {
      const { sim, pims } = await ready({ timeoutMs: 30 });
      sim.setLatency(500);
      return pims.get(SMS, GET_PARAMS);
    },
    2202: async () => {
      const { sim, pims } = await ready();
      sim.setOffline(true);
      return pims.get(SMS, GET_PARAMS);
    },
    2204: async () => {
      const { pims } = await ready();
      for (let sent = 0; sent < 5; sent++) await pims.get(SMS, GET_PARAMS);
      return pims.get(SMS, GET_PARAMS);
    },
  },
  "smscode.set": {
    2001: () =>
      createPims({ services: createSimulator().services }).set(SMS, {
        action: "enrollment",
        smsCode: "1234",
      }),
    2006: async () => (await misconfigured()).set(SMS, { action: "enrollment", smsCode: "1234" }),
    2102: async () => (await ready()).pims.set(SMS, { action: "enrollment", smsCode: "12 34" }),
    2201: async () => {
      const { sim, pims } = await ready({ timeoutMs: 30 });
      await pims.get(SMS, GET_PARAMS);
      sim.setLatency(500);
      return pims.set(SMS, { action: "enrollment", smsCode: sim.outbox.at(-1)?.code });
    },
    2202: async () => {
      const { sim, pims } = await ready();
      await pims.get(SMS, GET_PARAMS);
      sim.setOffline(true);
      return pims.set(SMS, { action: "enrollment", smsCode: sim.outbox.at(-1)?.code });
    },
    2204: async () => {
      const { sim, pims } = await ready();
      sim.failNext("smscode.set", 2204);
      return setWithSentCode(pims, sim);
    },
    2308: tokenFault(2308),
    2309: tokenFault(2309),
    2310: tokenFault(2310),
    2311: tokenFault(2311),
    2312: tokenFault(2312),
    2313: tokenFault(2313),
    2314: tokenFault(2314),
    2316: tokenFault(2316),
    2317: tokenFault(2317),
    2344: async () => {
      const { sim, pims } = await ready({ token: false });
      return setWithSentCode(pims, sim);
    },
  },
} satisfies Partial<Record<Operation, Partial<Record<ErrorCode, Cause>>>>;

/** The labels as the reference prints them, so that a templating bug shows here. */
const referenceLabels: Partial<Record<ErrorCode, string>> = {
  2001: "Facade not initialized",
  2006: "Core not well configured",
  2101: "Missing type parameter",
  2201: "Timeout/Polling Timeout/Command Timeout",
  2202: "Network problem : No internet",
  2204: "Server Error",
  2308: "inwebo: access refused",
  2309: "inwebo: version error",
  2310: "inwebo: account is blocked",
  2311: "inwebo: internal state not correct",
  2312: "inwebo: device is disabled or unknown",
  2313: "inwebo: User must activate inWebo helium or inWebo Desktop Token before achieving this operation",
  2314: "inwebo: No service is available",
  2316: "inwebo: the operation succeeded but it required a post-synchronization which failed",
  2317: "inwebo: forbidden operation (due to activated state/blocked state/upgradable state)",
  2344: "StrongAuthentication not configured",
};
const labelFor = (operation: Operation, code: ErrorCode) =>
  code === 2102
    ? `Invalid ${operation === "smscode.get" ? "type" : "smsCode"} parameter`
    : referenceLabels[code];

describe("each documented (operation, code) pair of the smscode API, from a real cause", () => {
  const pairs = documentedPairs();

  it("has a cause for all 23 pairs", () => {
    expect(pairs).toHaveLength(23);
    const covered = Object.entries(causes).flatMap(([operation, byCode]) =>
      Object.keys(byCode).map((code) => `${operation} ${code}`),
    );
    expect(covered.sort()).toEqual(pairs.map((p) => `${p.operation} ${p.code}`).sort());
  });

  for (const { operation, code } of pairs) {
    it(`${operation} answers ${code} with the documented envelope and label`, async () => {
      const cause = (causes as Record<string, Record<number, Cause>>)[operation]?.[code];
      expect(cause).toBeDefined();
      const message = await cause?.();
      expect(message).toStrictEqual({
        transactionId: expect.stringMatching(TRANSACTION_ID),
        status: "FAILED",
        error: { code, label: labelFor(operation, code) },
      });
    });
  }
});
