import * as z from "zod/mini";
import { limitSchema } from "./limits.js";

/**
 * A string that is not blank. `z.refine`, which the main entry uses anyway, rather than `z.regex(/\S/)`:
 * z.regex was used only here and in the smsCode rule, and its code weighed 0.15 kB gzip in every bundle.
 */
const text = /* @__PURE__ */ z.string().check(z.refine((value) => value.trim() !== ""));

/** The facade's `initialize` config, as the SDK documents it (its spelling of `environnement` included). */
export const pimsConfigSchema = /* @__PURE__ */ z.object({
  environnement: z.enum(["Production", "Preproduction", "development"]),
  mode: z.enum(["B2C", "B2B"]),
  monitoring: z.optional(
    z.object({
      logLevel: z.optional(z.enum(["none", "low", "medium", "high"])),
      newLogFile: z.optional(z.enum(["appLaunch", "day", "duration"])),
      newLogTimeDuration: z.optional(limitSchema({ min: 5, max: 1440, integer: true })),
    }),
  ),
  credential: z.object({
    clientId: text,
    clientSecret: text,
    macID: z.optional(text),
    inWeboURL: z.optional(text),
    webviewsRedirectURI: text,
    loginRedirectURI: text,
  }),
  profile: z.object({ brand: z.enum(["Peugeot", "Citroen", "Ds", "Opel", "Vauxhall"]) }),
});

/** A facade config that `initialize` accepts. */
export type PimsConfig = z.infer<typeof pimsConfigSchema>;
