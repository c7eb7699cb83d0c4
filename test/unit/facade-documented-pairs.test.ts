import type { ErrorCode } from "../../src/errors";
import { createPims, developmentConfig } from "../../src/facade";
import { createSimulator } from "../../src/simulator";
import { type Cause, type Causes, describeDocumentedPairs } from "../support/documented-pairs";

const SMS = "pims.authentication.smscode";
const GET_PARAMS = { type: "enrollment" };

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
} satisfies Causes;

describeDocumentedPairs(
  "each documented (operation, code) pair of the smscode API, from a real cause",
  causes,
);
