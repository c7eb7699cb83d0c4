import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpTransport } from "../../src/http";
import { createSimulatorControls } from "../../src/http/controls";
import { createReferenceServer, type ReferenceServer } from "../../src/server";
import { newToken } from "./support";

let server: ReferenceServer;
beforeAll(async () => {
  server = await createReferenceServer({ controls: true });
});
afterAll(() => server.close());

const signal = () => new AbortController().signal;

describe("the reference server's fault bookkeeping (/_sim/faults)", () => {
  it("lists a fault armed for the next two calls as armed, then each as fired by the call it failed", async () => {
    const token = newToken();
    const controls = createSimulatorControls({ baseUrl: server.url, token });
    const transport = createHttpTransport({ baseUrl: server.url, getAccessToken: () => token });
    await controls.failNext("smscode.get", 2204, { times: 2 });
    const armed = await controls.faults();
    expect(armed.map(({ id, operation, code, firedBy }) => ({ id, operation, code, firedBy }))).toEqual([
      { id: 1, operation: "smscode.get", code: 2204, firedBy: null },
      { id: 2, operation: "smscode.get", code: 2204, firedBy: null },
    ]);

    await transport.getTrustedPhoneNumber({ signal: signal() });
    expect(await transport.requestSmsCode({ signal: signal() })).toEqual({ ok: false, error: 2204 });
    const once = await controls.faults();
    expect(once.map((fault) => fault.firedBy?.callNumber ?? null)).toEqual([2, null]);
    expect(once[0]?.firedBy?.call).toBe("smscode.get");

    expect(await transport.requestSmsCode({ signal: signal() })).toEqual({ ok: false, error: 2204 });
    expect(await transport.requestSmsCode({ signal: signal() })).toEqual({ ok: true, value: null });
    const twice = await controls.faults();
    expect(twice.map((fault) => fault.firedBy?.callNumber ?? null)).toEqual([2, 3]);
    const calls = await controls.calls();
    expect(calls.map((call) => call.operation)).toEqual([
      "trustedphonenumber.get",
      "smscode.get",
      "smscode.get",
      "smscode.get",
    ]);
  });

  it("keeps each session's faults to itself, and refuses a count out of 1 to 100", async () => {
    const mine = createSimulatorControls({ baseUrl: server.url, token: newToken() });
    const theirs = createSimulatorControls({ baseUrl: server.url, token: newToken() });
    await mine.failNext("trustedphonenumber.get", 2307);
    expect(await theirs.faults()).toEqual([]);
    await expect(mine.failNext("smscode.get", 2204, { times: 0 })).rejects.toThrow(/HTTP 400/);
    await expect(mine.failNext("smscode.get", 2204, { times: 101 })).rejects.toThrow(/HTTP 400/);
    expect((await mine.faults()).map((fault) => fault.code)).toEqual([2307]);
  });
});
