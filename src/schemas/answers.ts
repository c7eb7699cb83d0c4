import * as z from "zod/mini";
import { type ErrorCode, isErrorCode } from "../errors/index.js";
import { ENROLLMENT_STATUSES } from "./status.js";

/**
 * The answers the services give, as the HTTP transport validates them off the wire. They use only the zod
 * functions the main entry's schemas use too (hence `z.custom` and `z.refine` where `z.literal`, `z.int` or
 * `z.minLength` would do): the React Native build bundles zod into a chunk its entries share, and esbuild
 * splits it by file, so a zod function used only here would ship with the main entry in every app.
 */
export const accountBlockStateSchema = /* @__PURE__ */ z.enum(["AccountBlocked", "PINBlocked", "NotBlocked"]);
export const enrollmentStatusSchema = /* @__PURE__ */ z.enum(ENROLLMENT_STATUSES);

export const deviceActivatedAnswerSchema = /* @__PURE__ */ z.object({ isDeviceActivated: z.boolean() });
export const accountBlockedAnswerSchema = /* @__PURE__ */ z.object({
  isAccountBlocked: accountBlockStateSchema,
});
export const trustedPhoneAnswerSchema = /* @__PURE__ */ z.object({ phoneNumber: z.nullable(z.string()) });
/** What `POST /v1/smscode` answers once the SMS is sent: `{ sent: true }`, nothing else. */
export const smsSentAnswerSchema = /* @__PURE__ */ z.object({
  sent: z.custom<true>((sent) => sent === true),
});
export const codeValidationAnswerSchema = /* @__PURE__ */ z.object({
  status: enrollmentStatusSchema,
  activationCode: z.string().check(z.refine((code) => code.length > 0)),
});
/** A PIMS refusal, `{ error: { code } }`, whose code is one of the catalogue's (its label is not read). */
export const errorAnswerSchema = /* @__PURE__ */ z.object({
  error: z.object({ code: z.custom<ErrorCode>((code) => isErrorCode(code)) }),
});
