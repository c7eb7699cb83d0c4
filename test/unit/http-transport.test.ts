import { describe, expect, it, vi } from "vitest";
import { API_PATHS, createHttpTransport, type FetchLike, HEALTH_PATH, isLoopbackHost } from "../../src/http";
import { CONTROL_PATHS, createSimulatorControls } from "../../src/http/controls";
import { deviceActivatedAnswerSchema } from "../../src/schemas/answers";
import { interpretResponse } from "../../src/services/http/answer";
import { parseBaseUrl, resolvePath } from "../../src/services/http/base-url";
import { DEFAULT_MAX_BODY_BYTES, REFUSAL_STATUSES, refusalStatusOf } from "../../src/services/http/protocol";
import { discardBody, readBoundedText } from "../../src/services/http/read-body";
import type { Outcome } from "../../src/services/ports";
import { ctx, PHONE } from "../support/fixtures";
import { fakeTimeouts, settle } from "../support/timing";

/**
 * The HTTP transport in process, over a scripted `fetch`: what it sends, and what each answer, failure,
 * timeout and abort becomes. (test/integration runs it against real sockets and the reference server.)
 */

interface Sent {
  readonly url: string;
  readonly init: RequestInit;
  readonly headers: Record<string, string>;
}

/** A `fetch` that records each request and answers with `reply`. */
const scripted = (reply: (sent: Sent) => Response | Promise<Response>) => {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (url, init) => {
    const request = { url, init, headers: { ...(init.headers as Record<string, string>) } };
    sent.push(request);
    return reply(request);
  };
  return { sent, fetch };
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

/** A `fetch` that never answers, but rejects as a real one does when its signal aborts. */
const hanging = () => {
  const signals: AbortSignal[] = [];
  const fetch: FetchLike = (_url, init) =>
    new Promise((_resolve, reject) => {
      const signal = init.signal as AbortSignal;
      signals.push(signal);
      signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")), {
        once: true,
      });
    });
  return { fetch, signals };
};

const codeOf = (outcome: Outcome<unknown>) => (outcome.ok ? "ok" : outcome.error);
const BASE = "https://pims.example.com/api";
const transportWith = (fetch: FetchLike, extra: Partial<Parameters<typeof createHttpTransport>[0]> = {}) =>
  createHttpTransport({ baseUrl: BASE, getAccessToken: () => "tok-123", fetch, ...extra });

