import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorCode, Operation } from "../../src/errors";
import { createHttpTransport } from "../../src/http";
import { createSimulatorControls } from "../../src/http/controls";
import { createReferenceServer, type ReferenceServer } from "../../src/server";
import type { Outcome, Transport } from "../../src/services/ports";
import { createSimulator } from "../../src/simulator";
import { ctx, PHONE } from "../support/fixtures";
import { newToken } from "./support";

/**
 * The `Transport` contract: the simulator in memory and the HTTP transport to the reference server
 * answer the same calls with the same outcomes.
 */

interface Bench {
  readonly transport: Transport;
  outbox(): Promise<readonly { readonly code: string }[]>;
  /** The operations of the calls the backend has seen, in order: logged when they arrive. */
  calls(): Promise<readonly string[]>;
  failNext(operation: Operation, code: ErrorCode): Promise<void>;
  setOffline(offline: boolean): Promise<void>;
  setLatency(ms: number): Promise<void>;
}

let server: ReferenceServer;
beforeAll(async () => {
  server = await createReferenceServer({ controls: true });
});
afterAll(() => server.close());

const benches: Record<string, () => Bench> = {
  "the in-memory simulator": () => {
    const sim = createSimulator();
    return {
      transport: sim.services.transport,
      outbox: async () => sim.outbox,
      calls: async () => sim.calls.map((c) => c.operation),
      failNext: async (operation, code) => sim.failNext(operation, code),
      setOffline: async (offline) => sim.setOffline(offline),
      setLatency: async (ms) => sim.setLatency(ms),
    };
  },
  "the HTTP transport to the reference server": () => {
    const token = newToken("contract");
    const controls = createSimulatorControls({ baseUrl: server.url, token });
    return {
      transport: createHttpTransport({ baseUrl: server.url, getAccessToken: () => token }),
      outbox: () => controls.outbox(),
      calls: async () => (await controls.calls()).map((c) => c.operation),
      failNext: (operation, code) => controls.failNext(operation, code),
      setOffline: (offline) => controls.setOffline(offline),
      setLatency: (ms) => controls.setLatency(ms),
    };
  },
};

const codeOf = (outcome: Outcome<unknown>) => (outcome.ok ? "ok" : outcome.error);
const ACTIVATION_CODE = /^sim1\.[0-9a-f]{24}\.[0-9a-f]{8}$/;

for (const [name, makeBench] of Object.entries(benches)) {
  describe(`the Transport contract, on ${name}`, () => {
    it("answers the account checks and the trusted phone", async () => {
      const { transport } = makeBench();
      expect(await transport.getAccount("isDeviceActivated", ctx())).toStrictEqual({
        ok: true,
        value: { isDeviceActivated: false },
      });
      expect(await transport.getAccount("isAccountBlocked", ctx())).toStrictEqual({
        ok: true,
        value: { isAccountBlocked: "NotBlocked" },
      });
      expect(await transport.getTrustedPhoneNumber(ctx())).toStrictEqual({
        ok: true,
        value: { phoneNumber: PHONE },
      });
    });

    it("sends a code that validates, with an activation code for the device's token", async () => {
      const bench = makeBench();
      expect(await bench.transport.requestSmsCode(ctx())).toStrictEqual({ ok: true, value: null });
      const code = (await bench.outbox()).at(-1)?.code ?? "";
      expect(await bench.transport.validateSmsCode(code, ctx())).toStrictEqual({
        ok: true,
        value: { status: "NotEnrolled", activationCode: expect.stringMatching(ACTIVATION_CODE) },
      });
    });

    it("a wrong code is 2305 until its tries are spent, then the code is gone (2306)", async () => {
      const bench = makeBench();
      await bench.transport.requestSmsCode(ctx());
      const code = (await bench.outbox()).at(-1)?.code ?? "";
      const wrong = code === "000000" ? "111111" : "000000";
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(codeOf(await bench.transport.validateSmsCode(wrong, ctx())));
      answers.push(codeOf(await bench.transport.validateSmsCode(code, ctx())));
      expect(answers).toEqual([2305, 2305, 2305, 2306]);
    });

    it("past the send limit, a request is a server error (2204)", async () => {
      const { transport } = makeBench();
      const answers = [];
      for (let i = 0; i < 6; i++) answers.push(codeOf(await transport.requestSmsCode(ctx())));
      expect(answers).toEqual(["ok", "ok", "ok", "ok", "ok", 2204]);
    });

    it("offline, every operation is 2202", async () => {
      const bench = makeBench();
      await bench.setOffline(true);
      const { transport } = bench;
      expect([
        codeOf(await transport.getAccount("isDeviceActivated", ctx())),
        codeOf(await transport.getTrustedPhoneNumber(ctx())),
        codeOf(await transport.requestSmsCode(ctx())),
        codeOf(await transport.validateSmsCode("123456", ctx())),
      ]).toEqual([2202, 2202, 2202, 2202]);
    });

    it("an injected refusal comes out as its code, once", async () => {
      const bench = makeBench();
      await bench.failNext("trustedphonenumber.get", 2307);
      await bench.failNext("smscode.set", 2305);
      expect(codeOf(await bench.transport.getTrustedPhoneNumber(ctx()))).toBe(2307);
      expect(codeOf(await bench.transport.getTrustedPhoneNumber(ctx()))).toBe("ok");
      expect(codeOf(await bench.transport.validateSmsCode("123456", ctx()))).toBe(2305);
    });

    it("an aborted call settles at once and sends nothing", async () => {
      const bench = makeBench();
      await bench.setLatency(300);
      const controller = new AbortController();
      const pending = bench.transport.requestSmsCode({ signal: controller.signal });
      await expect.poll(() => bench.calls(), { interval: 5 }).toEqual(["smscode.get"]);
      const abortedAt = Date.now();
      controller.abort();
      await pending;
      expect(Date.now() - abortedAt).toBeLessThan(100);
      // Real time, over a real server too: the latency runs out, and an SMS it had not dropped would be sent.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await bench.setLatency(0);
      expect(await bench.outbox()).toEqual([]);
    });
  });
}
