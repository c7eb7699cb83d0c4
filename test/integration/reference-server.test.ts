import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpTransport } from "../../src/http";
import { createSimulatorControls } from "../../src/http/controls";
import { createReferenceHandler, createReferenceServer, type ReferenceServer } from "../../src/server";
import type { Outcome } from "../../src/services/ports";
import { PHONE } from "../support/fixtures";
import { newToken } from "./support";

let server: ReferenceServer;
let bare: ReferenceServer;
beforeAll(async () => {
  [server, bare] = await Promise.all([
    createReferenceServer({ controls: true, maxBodyBytes: 1024 }),
    createReferenceServer(),
  ]);
});
afterAll(() => Promise.all([server.close(), bare.close()]));

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
const signal = () => new AbortController().signal;
const codeOf = (outcome: Outcome<unknown>) => (outcome.ok ? "ok" : outcome.error);

describe("the reference server refuses what it must", () => {
  it("a request without a bearer token is refused with 401 and a clear JSON body", async () => {
    const response = await fetch(`${server.url}/v1/trustedphonenumber`);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="pims-enrollment"');
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toStrictEqual({
      error: { code: 2204, label: "Server Error", message: "missing bearer token" },
    });
  });

  it("a malformed Authorization header is refused with 401 invalid_token", async () => {
    for (const authorization of ["Basic dXNlcjpwdw==", "Bearer", "Bearer a b", "Bearer 100%"]) {
      const response = await fetch(`${server.url}/v1/trustedphonenumber`, { headers: { authorization } });
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect((await response.json()).error.message).toMatch(/malformed bearer token/);
    }
  });

  it("a body over maxBodyBytes is refused with 413, whether declared or streamed", async () => {
    const big = JSON.stringify({ smsCode: "123456", padding: "x".repeat(4096) });
    const declared = await post(`${server.url}/v1/smscode/validation`, big, bearer(newToken()));
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.message).toBe("request body larger than 1024 bytes");

    const streamed = await new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
      const req = request(`${server.url}/v1/smscode/validation`, {
        method: "POST",
        headers: {
          ...bearer(newToken()),
          "content-type": "application/json",
          "transfer-encoding": "chunked",
        },
      });
      req.on("response", (res) => {
        let body = "";
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode, body }));
      });
      req.on("error", reject);
      for (let i = 0; i < 8; i++) req.write(big.slice(i * 512, (i + 1) * 512));
      req.end();
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body).error.code).toBe(2204);
  });

  it("request bodies are validated: the SDK's 2101 / 2102 on 400, a non-JSON type on 415", async () => {
    const url = `${server.url}/v1/smscode/validation`;
    const token = bearer(newToken());
    const cases: [string, Record<string, string>, number, unknown][] = [
      ["{}", {}, 400, { code: 2101, label: "Missing smsCode parameter" }],
      ['{"smsCode":"12a4"}', {}, 400, { code: 2102, label: "Invalid smsCode parameter" }],
      ['{"smsCode":1234}', {}, 400, { code: 2102, label: "Invalid smsCode parameter" }],
      [
        "[1]",
        {},
        400,
        { code: 2102, label: "Invalid body parameter", message: "the body must be a JSON object" },
      ],
      [
        '{"smsCode":',
        {},
        400,
        { code: 2102, label: "Invalid body parameter", message: "the body is not valid JSON" },
      ],
      [
        "smsCode=1234",
        { "content-type": "application/x-www-form-urlencoded" },
        415,
        { code: 2204, label: "Server Error", message: "the body must be application/json" },
      ],
    ];
    for (const [body, headers, status, error] of cases) {
      const response = await post(url, body, { ...token, ...headers });
      expect(response.status, body).toBe(status);
      expect(await response.json(), body).toStrictEqual({ error });
    }
    const missingType = await fetch(`${server.url}/v1/account`, { headers: token });
    expect(await missingType.json()).toStrictEqual({
      error: { code: 2101, label: "Missing type parameter" },
    });
    const wrongType = await fetch(`${server.url}/v1/account?type=resetPIN`, { headers: token });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toStrictEqual({ error: { code: 2102, label: "Invalid type parameter" } });
  });

  it("an unknown path is 404, a wrong method 405 with Allow; /healthz needs no token", async () => {
    const unknown = await fetch(`${server.url}/v2/anything`, { headers: bearer("t") });
    expect(unknown.status).toBe(404);
    const wrongMethod = await fetch(`${server.url}/v1/smscode`, { headers: bearer("t") });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toStrictEqual({ status: "ok" });
  });
});