describe("what the transport sends", () => {
  it("each operation: its method, URL under the base path, bearer token, JSON body and fetch options", async () => {
    const { sent, fetch } = scripted(({ url }) => {
      if (url.includes("validation")) return json(200, { status: "NotEnrolled", activationCode: "act-1" });
      if (url.endsWith(API_PATHS.smsCode)) return json(200, { sent: true });
      if (url.includes("trustedphonenumber")) return json(200, { phoneNumber: PHONE });
      if (url.includes("isAccountBlocked")) return json(200, { isAccountBlocked: "NotBlocked" });
      return json(200, { isDeviceActivated: false });
    });
    const transport = transportWith(fetch);
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
    expect(await transport.requestSmsCode(ctx())).toStrictEqual({ ok: true, value: null });
    expect(await transport.validateSmsCode("012345", ctx())).toStrictEqual({
      ok: true,
      value: { status: "NotEnrolled", activationCode: "act-1" },
    });
    expect(sent.map((s) => [s.init.method, s.url, s.init.body])).toStrictEqual([
      ["GET", `${BASE}/v1/account?type=isDeviceActivated`, undefined],
      ["GET", `${BASE}/v1/account?type=isAccountBlocked`, undefined],
      ["GET", `${BASE}/v1/trustedphonenumber`, undefined],
      ["POST", `${BASE}/v1/smscode`, "{}"],
      ["POST", `${BASE}/v1/smscode/validation`, '{"smsCode":"012345"}'],
    ]);
    for (const s of sent) {
      expect("body" in s.init).toBe(s.init.method === "POST");
      expect(s.init).toMatchObject({ redirect: "manual", credentials: "omit", cache: "no-store" });
      expect(s.init.signal).toBeInstanceOf(AbortSignal);
      expect(s.headers.accept).toBe("application/json");
      expect(s.headers.authorization).toBe("Bearer tok-123");
      expect(s.headers["content-type"]).toBe(s.init.method === "POST" ? "application/json" : undefined);
      expect(Object.keys(s.headers).sort()).toEqual(
        s.init.method === "POST" ? ["accept", "authorization", "content-type"] : ["accept", "authorization"],
      );
    }
  });

  it("reads the token before every call, awaiting an async one", async () => {
    const tokens = ["first", "second"];
    const { sent, fetch } = scripted(() => json(200, { phoneNumber: null }));
    const transport = createHttpTransport({
      baseUrl: BASE,
      getAccessToken: async () => tokens.shift() ?? "none",
      fetch,
    });
    await transport.getTrustedPhoneNumber(ctx());
    await transport.getTrustedPhoneNumber(ctx());
    expect(sent.map((s) => s.headers.authorization)).toEqual(["Bearer first", "Bearer second"]);
  });

  it.each([
    ["a token that throws", () => Promise.reject(new Error("expired"))],
    ["a token that is not a string", () => 42 as unknown as string],
    ["a token with a space", () => "two words"],
    ["an empty token", () => ""],
    ["a token over 4096 characters", () => "a".repeat(4097)],
  ])("%s answers 2204 and sends nothing", async (_name, getAccessToken) => {
    const { sent, fetch } = scripted(() => json(200, { phoneNumber: null }));
    const transport = createHttpTransport({ baseUrl: BASE, getAccessToken, fetch });
    expect(codeOf(await transport.getTrustedPhoneNumber(ctx()))).toBe(2204);
    expect(sent).toHaveLength(0);
  });

  it("accepts a token of exactly 4096 characters with base64 padding", async () => {
    const { sent, fetch } = scripted(() => json(200, { phoneNumber: null }));
    const token = `${"a".repeat(4094)}==`;
    const transport = createHttpTransport({ baseUrl: BASE, getAccessToken: () => token, fetch });
    expect(codeOf(await transport.getTrustedPhoneNumber(ctx()))).toBe("ok");
    expect(sent[0]?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it("reads the platform's fetch at call time when none is given", async () => {
    const original = globalThis.fetch;
    const { sent, fetch } = scripted(() => json(200, { isDeviceActivated: true }));
    const transport = createHttpTransport({ baseUrl: BASE, getAccessToken: () => "t" });
    globalThis.fetch = fetch as typeof globalThis.fetch;
    try {
      expect(codeOf(await transport.getAccount("isDeviceActivated", ctx()))).toBe("ok");
    } finally {
      globalThis.fetch = original;
    }
    expect(sent).toHaveLength(1);
  });
});

describe("what each answer becomes", () => {
  const answerOf = async (response: () => Response) => {
    const { fetch } = scripted(response);
    return transportWith(fetch).getAccount("isDeviceActivated", ctx());
  };

  it.each([
    ["a 200 that fits the schema", () => json(200, { isDeviceActivated: true }), "ok"],
    ["a 200 off the schema", () => json(200, { isDeviceActivated: "yes" }), 2203],
    ["a 200 with another query's answer", () => json(200, { isAccountBlocked: "NotBlocked" }), 2203],
    ["a 200 that does not parse", () => json(200, '{"isDeviceActivated": tru'), 2203],
    ["an empty 200", () => new Response("", { status: 200 }), 2203],
    ["a 400 PIMS refusal", () => json(400, { error: { code: 2102, label: "Invalid type parameter" } }), 2102],
    ["a 422 PIMS refusal", () => json(422, { error: { code: 2305 } }), 2305],
    ["a 422 with a code outside the catalogue", () => json(422, { error: { code: 9999 } }), 2203],
    ["a 422 whose body is not a PIMS error", () => json(422, { error: "nope" }), 2203],
    ["a 422 HTML page", () => new Response("<html></html>", { status: 422 }), 2203],
    ["a 500 with a PIMS body", () => json(500, { error: { code: 2305 } }), 2204],
    ["a 503", () => json(503, "unavailable"), 2204],
    ["a 429", () => json(429, "slow down"), 2204],
    ["a 401", () => json(401, { error: { code: 2204 } }), 2204],
    ["a 404", () => new Response("not found", { status: 404 }), 2204],
    ["a 204", () => new Response(null, { status: 204 }), 2204],
    ["a 302", () => new Response(null, { status: 302, headers: { location: "https://elsewhere" } }), 2204],
  ] as const)("%s → %s", async (_name, response, code) => {
    expect(codeOf(await answerOf(response))).toBe(code);
  });

  it.each([
    ["an SMS answer that says it was not sent", { sent: false }],
    ["an SMS answer whose `sent` is the string true", { sent: "true" }],
    ["an SMS answer without `sent`", {}],
  ])("%s → 2203", async (_name, body) => {
    const { fetch } = scripted(() => json(200, body));
    expect(codeOf(await transportWith(fetch).requestSmsCode(ctx()))).toBe(2203);
  });

  it.each([
    ["an empty activation code", { status: "NotEnrolled", activationCode: "" }],
    ["an activation code that is not a string", { status: "NotEnrolled", activationCode: 42 }],
    ["a status outside the documented ones", { status: "Enrolled", activationCode: "act-1" }],
  ])("a validation answer with %s → 2203", async (_name, body) => {
    const { fetch } = scripted(() => json(200, body));
    expect(codeOf(await transportWith(fetch).validateSmsCode("123456", ctx()))).toBe(2203);
  });

  it.each([
    ["the code as a string", { error: { code: "2305" } }],
    ["a fractional code", { error: { code: 2305.5 } }],
    ["no code", { error: { label: "Invalid code" } }],
  ])("a refusal with %s → 2203", async (_name, body) => {
    const { fetch } = scripted(() => json(422, body));
    expect(codeOf(await transportWith(fetch).validateSmsCode("123456", ctx()))).toBe(2203);
  });

  it("a fetch that rejects (no connection) → 2202", async () => {
    const transport = transportWith(() => Promise.reject(new TypeError("fetch failed")));
    expect(codeOf(await transport.requestSmsCode(ctx()))).toBe(2202);
  });

  it("a body larger than maxResponseBytes → 2203, declared or not", async () => {
    const body = JSON.stringify({ isDeviceActivated: true, padding: "x".repeat(200) });
    const declared = scripted(() => json(200, body, { "content-length": String(body.length) }));
    expect(
      codeOf(
        await transportWith(declared.fetch, { maxResponseBytes: 100 }).getAccount("isDeviceActivated", ctx()),
      ),
    ).toBe(2203);
    const streamed = scripted(() => json(200, body));
    expect(
      codeOf(
        await transportWith(streamed.fetch, { maxResponseBytes: 100 }).getAccount("isDeviceActivated", ctx()),
      ),
    ).toBe(2203);
    const fits = scripted(() => json(200, body));
    expect(
      codeOf(
        await transportWith(fits.fetch, { maxResponseBytes: body.length }).getAccount(
          "isDeviceActivated",
          ctx(),
        ),
      ),
    ).toBe("ok");
  });

  it("a body that breaks off mid-way → 2203", async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"isDeviceAc'));
        controller.error(new Error("socket hang up"));
      },
    });
    const { fetch } = scripted(() => new Response(broken, { status: 200 }));
    expect(codeOf(await transportWith(fetch).getAccount("isDeviceActivated", ctx()))).toBe(2203);
  });

  it("a body that is not UTF-8 → 2203", async () => {
    const { fetch } = scripted(
      () => new Response(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), { status: 200 }),
    );
    expect(codeOf(await transportWith(fetch).getAccount("isDeviceActivated", ctx()))).toBe(2203);
  });

  it("a fetch implementation that throws synchronously is 2202, and one whose answer throws when read is 2000", async () => {
    const throwing = transportWith(() => {
      throw new Error("sync");
    });
    expect(codeOf(await throwing.getTrustedPhoneNumber(ctx()))).toBe(2202);
    const poisoned = {
      get status(): number {
        throw new Error("poisoned");
      },
    } as unknown as Response;
    const bug = transportWith(async () => poisoned);
    expect(codeOf(await bug.getTrustedPhoneNumber(ctx()))).toBe(2000);
  });
});

