import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  createEmbeddedBackend,
  createHttpBackend,
  type DemoBackend,
  type FaultDecider,
} from "../../examples/web/src/backend";
import { pageSimulatorOf } from "../../examples/web/src/simulatorHook";
import type { ErrorCode } from "../../src/errors";
import { createReferenceServer, type ReferenceServer } from "../../src/server";

// The React demo's `window.pimsSimulator` over the reference server, as the browser driver
// (`createPlaywrightDriver`) calls it: `failNext(operation, code)`, with no third argument.

const REQUEST_TIMEOUT_MS = 300;

let server: ReferenceServer;
beforeAll(async () => {
  // The demo's backend names the page's host in the SMS it asks for (WebOTP): the only `window` it reads.
  vi.stubGlobal("window", { location: { hostname: "127.0.0.1" } });
  server = await createReferenceServer({ controls: true });
});
afterAll(async () => {
  await server.close();
  vi.unstubAllGlobals();
});

const app = { setOffline: async () => undefined, relaunch: () => undefined, misconfigure: () => undefined };
const signal = () => new AbortController().signal;

/** The demo's HTTP backend for one run on a new device, its hook, and its flow's transport. */
const httpRun = async () => {
  const backend = createHttpBackend(server.url, { requestTimeoutMs: REQUEST_TIMEOUT_MS });
  const { transport } = await backend.prepare("newDevice");
  expect(await transport.requestSmsCode({ signal: signal() })).toEqual({ ok: true, value: null });
  return { backend, transport, hook: pageSimulatorOf(backend, app) };
};

const listed = async (backend: DemoBackend) =>
  (await backend.faults()).map(({ operation, code, decidedBy, firedBy }) => ({
    operation,
    code,
    decidedBy,
    fired: firedBy !== null,
  }));

describe("the React demo's page hook over HTTP (?backend=http)", () => {
  it.each<[ErrorCode, FaultDecider]>([
    [2202, "page"],
    [2201, "server"],
    [2204, "server"],
  ])(
    "failNext(smscode.set, %i) arms one fault (decided by the %s), which the next validation meets",
    async (code, decidedBy) => {
      const { backend, transport, hook } = await httpRun();
      await hook.failNext("smscode.set", code);
      expect(await listed(backend)).toEqual([{ operation: "smscode.set", code, decidedBy, fired: false }]);

      const lastCode = (await hook.lastCode()) ?? "";
      const started = performance.now();
      expect(await transport.validateSmsCode(lastCode, { signal: signal() })).toEqual({
        ok: false,
        error: code,
      });
      const elapsed = performance.now() - started;
      expect(await listed(backend)).toEqual([{ operation: "smscode.set", code, decidedBy, fired: true }]);
      // The server holds a 2201 back: the call fails when the request timeout runs out, not at once
      // (less a millisecond or two: a timer's delay is rounded).
      if (code === 2201) expect(elapsed).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 5);

      // One fault for one call: the next validation reaches the server and is accepted.
      expect(await transport.validateSmsCode(lastCode, { signal: signal() })).toMatchObject({ ok: true });
    },
  );

  it("refuses failNext with `after`, which the demo's page does not do, instead of arming something else", async () => {
    const { backend, hook } = await httpRun();
    await expect(hook.failNext("smscode.set", 2202, { after: 1 })).rejects.toThrow(
      "the demo's failNext takes no `after`",
    );
    await expect(hook.failNext("smscode.set", 2204, { after: 1 })).rejects.toThrow(
      "the demo's failNext takes no `after`",
    );
    expect(await listed(backend)).toEqual([]);
  });
});

describe("the demo's fault panel arms 1 to 100 calls wherever the fault is decided", () => {
  it.each([0, 101, 1.5])(
    "refuses %s calls of a 2202 decided in the page, as the simulator refuses them",
    async (times) => {
      const { backend } = await httpRun();
      await expect(backend.failNext("smscode.set", 2202, times)).rejects.toThrow(RangeError);
      expect(await listed(backend)).toEqual([]);

      const embedded = createEmbeddedBackend({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
      await embedded.prepare("newDevice");
      await expect(embedded.failNext("smscode.set", 2202, times)).rejects.toThrow(RangeError);
    },
  );
});
