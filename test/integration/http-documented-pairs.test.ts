import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorCode } from "../../src/errors";
import { developmentConfig } from "../../src/facade";
import { createReferenceServer, type ReferenceServer } from "../../src/server";
import { type Cause, type Causes, describeDocumentedPairs } from "../support/documented-pairs";
import { PHONE } from "../support/fixtures";
import { TRANSACTION_ID } from "../support/messages";
import { type HttpFlowOptions, httpFlow } from "./support";

/**
 * The 23 documented (operation, code) pairs of the smscode API, through the facade, the HTTP transport
 * and the reference server, each from a real cause: the network conditions are the server's (latency,
 * dropped connections, 500s), the inWebo results the device's local token's.
 */

const SMS = "pims.authentication.smscode";
const GET_PARAMS = { type: "enrollment" };

let server: ReferenceServer;
beforeAll(async () => {
  server = await createReferenceServer({ controls: true });
});
afterAll(() => server.close());

const ready = async (options: HttpFlowOptions = {}) => {
  const flow = httpFlow(server, options);
  await flow.pims.initialize(developmentConfig);
  return flow;
};

const misconfigured = async () => {
  const flow = httpFlow(server);
  await flow.pims.initialize({ ...developmentConfig, profile: { brand: "Fiat" } });
  return flow.pims;
};

/** GET over HTTP, read the SMS from the session's outbox on the server, SET it. */
const setWithSentCode = async (flow: Awaited<ReturnType<typeof ready>>) => {
  const sent = await flow.pims.get(SMS, GET_PARAMS);
  expect(sent?.status).toBe("SUCCEEDED");
  const sms = (await flow.controls.outbox()).at(-1);
  expect(sms?.code).toMatch(/^[0-9]{6}$/);
  return flow.pims.set(SMS, { action: "enrollment", smsCode: sms?.code });
};

/** A result the device's token gives (2308-2317): injected on the local token, as on a device. */
const tokenFault =
  (code: ErrorCode): Cause =>
  async () => {
    const flow = await ready();
    flow.device.failNext("smscode.set", code);
    return setWithSentCode(flow);
  };

/** A transport timeout shorter than the server's latency, the facade's left at its 30 s default. */
const SLOW = { transportTimeoutMs: 150 } as const;

const causes = {
  "smscode.get": {
    2001: async () => httpFlow(server).pims.get(SMS, GET_PARAMS),
    2006: async () => (await misconfigured()).get(SMS, GET_PARAMS),
    2101: async () => (await ready()).pims.get(SMS, {}),
    2102: async () => (await ready()).pims.get(SMS, { type: "foo" }),
    2201: async () => {
      const flow = await ready(SLOW);
      await flow.controls.setLatency(1_000);
      const started = Date.now();
      const message = await flow.pims.get(SMS, GET_PARAMS);
      expect(Date.now() - started).toBeLessThan(900);
      return message;
    },
    2202: async () => {
      const flow = await ready();
      await flow.controls.setOffline(true);
      return flow.pims.get(SMS, GET_PARAMS);
    },
    2204: async () => {
      // The simulator's send limit (5 per window): the sixth request is a server error, a 500.
      const flow = await ready();
      for (let sent = 0; sent < 5; sent++)
        expect((await flow.pims.get(SMS, GET_PARAMS))?.status).toBe("SUCCEEDED");
      return flow.pims.get(SMS, GET_PARAMS);
    },
  },
  "smscode.set": {
    2001: async () => httpFlow(server).pims.set(SMS, { action: "enrollment", smsCode: "1234" }),
    2006: async () => (await misconfigured()).set(SMS, { action: "enrollment", smsCode: "1234" }),
    2102: async () => (await ready()).pims.set(SMS, { action: "enrollment", smsCode: "12 34" }),
    2201: async () => {
      const flow = await ready(SLOW);
      await flow.pims.get(SMS, GET_PARAMS);
      const code = (await flow.controls.outbox()).at(-1)?.code;
      await flow.controls.setLatency(1_000);
      return flow.pims.set(SMS, { action: "enrollment", smsCode: code });
    },
    2202: async () => {
      const flow = await ready();
      await flow.pims.get(SMS, GET_PARAMS);
      const code = (await flow.controls.outbox()).at(-1)?.code;
      await flow.controls.setOffline(true);
      return flow.pims.set(SMS, { action: "enrollment", smsCode: code });
    },
    2204: async () => {
      // A server fault injected through the controls: the server answers 500.
      const flow = await ready();
      await flow.controls.failNext("smscode.set", 2204);
      return setWithSentCode(flow);
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
    2344: async () => setWithSentCode(await ready({ deviceToken: false })),
  },
} satisfies Causes;

describeDocumentedPairs(
  "each documented (operation, code) pair over HTTP, facade → HTTP transport → reference server",
  causes,
);

describe("the SMS step over HTTP", () => {
  it("a whole SMS step succeeds over HTTP: the sent code is accepted and the device's token activates", async () => {
    const flow = await ready();
    expect(await flow.pims.get("pims.authentication.trustedphonenumber", {})).toStrictEqual({
      transactionId: expect.stringMatching(TRANSACTION_ID),
      status: "SUCCEEDED",
      result: { phoneNumber: PHONE },
    });
    const message = await setWithSentCode(flow);
    expect(message).toStrictEqual({
      transactionId: expect.stringMatching(TRANSACTION_ID),
      status: "SUCCEEDED",
      result: { status: "NotEnrolled" },
    });
    expect(flow.device.services.token.state()).toBe("activated");
    expect((await flow.controls.calls()).map((c) => c.operation)).toEqual([
      "trustedphonenumber.get",
      "smscode.get",
      "smscode.set",
    ]);
  });
});