describe("timeouts and aborts", () => {
  it("past timeoutMs the call answers 2201 and its request is aborted", async () => {
    const { fetch, signals } = hanging();
    const transport = transportWith(fetch, { timeoutMs: 30 });
    const started = Date.now();
    expect(codeOf(await transport.validateSmsCode("123456", ctx()))).toBe(2201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(signals[0]?.aborted).toBe(true);
  });

  it("the timeout covers a token that takes too long", async () => {
    fakeTimeouts();
    const { sent, fetch } = scripted(() => json(200, { phoneNumber: null }));
    const transport = createHttpTransport({
      baseUrl: BASE,
      getAccessToken: () => new Promise((resolve) => setTimeout(() => resolve("late"), 200)),
      fetch,
      timeoutMs: 20,
    });
    const answer = transport.getTrustedPhoneNumber(ctx());
    await vi.advanceTimersByTimeAsync(20);
    expect(codeOf(await answer)).toBe(2201);
    // The token comes at 200 ms: too late, nothing is sent with it.
    await vi.advanceTimersByTimeAsync(180);
    expect(sent).toHaveLength(0);
  });

  it("an abort settles the call at once with 2201 and aborts its request", async () => {
    const { fetch, signals } = hanging();
    const controller = new AbortController();
    const pending = transportWith(fetch).requestSmsCode({ signal: controller.signal });
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    expect(signals[0]?.aborted).toBe(false);
    controller.abort();
    expect(codeOf(await pending)).toBe(2201);
    expect(signals[0]?.aborted).toBe(true);
  });

  it("a call whose signal is already aborted answers 2201 without reading the token or sending", async () => {
    let reads = 0;
    const { sent, fetch } = scripted(() => json(200, { phoneNumber: null }));
    const transport = createHttpTransport({
      baseUrl: BASE,
      getAccessToken: () => {
        reads += 1;
        return "t";
      },
      fetch,
    });
    const controller = new AbortController();
    controller.abort();
    expect(codeOf(await transport.getTrustedPhoneNumber({ signal: controller.signal }))).toBe(2201);
    expect(reads).toBe(0);
    expect(sent).toHaveLength(0);
  });

  it("an abort while the token is read sends nothing", async () => {
    const { sent, fetch } = scripted(() => json(200, { phoneNumber: null }));
    const controller = new AbortController();
    const transport = createHttpTransport({
      baseUrl: BASE,
      getAccessToken: async () => {
        controller.abort();
        return "t";
      },
      fetch,
    });
    expect(codeOf(await transport.getTrustedPhoneNumber({ signal: controller.signal }))).toBe(2201);
    await settle();
    expect(sent).toHaveLength(0);
  });

  it("a settled call leaves no listener on the caller's signal and aborts its own request's signal", async () => {
    const { sent, fetch } = scripted(() => json(200, { phoneNumber: null }));
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<AbortSignal["addEventListener"]>) => {
      expect(args[0]).toBe("abort");
      added += 1;
      add(...args);
    }) as AbortSignal["addEventListener"];
    signal.removeEventListener = ((...args: Parameters<AbortSignal["removeEventListener"]>) => {
      expect(args[0]).toBe("abort");
      removed += 1;
      remove(...args);
    }) as AbortSignal["removeEventListener"];
    expect(codeOf(await transportWith(fetch).getTrustedPhoneNumber({ signal }))).toBe("ok");
    expect(added).toBe(1);
    expect(removed).toBe(1);
    expect(sent[0]?.init.signal?.aborted).toBe(true);
  });
});

