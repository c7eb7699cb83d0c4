import type * as z from "zod/mini";
import { fail, succeed } from "../../errors/index.js";
import {
  accountBlockedAnswerSchema,
  codeValidationAnswerSchema,
  deviceActivatedAnswerSchema,
  smsSentAnswerSchema,
  trustedPhoneAnswerSchema,
} from "../../schemas/answers.js";
import { BEARER_TOKEN_PATTERN, MAX_BEARER_TOKEN_LENGTH } from "../../schemas/bearer-token.js";
import { withDeadline } from "../deadline.js";
import type { AccountAnswer, CallContext, Outcome, Transport } from "../ports.js";
import { interpretResponse } from "./answer.js";
import { parseBaseUrl, resolvePath } from "./base-url.js";
import { API_PATHS, DEFAULT_MAX_BODY_BYTES } from "./protocol.js";

/** The part of `fetch` the transport uses; `globalThis.fetch` fits. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** What `createHttpTransport` takes: the backend's base URL, the bearer token source, fetch and a timeout. */
export interface HttpTransportOptions {
  /** `https:` URL of the backend (a path prefix is kept); plain `http:` only on loopback hosts. */
  readonly baseUrl: string | { readonly href: string };
  /** The bearer token, read before every call; may be async. A throw or a malformed token answers 2204. */
  readonly getAccessToken: () => string | Promise<string>;
  /** Default: the platform's `fetch`, read at call time. */
  readonly fetch?: FetchLike | undefined;
  /** Per call, token included; past it the call answers 2201. Default 30 000. */
  readonly timeoutMs?: number | undefined;
  /** Bound of a response body; a larger one answers 2203. Default 65 536. */
  readonly maxResponseBytes?: number | undefined;
}

const WHO = "createHttpTransport";
const DEFAULT_TIMEOUT_MS = 30_000;
/** setTimeout's own bound. */
const MAX_TIMEOUT_MS = 2_147_483_647;

const positive = (name: string, value: number | undefined, fallback: number, max: number): number => {
  const resolved = value ?? fallback;
  if (typeof resolved !== "number" || !Number.isFinite(resolved) || resolved <= 0 || resolved > max) {
    throw new RangeError(`${WHO}: ${name} must be a number > 0 and ≤ ${max}, got ${String(value)}`);
  }
  return resolved;
};

const isValidToken = (token: unknown): token is string =>
  typeof token === "string" && token.length <= MAX_BEARER_TOKEN_LENGTH && BEARER_TOKEN_PATTERN.test(token);

interface Exchange<T> {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly schema: z.ZodMiniType<T>;
}

/**
 * The `Transport` port over HTTP, speaking the protocol of docs/protocol.md. Every call resolves to an
 * outcome, never rejects: no connection → 2202, timeout → 2201, an unparsable, off-schema, cut-off or
 * oversized body → 2203, 5xx, 401/403, 429 and other unexpected statuses → 2204, a PIMS error body
 * `{ error: { code } }` on 400/422 → its code. No retries. An aborted call settles at once (with 2201,
 * which the facade ignores) and its request is aborted, as a timed-out one is.
 *
 * Throws a `TypeError` or `RangeError` at creation for invalid options (plain `http:` to a host that is
 * not loopback, for instance).
 */
export const createHttpTransport = (options: HttpTransportOptions): Transport => {
  if (options === null || typeof options !== "object") throw new TypeError(`${WHO}: options are required`);
  const base = parseBaseUrl(options.baseUrl, WHO);
  const { getAccessToken } = options;
  if (typeof getAccessToken !== "function") {
    throw new TypeError(`${WHO}: getAccessToken must be a function returning the bearer token`);
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new TypeError(`${WHO}: fetch must be a function`);
  }
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = positive("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS);
  const maxBytes = positive(
    "maxResponseBytes",
    options.maxResponseBytes,
    DEFAULT_MAX_BODY_BYTES,
    Number.MAX_SAFE_INTEGER,
  );

  /** Token, request, response: everything but the deadline and the abort, which `call` handles. */
  const exchange = async <T>(spec: Exchange<T>, signal: AbortSignal): Promise<Outcome<T>> => {
    let token: unknown;
    try {
      token = await getAccessToken();
    } catch {
      return fail(2204);
    }
    if (!isValidToken(token) || signal.aborted) return fail(signal.aborted ? 2201 : 2204);
    const headers: Record<string, string> = { accept: "application/json", authorization: `Bearer ${token}` };
    if (spec.body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetchImpl(resolvePath(base, spec.path, spec.query), {
        method: spec.method,
        headers,
        ...(spec.body === undefined ? {} : { body: JSON.stringify(spec.body) }),
        signal,
        redirect: "manual",
        credentials: "omit",
        cache: "no-store",
      });
    } catch {
      // Refused, DNS failure, reset or TLS failure before any answer: nothing came back.
      return fail(2202);
    }
    return interpretResponse(response, spec.schema, maxBytes);
  };

  /**
   * Runs one exchange under the call's signal and the timeout; the first of answer, abort and timeout wins.
   * Cut short, whether by the timeout or by the caller, it answers 2201.
   */
  const call = async <T>(spec: Exchange<T>, ctx: CallContext): Promise<Outcome<T>> => {
    const deadline = withDeadline(
      // exchange never throws by design; if it does, that is a bug: "Unknown error".
      (signal) => exchange(spec, signal).catch(() => fail(2000)),
      timeoutMs,
      ctx.signal,
    );
    const settled = await deadline.settled;
    return settled.ok ? settled.value : fail(2201);
  };

  return {
    getAccount(query, ctx) {
      const schema: z.ZodMiniType<AccountAnswer> =
        query === "isAccountBlocked" ? accountBlockedAnswerSchema : deviceActivatedAnswerSchema;
      return call({ method: "GET", path: API_PATHS.account, query: { type: query }, schema }, ctx);
    },
    getTrustedPhoneNumber(ctx) {
      return call(
        { method: "GET", path: API_PATHS.trustedPhoneNumber, schema: trustedPhoneAnswerSchema },
        ctx,
      );
    },
    async requestSmsCode(ctx) {
      const sent = await call(
        { method: "POST", path: API_PATHS.smsCode, body: {}, schema: smsSentAnswerSchema },
        ctx,
      );
      return sent.ok ? succeed(null) : sent;
    },
    validateSmsCode(smsCode, ctx) {
      return call(
        {
          method: "POST",
          path: API_PATHS.smsCodeValidation,
          body: { smsCode },
          schema: codeValidationAnswerSchema,
        },
        ctx,
      );
    },
  };
};
