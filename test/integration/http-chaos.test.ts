import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorCode } from "../../src/errors";
import { createPims, developmentConfig } from "../../src/facade";
import { createHttpTransport } from "../../src/http";
import type { Outcome } from "../../src/services/ports";
import { expectFailed } from "../support/messages";

/**
 * A misbehaving backend: a raw TCP server that reads an HTTP request head and then does what the
 * request's bearer token names (dropping the connection, answering half a body, an HTML page, a 500…).
 * Each misbehaviour must end in the code docs/protocol.md documents for it, promptly.
 */

const TIMEOUT_MS = 400;
type Act = (socket: Socket) => void;

const head = (status: number, headers: Record<string, string | number> = {}): string =>
  `HTTP/1.1 ${status} Chaos\r\n${Object.entries({ connection: "close", ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join("")}\r\n`;

const answer =
  (status: number, body: string | Buffer, type = "application/json"): Act =>
  (socket) => {
    const bytes = typeof body === "string" ? Buffer.from(body) : body;
    socket.end(
      Buffer.concat([
        Buffer.from(head(status, { "content-type": type, "content-length": bytes.length })),
        bytes,
      ]),
    );
  };

const HTML = "<!doctype html><html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>";
const BIG = JSON.stringify({ isDeviceActivated: false, padding: "x".repeat(1024 * 1024) });

const scenarios = {
  "reset-before-headers": (socket) => socket.resetAndDestroy(),
  "close-before-headers": (socket) => socket.end(),
  "reset-mid-body": (socket) => {
    socket.write(head(200, { "content-type": "application/json", "content-length": 64 }));
    socket.write('{"isDeviceAc');
    setTimeout(() => socket.resetAndDestroy(), 30);
  },
  "closed-mid-body": (socket) => {
    socket.write(head(200, { "content-type": "application/json", "content-length": 64 }));
    setTimeout(() => socket.end('{"isDeviceAc'), 30);
  },
  "slow-body": (socket) => {
    socket.write(head(200, { "content-type": "application/json", "content-length": 64 }));
    socket.write('{"isDeviceAc');
  },
  "no-answer": () => undefined,
  "malformed-json": answer(200, '{"isDeviceActivated": tru'),
  "html-page-200": answer(200, HTML, "text/html"),
  "html-error-502": answer(502, HTML, "text/html"),
  "html-refusal-422": answer(422, HTML, "text/html"),
  "status-500-with-pims-body": answer(500, '{"error":{"code":2305}}'),
  "status-503": answer(503, '{"error":"unavailable"}'),
  "status-429": answer(429, '{"error":"slow down"}'),
  "status-401": answer(401, '{"error":{"code":2204}}'),
  "status-403": answer(403, '{"error":{"code":2204}}'),
  "status-404": answer(404, "not found", "text/plain"),
  "status-204": (socket) => socket.end(head(204)),
  "redirect-302": (socket) => socket.end(head(302, { location: "http://example.com/", "content-length": 0 })),
  "oversized-declared": answer(200, BIG),
  "oversized-chunked": (socket) => {
    socket.write(head(200, { "content-type": "application/json", "transfer-encoding": "chunked" }));
    const chunk = Buffer.from(BIG);
    socket.end(`${chunk.length.toString(16)}\r\n${BIG}\r\n0\r\n\r\n`);
  },
  "off-schema": answer(200, '{"isDeviceActivated":"yes"}'),
  "other-query-answer": answer(200, '{"isAccountBlocked":"NotBlocked"}'),
  "invalid-utf8": answer(200, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
  "empty-200": answer(200, ""),
  "pims-refusal-422": answer(422, '{"error":{"code":2305,"label":"The sms code is invalid"}}'),
  "pims-refusal-400": answer(400, '{"error":{"code":2102,"label":"Invalid type parameter"}}'),
  "unknown-code-422": answer(422, '{"error":{"code":9999}}'),
  "well-formed": answer(200, '{"isDeviceActivated":true}'),
} satisfies Record<string, Act>;
type Scenario = keyof typeof scenarios;

/** What docs/protocol.md says each misbehaviour ends in. */
const expected: Record<Scenario, ErrorCode | "ok"> = {
  "reset-before-headers": 2202,
  "close-before-headers": 2202,
  "reset-mid-body": 2203,
  "closed-mid-body": 2203,
  "slow-body": 2201,
  "no-answer": 2201,
  "malformed-json": 2203,
  "html-page-200": 2203,
  "html-error-502": 2204,
  "html-refusal-422": 2203,
  "status-500-with-pims-body": 2204,
  "status-503": 2204,
  "status-429": 2204,
  "status-401": 2204,
  "status-403": 2204,
  "status-404": 2204,
  "status-204": 2204,
  "redirect-302": 2204,
  "oversized-declared": 2203,
  "oversized-chunked": 2203,
  "off-schema": 2203,
  "other-query-answer": 2203,
  "invalid-utf8": 2203,
  "empty-200": 2203,
  "pims-refusal-422": 2305,
  "pims-refusal-400": 2102,
  "unknown-code-422": 2203,
  "well-formed": "ok",
};

let chaos: Server;
let chaosUrl: string;
const sockets = new Set<Socket>();
/** Requests received per bearer token: the transport must not retry behind the caller's back. */
const requests = new Map<string, number>();
/** Connections closed, by the bearer token of the request they carried. */
const closed = new Map<string, number>();

beforeAll(async () => {
  chaos = createServer((socket) => {
    sockets.add(socket);
    let token = "";
    socket.on("close", () => {
      sockets.delete(socket);
      closed.set(token, (closed.get(token) ?? 0) + 1);
    });
    socket.on("error", () => undefined);
    let received = "";
    let acted = false;
    socket.on("data", (data) => {
      received += data.toString("latin1");
      if (acted || !received.includes("\r\n\r\n")) return;
      acted = true;
      token = /^authorization: Bearer (\S+)\r$/im.exec(received)?.[1] ?? "";
      requests.set(token, (requests.get(token) ?? 0) + 1);
      (scenarios[token as Scenario] ?? answer(400, "unknown scenario", "text/plain"))(socket);
    });
  });
  await new Promise<void>((resolve) => chaos.listen(0, "127.0.0.1", resolve));
  const address = chaos.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  chaosUrl = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => chaos.close(() => resolve()));
});