describe("createHttpTransport's options", () => {
  const getAccessToken = () => "t";
  it.each([
    [null, TypeError, /options are required/],
    ["https://x.example", TypeError, /options are required/],
    [{ baseUrl: "https://x.example" }, TypeError, /getAccessToken must be a function/],
    [{ baseUrl: "https://x.example", getAccessToken, fetch: "fetch" }, TypeError, /fetch must be a function/],
    [
      { baseUrl: "https://x.example", getAccessToken, timeoutMs: 0 },
      RangeError,
      /timeoutMs must be a number > 0/,
    ],
    [{ baseUrl: "https://x.example", getAccessToken, timeoutMs: -5 }, RangeError, /timeoutMs/],
    [{ baseUrl: "https://x.example", getAccessToken, timeoutMs: Number.NaN }, RangeError, /timeoutMs/],
    [{ baseUrl: "https://x.example", getAccessToken, timeoutMs: "10" }, RangeError, /timeoutMs/],
    [{ baseUrl: "https://x.example", getAccessToken, timeoutMs: 2_147_483_648 }, RangeError, /≤ 2147483647/],
    [{ baseUrl: "https://x.example", getAccessToken, maxResponseBytes: 0 }, RangeError, /maxResponseBytes/],
  ])("%j throws", (options, type, message) => {
    expect(() => createHttpTransport(options as never)).toThrow(type);
    expect(() => createHttpTransport(options as never)).toThrow(message);
  });

  it("names itself in what it throws", () => {
    expect(() => createHttpTransport(null as never)).toThrow("createHttpTransport: options are required");
    expect(() => createHttpTransport({ baseUrl: "ftp://x", getAccessToken })).toThrow(
      "createHttpTransport: baseUrl must use https: (got ftp:)",
    );
    expect(() =>
      createHttpTransport({ baseUrl: "https://x.example", getAccessToken, timeoutMs: -1 }),
    ).toThrow("createHttpTransport: timeoutMs must be a number > 0 and ≤ 2147483647, got -1");
  });

  it("accepts the largest timeout setTimeout takes", () => {
    expect(() =>
      createHttpTransport({ baseUrl: "https://x.example", getAccessToken, timeoutMs: 2_147_483_647 }),
    ).not.toThrow();
  });
});

