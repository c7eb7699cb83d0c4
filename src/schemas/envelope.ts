import * as z from "zod/mini";

/** The sample's transaction id form: 8 hex, dash, 4 hex. */
export const transactionIdSchema = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}$/));

/** The facade's message envelope, exactly these keys. */
export const messageSchema = z.union([
  z.strictObject({ transactionId: z.string(), status: z.literal("SUCCEEDED"), result: z.unknown() }),
  z.strictObject({
    transactionId: z.string(),
    status: z.literal("FAILED"),
    error: z.strictObject({ code: z.int(), label: z.string() }),
  }),
]);