const transportFor = (token: string | (() => string | Promise<string>), baseUrl = chaosUrl) =>
  createHttpTransport({
    baseUrl,
    getAccessToken: typeof token === "function" ? token : () => token,
    timeoutMs: TIMEOUT_MS,
  });

const signal = () => new AbortController().signal;
const codeOf = (outcome: Outcome<unknown>) => (outcome.ok ? "ok" : outcome.error);

describe("a misbehaving backend ends each call in its documented code, promptly, without retries", () => {
  for (const [scenario, code] of Object.entries(expected) as [Scenario, ErrorCode | "ok"][]) {
    it(`${scenario} → ${code}`, async () => {
      const started = Date.now();
      const outcome = await transportFor(scenario).getAccount("isDeviceActivated", { signal: signal() });
      expect(codeOf(outcome)).toBe(code);
      expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 300);
      expect(requests.get(scenario)).toBe(1);
    });
  }

  it("a closed port (connection refused) → 2202", async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const address = probe.address();
    if (address === null || typeof address === "string") throw new Error("no port");
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const outcome = await transportFor("any", `http://127.0.0.1:${address.port}`).requestSmsCode({
      signal: signal(),
    });
    expect(codeOf(outcome)).toBe(2202);
  });

  it("a host that does not resolve (DNS failure) → 2202", async () => {
    const transport = createHttpTransport({
      baseUrl: "https://pims.nonexistent.invalid",
      getAccessToken: () => "t",
      timeoutMs: 5_000,
    });
    expect(codeOf(await transport.getTrustedPhoneNumber({ signal: signal() }))).toBe(2202);
  });

  it("an aborted call settles at once and drops its connection", async () => {
    const before = requests.get("no-answer") ?? 0;
    const closedBefore = closed.get("no-answer") ?? 0;
    const controller = new AbortController();
    const pending = transportFor("no-answer").validateSmsCode("123456", { signal: controller.signal });
    await expect.poll(() => requests.get("no-answer")).toBe(before + 1);
    expect(closed.get("no-answer") ?? 0).toBe(closedBefore);
    const abortedAt = Date.now();
    controller.abort();
    expect(codeOf(await pending)).toBe(2201);
    expect(Date.now() - abortedAt).toBeLessThan(100);
    await expect.poll(() => closed.get("no-answer")).toBe(closedBefore + 1);
  });

  it("an async token is read before every call; a token that cannot be had answers 2204 without a request", async () => {
    let reads = 0;
    const transport = transportFor(async () => {
      reads += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return "well-formed";
    });
    const before = requests.get("well-formed") ?? 0;
    await transport.getAccount("isDeviceActivated", { signal: signal() });
    await transport.getAccount("isDeviceActivated", { signal: signal() });
    expect(reads).toBe(2);
    expect(requests.get("well-formed")).toBe(before + 2);

    const total = () => [...requests.values()].reduce((a, b) => a + b, 0);
    const sent = total();
    const rejecting = transportFor(() => Promise.reject(new Error("refresh failed")));
    expect(codeOf(await rejecting.getAccount("isDeviceActivated", { signal: signal() }))).toBe(2204);
    const malformed = transportFor("two words");
    expect(codeOf(await malformed.getAccount("isDeviceActivated", { signal: signal() }))).toBe(2204);
    expect(total()).toBe(sent);
  });

  it("through the facade, a malformed answer is the documented 2203 envelope", async () => {
    const pims = createPims({ services: { transport: transportFor("malformed-json") } });
    await pims.initialize(developmentConfig);
    expectFailed(
      await pims.get("pims.authentication.account", { actionType: "strong", type: "isDeviceActivated" }),
      2203,
    );
  });
});