describe("base URLs", () => {
  it.each([
    [
      "https://PIMS.Example.com/",
      { origin: "https://pims.example.com", host: "pims.example.com", prefix: "" },
    ],
    [
      "HTTPS://pims.example.com/api//",
      { origin: "https://pims.example.com", host: "pims.example.com", prefix: "/api" },
    ],
    ["http://127.0.0.1:8787", { origin: "http://127.0.0.1:8787", host: "127.0.0.1", prefix: "" }],
    ["http://[::1]:80/x", { origin: "http://[::1]:80", host: "[::1]", prefix: "/x" }],
    ["https://h.example:65535", { origin: "https://h.example:65535", host: "h.example", prefix: "" }],
  ])("%s", (url, parsed) => {
    expect(parseBaseUrl(url, "who")).toStrictEqual(parsed);
    expect(parseBaseUrl({ href: url }, "who")).toStrictEqual(parsed);
  });

  it.each([
    ["no scheme", "pims.example.com", /who: baseUrl must be an absolute URL, got "pims.example.com"/],
    ["another scheme", "ftp://127.0.0.1", /who: baseUrl must use https: \(got ftp:\)/],
    ["credentials", "https://u:p@pims.example.com", /who: baseUrl must not carry credentials/],
    ["an invalid host", "https://pi ms.example.com", /who: baseUrl has an invalid host "pi ms.example.com"/],
    ["a port over 65535", "https://pims.example.com:65536", /invalid host/],
    ["an empty host", "https:///api", /invalid host/],
    [
      "plain http elsewhere",
      "http://pims.example.com",
      /plain http: is allowed only on loopback hosts.*http:\/\/pims.example.com/,
    ],
    ["a query", "https://pims.example.com/?a=1", /must not have a query or a fragment/],
    ["a fragment", "https://pims.example.com/#top", /must not have a query or a fragment/],
  ])("refuses %s", (_name, url, message) => {
    expect(() => parseBaseUrl(url, "who")).toThrow(TypeError);
    expect(() => parseBaseUrl(url, "who")).toThrow(message);
  });

  it("refuses a missing base URL, or one with anything before its scheme", () => {
    expect(() => parseBaseUrl(null as never, "who")).toThrow(
      'who: baseUrl must be an absolute URL, got "undefined"',
    );
    expect(() => parseBaseUrl({} as never, "who")).toThrow(
      'who: baseUrl must be an absolute URL, got "undefined"',
    );
    expect(() => parseBaseUrl(" https://pims.example.com", "who")).toThrow(/absolute URL/);
  });

  it("resolves protocol paths under the base path, with an encoded query", () => {
    const base = parseBaseUrl("https://pims.example.com/api/", "who");
    expect(resolvePath(base, "/v1/account")).toBe("https://pims.example.com/api/v1/account");
    expect(resolvePath(base, "/v1/account", {})).toBe("https://pims.example.com/api/v1/account");
    expect(resolvePath(base, "/v1/account", { type: "a b&c", "x/y": "1" })).toBe(
      "https://pims.example.com/api/v1/account?type=a%20b%26c&x%2Fy=1",
    );
  });

  it.each([
    ["localhost", true],
    ["LOCALHOST", true],
    ["::1", true],
    ["[::1]", true],
    ["0:0:0:0:0:0:0:1", true],
    ["127.0.0.1", true],
    ["127.255.3.4", true],
    ["::ffff:127.0.0.1", true],
    ["127.0.0", false],
    ["127.0.0.1.5", false],
    ["127.0.0.256", false],
    ["127.0.0.x", false],
    ["128.0.0.1", false],
    ["10.0.0.1", false],
    ["localhost.example.com", false],
    ["::2", false],
  ])("%s is loopback: %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe("the protocol's constants", () => {
  it("refusals travel on 400 (input errors) and 422 (the rest)", () => {
    expect(REFUSAL_STATUSES).toEqual([400, 422]);
    expect(refusalStatusOf(2101)).toBe(400);
    expect(refusalStatusOf(2102)).toBe(400);
    expect(refusalStatusOf(2305)).toBe(422);
    expect(refusalStatusOf(2309)).toBe(422);
    expect(DEFAULT_MAX_BODY_BYTES).toBe(65_536);
  });

  it("names the documented paths", () => {
    expect(API_PATHS).toStrictEqual({
      account: "/v1/account",
      trustedPhoneNumber: "/v1/trustedphonenumber",
      smsCode: "/v1/smscode",
      smsCodeValidation: "/v1/smscode/validation",
    });
    expect(CONTROL_PATHS).toStrictEqual({
      outbox: "/_sim/outbox",
      calls: "/_sim/calls",
      failNext: "/_sim/fail-next",
      faults: "/_sim/faults",
      offline: "/_sim/offline",
      latency: "/_sim/latency",
      reset: "/_sim/reset",
      session: "/_sim/session",
    });
    expect(HEALTH_PATH).toBe("/healthz");
  });
});

describe("reading a body within a bound", () => {
  it("gives the text when it fits, exactly up to the bound", async () => {
    expect(await readBoundedText(new Response("héllo"), 6)).toBe("héllo");
    expect(await readBoundedText(new Response("héllo"), 5)).toBeUndefined();
  });

  it("reads a body whose declared length is exactly the bound", async () => {
    const response = new Response("12345", { headers: { "content-length": "5" } });
    expect(await readBoundedText(response, 5)).toBe("12345");
  });

  it("falls back to reading the whole text when the body has no reader, or the platform no TextDecoder", async () => {
    const readerless = { headers: new Headers(), body: {}, text: async () => "abc" } as unknown as Response;
    expect(await readBoundedText(readerless, 3)).toBe("abc");
    expect(
      await readBoundedText({ ...readerless, text: async () => "abcd" } as unknown as Response, 3),
    ).toBeUndefined();
    const decoder = globalThis.TextDecoder;
    try {
      (globalThis as { TextDecoder?: unknown }).TextDecoder = undefined;
      const streamed = new Response("xyz");
      expect(await readBoundedText(streamed, 3)).toBe("xyz");
      expect(streamed.bodyUsed).toBe(true);
    } finally {
      globalThis.TextDecoder = decoder;
    }
  });

  it("refuses on the declared length before reading, and cancels the body", async () => {
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(10));
      },
      cancel() {
        cancelled = true;
      },
    });
    const response = new Response(body, { headers: { "content-length": "1000" } });
    expect(await readBoundedText(response, 100)).toBeUndefined();
    await vi.waitFor(() => expect(cancelled).toBe(true));
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("stops a body that grows past the bound without a declared length", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(64).fill(0x61));
      },
      cancel() {
        cancelled = true;
      },
    });
    expect(await readBoundedText(new Response(body), 100)).toBeUndefined();
    expect(cancelled).toBe(true);
  });

  it("decodes UTF-8 split across chunks, and rejects bytes that are not UTF-8", async () => {
    const bytes = new TextEncoder().encode('{"a":"é"}');
    const split = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 7));
        controller.enqueue(bytes.slice(7));
        controller.close();
      },
    });
    expect(await readBoundedText(new Response(split), 100)).toBe('{"a":"é"}');
    await expect(readBoundedText(new Response(new Uint8Array([0xff, 0xfe])), 100)).rejects.toThrow();
  });

  it("without response streams (React Native), reads the whole text and checks its length after", async () => {
    const plain = (text: string) =>
      ({ headers: new Headers(), body: null, text: async () => text }) as unknown as Response;
    expect(await readBoundedText(plain("1234"), 4)).toBe("1234");
    expect(await readBoundedText(plain("12345"), 4)).toBeUndefined();
  });

  it("discarding a body cancels it, and tolerates one already used or absent", async () => {
    let cancelled = false;
    const body = new ReadableStream({
      cancel() {
        cancelled = true;
      },
    });
    discardBody(new Response(body));
    await vi.waitFor(() => expect(cancelled).toBe(true));
    const used = new Response("x");
    await used.text();
    expect(() => discardBody(used)).not.toThrow();
    expect(() => discardBody(new Response(null))).not.toThrow();
    const locked = new Response("y");
    locked.body?.getReader();
    expect(() => discardBody(locked)).not.toThrow();
  });

  it("interprets a response against a schema, bounded", async () => {
    expect(
      await interpretResponse(json(200, { isDeviceActivated: true }), deviceActivatedAnswerSchema, 100),
    ).toStrictEqual({
      ok: true,
      value: { isDeviceActivated: true },
    });
    expect(
      await interpretResponse(json(200, { isDeviceActivated: true }), deviceActivatedAnswerSchema, 10),
    ).toStrictEqual({ ok: false, error: 2203 });
    expect(
      await interpretResponse(json(422, { error: { code: 2306 } }), deviceActivatedAnswerSchema, 10),
    ).toStrictEqual({
      ok: false,
      error: 2203,
    });
    expect(
      await interpretResponse(json(422, { error: { code: 2306 } }), deviceActivatedAnswerSchema, 100),
    ).toStrictEqual({
      ok: false,
      error: 2306,
    });
  });
});

