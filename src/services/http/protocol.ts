import { catalogEntry, type ErrorCode } from "../../errors/index.js";

/**
 * The JSON-over-HTTP protocol between the HTTP transport and a PIMS backend (the reference server speaks
 * it too). docs/protocol.md is its description; this file is its single source in code.
 */

/** The four backend operations. Paths are relative to the transport's `baseUrl`. */
export const API_PATHS = {
  /** `GET ?type=isDeviceActivated|isAccountBlocked` → `{ isDeviceActivated }` | `{ isAccountBlocked }` */
  account: "/v1/account",
  /** `GET` → `{ phoneNumber: string | null }` */
  trustedPhoneNumber: "/v1/trustedphonenumber",
  /** `POST {}` → `{ sent: true }`: sends an SMS code to the trusted phone. */
  smsCode: "/v1/smscode",
  /** `POST { smsCode }` → `{ status, activationCode }` */
  smsCodeValidation: "/v1/smscode/validation",
} as const;

/** The simulator controls: served only by a reference server started with controls, to loopback clients. */
export const CONTROL_PATHS = {
  /** `GET` → `{ outbox: [{ to, code, at, text }] }` */
  outbox: "/_sim/outbox",
  /** `GET` → `{ calls: [{ operation, at }] }` */
  calls: "/_sim/calls",
  /** `POST { operation, code, times? }` */
  failNext: "/_sim/fail-next",
  /** `GET` → `{ faults: [{ id, operation, code, armedAt, firedBy }] }` */
  faults: "/_sim/faults",
  /** `POST { offline: boolean }` */
  offline: "/_sim/offline",
  /** `POST { ms }` */
  latency: "/_sim/latency",
  /** `POST`: back to the session's initial state. */
  reset: "/_sim/reset",
  /** `PUT { …simulator options }`: a new simulator for the session. */
  session: "/_sim/session",
} as const;

/** Unauthenticated liveness probe: `GET` → `{ status: "ok" }`. */
export const HEALTH_PATH = "/healthz";

/** The statuses that carry a PIMS refusal `{ error: { code } }`: 400 for input errors, 422 for the rest. */
export const REFUSAL_STATUSES: readonly number[] = [400, 422];

/** The status a refusal with this code is answered with. */
export const refusalStatusOf = (code: ErrorCode): 400 | 422 =>
  catalogEntry(code).type === "Input error" ? 400 : 422;

/** Default bound of a response body the transport reads, and of a request body the server reads. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Loopback hosts, where plain `http:` is allowed: 127.0.0.0/8, ::1 and `localhost`. */
export const isLoopbackHost = (host: string): boolean => {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (bare === "localhost" || bare === "::1" || bare === "0:0:0:0:0:0:0:1") return true;
  const v4 = bare.replace(/^::ffff:/, "");
  const octets = v4.split(".");
  return (
    octets.length === 4 &&
    octets[0] === "127" &&
    octets.every((o) => /^[0-9]{1,3}$/.test(o) && Number(o) <= 255)
  );
};