describe("createHttpTransport refuses invalid options at creation, with a TypeError", () => {
  const getAccessToken = () => "t";
  it.each([
    ["http://example.com", /https/],
    ["http://192.0.2.1:8080/pims", /https/],
    ["http://127.0.0.1.example.com", /https/],
    ["ftp://127.0.0.1", /https/],
    ["/relative/path", /absolute URL/],
    ["https://user:secret@example.com", /credentials/],
    ["https://example.com/pims?x=1", /query/],
  ])("%s", (baseUrl, message) => {
    expect(() => createHttpTransport({ baseUrl, getAccessToken })).toThrow(TypeError);
    expect(() => createHttpTransport({ baseUrl, getAccessToken })).toThrow(message);
  });

  it.each([
    "https://pims.example.com",
    "https://pims.example.com/api/",
    "http://127.0.0.1:8787",
    "http://127.1.2.3",
    "http://localhost:3000/pims",
    "http://[::1]:8787",
  ])("accepts %s", (baseUrl) => {
    expect(() => createHttpTransport({ baseUrl, getAccessToken })).not.toThrow();
  });

  it("refuses a missing getAccessToken and a timeout that is not a positive number", () => {
    expect(() =>
      createHttpTransport({ baseUrl: "https://x.example", getAccessToken: undefined as never }),
    ).toThrow(TypeError);
    expect(() => createHttpTransport({ baseUrl: "https://x.example", getAccessToken, timeoutMs: 0 })).toThrow(
      RangeError,
    );
  });

  it("keeps the base URL's path prefix and sends the bearer token", async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const transport = createHttpTransport({
      baseUrl: "https://pims.example.com/api/",
      getAccessToken: () => "abc.def",
      fetch: async (url, init) => {
        seen.push({ url, auth: new Headers(init.headers).get("authorization") });
        return new Response('{"isAccountBlocked":"PINBlocked"}', { status: 200 });
      },
    });
    expect(await transport.getAccount("isAccountBlocked", { signal: signal() })).toStrictEqual({
      ok: true,
      value: { isAccountBlocked: "PINBlocked" },
    });
    expect(seen).toStrictEqual([
      { url: "https://pims.example.com/api/v1/account?type=isAccountBlocked", auth: "Bearer abc.def" },
    ]);
  });
});