describe("the simulator controls over HTTP", () => {
  const controlsWith = (reply: (sent: Sent) => Response) => {
    const { sent, fetch } = scripted(reply);
    return {
      sent,
      controls: createSimulatorControls({ baseUrl: "http://127.0.0.1:8787/base/", token: "sess-1", fetch }),
    };
  };

  it("reads the outbox and the calls, and sends each control with the session's token", async () => {
    const { sent, controls } = controlsWith(({ url }) => {
      if (url.endsWith("/outbox"))
        return json(200, {
          outbox: [{ to: PHONE, code: "123456", at: 5, text: "@localhost #123456" }],
        });
      if (url.endsWith("/calls")) return json(200, { calls: [{ operation: "smscode.get", at: 5 }] });
      return json(200, {});
    });
    expect(await controls.outbox()).toStrictEqual([
      { to: PHONE, code: "123456", at: 5, text: "@localhost #123456" },
    ]);
    expect(await controls.calls()).toStrictEqual([{ operation: "smscode.get", at: 5 }]);
    await controls.failNext("smscode.set", 2305);
    await controls.setOffline(true);
    await controls.setLatency(25);
    await controls.reset();
    await controls.configure({ phoneNumber: null, seed: 3 });
    expect(sent.map((s) => [s.init.method, s.url, s.init.body])).toStrictEqual([
      ["GET", "http://127.0.0.1:8787/base/_sim/outbox", undefined],
      ["GET", "http://127.0.0.1:8787/base/_sim/calls", undefined],
      ["POST", "http://127.0.0.1:8787/base/_sim/fail-next", '{"operation":"smscode.set","code":2305}'],
      ["POST", "http://127.0.0.1:8787/base/_sim/offline", '{"offline":true}'],
      ["POST", "http://127.0.0.1:8787/base/_sim/latency", '{"ms":25}'],
      ["POST", "http://127.0.0.1:8787/base/_sim/reset", undefined],
      ["PUT", "http://127.0.0.1:8787/base/_sim/session", '{"phoneNumber":null,"seed":3}'],
    ]);
    for (const s of sent) {
      expect("body" in s.init).toBe(s.init.body !== undefined);
      expect(s.headers.authorization).toBe("Bearer sess-1");
      expect(s.headers.accept).toBe("application/json");
      expect(s.headers["content-type"]).toBe(s.init.body === undefined ? undefined : "application/json");
    }
  });

  it("rejects with the server's message, its label, or the status alone", async () => {
    const withMessage = controlsWith(() =>
      json(400, {
        error: { code: 2102, label: "Invalid code parameter", message: "9999 is not a catalogue error code" },
      }),
    );
    await expect(withMessage.controls.failNext("smscode.set", 2305)).rejects.toThrow(
      "simulator control POST /_sim/fail-next: HTTP 400 — 9999 is not a catalogue error code",
    );
    const withLabel = controlsWith(() => json(404, { error: { code: 2204, label: "Server error" } }));
    await expect(withLabel.controls.reset()).rejects.toThrow(
      "simulator control POST /_sim/reset: HTTP 404 — Server error",
    );
    const bare = controlsWith(() => new Response("nope", { status: 502 }));
    await expect(bare.controls.outbox()).rejects.toThrow(/^simulator control GET \/_sim\/outbox: HTTP 502$/);
  });

  it("rejects an answer off its schema", async () => {
    const { controls } = controlsWith(() => json(200, { outbox: [{ to: 1 }] }));
    await expect(controls.outbox()).rejects.toThrow();
  });

  it("refuses a base URL that is not absolute", () => {
    expect(() => createSimulatorControls({ baseUrl: "/x", token: "t" })).toThrow(
      /createSimulatorControls: baseUrl/,
    );
  });

  it("uses the platform's fetch when none is given", async () => {
    const original = globalThis.fetch;
    const { sent, fetch } = scripted(() => json(200, { calls: [] }));
    globalThis.fetch = fetch as typeof globalThis.fetch;
    try {
      const controls = createSimulatorControls({ baseUrl: "http://127.0.0.1:1", token: "t" });
      expect(await controls.calls()).toEqual([]);
    } finally {
      globalThis.fetch = original;
    }
    expect(sent).toHaveLength(1);
  });
});