describe("the simulator controls", () => {
  it("are absent from a server started without controls", async () => {
    const token = newToken();
    for (const path of ["/_sim/outbox", "/_sim/calls"]) {
      const response = await fetch(`${bare.url}${path}`, { headers: bearer(token) });
      expect(response.status).toBe(404);
    }
    const failNext = await post(
      `${bare.url}/_sim/fail-next`,
      '{"operation":"smscode.get","code":2204}',
      bearer(token),
    );
    expect(failNext.status).toBe(404);
    await expect(createSimulatorControls({ baseUrl: bare.url, token }).setOffline(true)).rejects.toThrow(
      /404/,
    );
    // The API itself is served all the same.
    const transport = createHttpTransport({ baseUrl: bare.url, getAccessToken: () => token });
    expect(codeOf(await transport.requestSmsCode({ signal: signal() }))).toBe("ok");
    expect(bare.session(token).outbox).toHaveLength(1);
  });

  it("are absent to a client that is not on this machine, even with controls on", async () => {
    const handler = createReferenceHandler({ controls: true });
    const remote = createServer((req, res) => {
      Object.defineProperty(req.socket, "remoteAddress", { value: "203.0.113.9", configurable: true });
      handler.listener(req, res);
    });
    await new Promise<void>((resolve) => remote.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
    try {
      const token = newToken();
      expect((await fetch(`${url}/_sim/outbox`, { headers: bearer(token) })).status).toBe(404);
      expect((await post(`${url}/v1/smscode`, "{}", bearer(token))).status).toBe(200);
      expect(handler.sessions.get(token).outbox).toHaveLength(1);
    } finally {
      remote.closeAllConnections();
      await new Promise<void>((resolve) => remote.close(() => resolve()));
    }
  });

  it("address the session of their bearer token only", async () => {
    const [a, b] = [newToken("a"), newToken("b")];
    const controlsA = createSimulatorControls({ baseUrl: server.url, token: a });
    const transportA = createHttpTransport({ baseUrl: server.url, getAccessToken: () => a });
    const transportB = createHttpTransport({ baseUrl: server.url, getAccessToken: () => b });
    await controlsA.setOffline(true);
    expect(codeOf(await transportA.getTrustedPhoneNumber({ signal: signal() }))).toBe(2202);
    expect(codeOf(await transportB.getTrustedPhoneNumber({ signal: signal() }))).toBe("ok");
    await controlsA.reset();
    expect(codeOf(await transportA.getTrustedPhoneNumber({ signal: signal() }))).toBe("ok");
  });

  it("inject the backend's codes as the wire shows them: 2203 an answer off the protocol, 2201 no answer, 2307 a refusal", async () => {
    const token = newToken();
    const controls = createSimulatorControls({ baseUrl: server.url, token });
    const transport = createHttpTransport({
      baseUrl: server.url,
      getAccessToken: () => token,
      timeoutMs: 200,
    });
    await controls.failNext("trustedphonenumber.get", 2203);
    await controls.failNext("trustedphonenumber.get", 2201);
    await controls.failNext("trustedphonenumber.get", 2307);
    expect(codeOf(await transport.getTrustedPhoneNumber({ signal: signal() }))).toBe(2203);
    expect(codeOf(await transport.getTrustedPhoneNumber({ signal: signal() }))).toBe(2201);
    expect(codeOf(await transport.getTrustedPhoneNumber({ signal: signal() }))).toBe(2307);
    expect(await transport.getTrustedPhoneNumber({ signal: signal() })).toStrictEqual({
      ok: true,
      value: { phoneNumber: PHONE },
    });
  });

  it("refuse to inject on the backend a code that comes from the device's token", async () => {
    const controls = createSimulatorControls({ baseUrl: server.url, token: newToken() });
    await expect(controls.failNext("smscode.set", 2310)).rejects.toThrow(/device's inWebo token/);
    await expect(controls.failNext("smscode.get", 1234 as never)).rejects.toThrow(
      /not a catalogue error code/,
    );
  });

  it("configure a session's simulator: no trusted phone, a blocked account, an activated device", async () => {
    const token = newToken();
    const controls = createSimulatorControls({ baseUrl: server.url, token });
    const transport = createHttpTransport({ baseUrl: server.url, getAccessToken: () => token });
    await controls.configure({ phoneNumber: null, accountBlocked: "PINBlocked", deviceActivated: true });
    expect(await transport.getTrustedPhoneNumber({ signal: signal() })).toStrictEqual({
      ok: true,
      value: { phoneNumber: null },
    });
    expect(await transport.getAccount("isAccountBlocked", { signal: signal() })).toStrictEqual({
      ok: true,
      value: { isAccountBlocked: "PINBlocked" },
    });
    expect(await transport.getAccount("isDeviceActivated", { signal: signal() })).toStrictEqual({
      ok: true,
      value: { isDeviceActivated: true },
    });
    await expect(controls.configure({ phoneNumber: 42 } as never)).rejects.toThrow(/400/);
  });
});

describe("the server's life", () => {
  it("forgets the least recently used session past maxSessions", async () => {
    const small = await createReferenceServer({ maxSessions: 2 });
    try {
      const send = (token: string) =>
        createHttpTransport({ baseUrl: small.url, getAccessToken: () => token }).requestSmsCode({
          signal: signal(),
        });
      await send("first");
      await send("second");
      await send("third");
      expect(small.sessionCount).toBe(2);
      expect(small.session("third").outbox).toHaveLength(1);
      expect(small.session("first").outbox).toHaveLength(0);
    } finally {
      await small.close();
    }
  });

  it("closes promptly even with a request left unanswered", async () => {
    const closing = await createReferenceServer({ controls: true });
    const token = newToken();
    await createSimulatorControls({ baseUrl: closing.url, token }).setLatency(60_000);
    const transport = createHttpTransport({ baseUrl: closing.url, getAccessToken: () => token });
    const pending = transport.requestSmsCode({ signal: signal() });
    await expect.poll(() => closing.session(token).calls.length).toBe(1);
    const started = Date.now();
    await closing.close({ graceMs: 100 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(codeOf(await pending)).toBe(2202);
  });
});
