import * as z from "zod/mini";
import { BEARER_TOKEN_PATTERN, MAX_BEARER_TOKEN_LENGTH } from "./bearer-token.js";

/**
 * The bodies of the HTTP protocol (docs/protocol.md) that the transport's answers (`src/schemas/answers.ts`)
 * are not: what the server accepts, its error bodies as the simulator controls' client reads them, and the
 * simulator controls.
 */

/** The bearer token a request must carry, as the server checks it. */
export const bearerTokenSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(MAX_BEARER_TOKEN_LENGTH), z.regex(BEARER_TOKEN_PATTERN));

/** `GET /v1/account?type=…` */
export const accountQuerySchema = z.enum(["isDeviceActivated", "isAccountBlocked"]);

/** `POST /v1/smscode`: an empty JSON object (or no body at all). */
export const smsCodeRequestSchema = z.object({});

/**
 * `POST /v1/smscode/validation`. Digits only; the facade already checked the format, so up to 20 digits
 * are accepted here (a safe integer passed as a number has up to 16).
 */
export const smsCodeValidationRequestSchema = z.object({
  smsCode: z.string().check(z.regex(/^[0-9]{1,20}$/)),
});

/** Every error body: `{ error: { code, label?, message? } }`; `code` is a catalogue code. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.int(),
    label: z.optional(z.string()),
    message: z.optional(z.string()),
  }),
});

// --- Simulator controls (`/_sim/…`, loopback only, when the server runs with controls) ---

export const operationSchema = z.enum([
  "account.get",
  "trustedphonenumber.get",
  "smscode.get",
  "smscode.set",
]);

/** `times`: how many later calls fail, one each (default 1). */
export const failNextRequestSchema = z.object({
  operation: operationSchema,
  code: z.int(),
  times: z.optional(z.int().check(z.gte(1), z.lte(100))),
});
export const offlineRequestSchema = z.object({ offline: z.boolean() });
export const latencyRequestSchema = z.object({
  ms: z.number().check(z.gte(0), z.lte(10 * 60_000)),
});

/** `PUT /_sim/session`: the session's simulator is replaced by one created with these options. */
export const sessionOptionsSchema = z.strictObject({
  phoneNumber: z.optional(z.nullable(z.string().check(z.maxLength(32)))),
  deviceActivated: z.optional(z.boolean()),
  accountBlocked: z.optional(z.enum(["AccountBlocked", "PINBlocked", "NotBlocked"])),
  alreadyEnrolled: z.optional(z.boolean()),
  tokenConfigured: z.optional(z.boolean()),
  seed: z.optional(z.int()),
  codeLength: z.optional(z.int().check(z.gte(4), z.lte(10))),
  codeLifetimeMs: z.optional(z.int().check(z.positive())),
  maxWrongTries: z.optional(z.int().check(z.positive())),
  maxSends: z.optional(z.int().check(z.positive())),
  sendWindowMs: z.optional(z.int().check(z.positive())),
  webOtpHost: z.optional(z.string().check(z.minLength(1), z.maxLength(253), z.regex(/^[^\s#@]+$/))),
});
/** The simulator options a session of the reference server can be configured with. */
export type SessionOptions = z.infer<typeof sessionOptionsSchema>;

export const outboxAnswerSchema = z.object({
  outbox: z.array(z.object({ to: z.string(), code: z.string(), at: z.number(), text: z.string() })),
});
export const callsAnswerSchema = z.object({
  calls: z.array(z.object({ operation: operationSchema, at: z.number() })),
});

/** `GET /_sim/faults`: every fault armed with fail-next, oldest first; `firedBy` is `null` while armed. */
export const faultsAnswerSchema = z.object({
  faults: z.array(
    z.object({
      id: z.int(),
      operation: operationSchema,
      code: z.int(),
      armedAt: z.number(),
      firedBy: z.nullable(z.object({ call: z.string(), callNumber: z.nullable(z.int()), at: z.number() })),
    }),
  ),
});
