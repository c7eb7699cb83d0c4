import * as z from "zod/mini";
import { ENROLLMENT_STATUSES } from "./status.js";

/** The answers the services give, as the HTTP transport validates them off the wire. */
export const accountBlockStateSchema = /* @__PURE__ */ z.enum(["AccountBlocked", "PINBlocked", "NotBlocked"]);
export const enrollmentStatusSchema = /* @__PURE__ */ z.enum(ENROLLMENT_STATUSES);

export const deviceActivatedAnswerSchema = /* @__PURE__ */ z.object({ isDeviceActivated: z.boolean() });
export const accountBlockedAnswerSchema = /* @__PURE__ */ z.object({
  isAccountBlocked: accountBlockStateSchema,
});
export const trustedPhoneAnswerSchema = /* @__PURE__ */ z.object({ phoneNumber: z.nullable(z.string()) });
export const codeValidationAnswerSchema = /* @__PURE__ */ z.object({
  status: enrollmentStatusSchema,
  activationCode: z.string().check(z.minLength(1)),
});
/** A documented PIMS error body: `{ error: { code } }`. */
export const errorAnswerSchema = /* @__PURE__ */ z.object({ error: z.object({ code: z.int() }) });
