import * as z from "zod/mini";

/** The answers the services give, as the HTTP transport validates them off the wire. */
export const accountBlockStateSchema = z.enum(["AccountBlocked", "PINBlocked", "NotBlocked"]);
export const enrollmentStatusSchema = z.enum(["NotEnrolled", "AlreadyEnrolled"]);

export const deviceActivatedAnswerSchema = z.object({ isDeviceActivated: z.boolean() });
export const accountBlockedAnswerSchema = z.object({ isAccountBlocked: accountBlockStateSchema });
export const trustedPhoneAnswerSchema = z.object({ phoneNumber: z.nullable(z.string()) });
export const codeValidationAnswerSchema = z.object({
  status: enrollmentStatusSchema,
  activationCode: z.string().check(z.minLength(1)),
});
/** A documented PIMS error body: `{ error: { code } }`. */
export const errorAnswerSchema = z.object({ error: z.object({ code: z.int() }) });
