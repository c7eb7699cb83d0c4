import * as z from "zod/mini";
import type { Operation } from "../errors";

/** A string of 4 to 10 ASCII digits, or a non-negative safe integer (its leading zeros are lost). */
export const smsCodeSchema = /* @__PURE__ */ z.union([
  z.string().check(z.regex(/^[0-9]{4,10}$/)),
  z.number().check(z.gte(0), z.refine(Number.isSafeInteger)),
]);

export interface FieldRule {
  readonly name: string;
  readonly schema: z.ZodMiniType;
}

/** One api of one method: which param picks the variant, and what each variant needs. */
export interface ApiRule {
  readonly variantParam?: string;
  /** Implemented variants, and the operation each one runs. */
  readonly variants: Readonly<Record<string, Operation>>;
  /** Variants the SDK documents but this engine does not implement: 2002 "API not supported". */
  readonly unimplemented?: readonly string[];
  /** Further params, checked in order after the variant. */
  readonly fields: readonly FieldRule[];
}

export const SMSCODE_API = "pims.authentication.smscode";
export const TRUSTED_PHONE_API = "pims.authentication.trustedphonenumber";
export const ACCOUNT_API = "pims.authentication.account";

/** The APIs the facade answers, per method. Anything else is 2002. */
export const apiRules: Readonly<Record<"get" | "set", Readonly<Record<string, ApiRule>>>> = {
  get: {
    [SMSCODE_API]: {
      variantParam: "type",
      variants: { enrollment: "smscode.get" },
      unimplemented: ["phoneNumberCertification", "resetPIN"],
      fields: [],
    },
    [TRUSTED_PHONE_API]: { variants: { "": "trustedphonenumber.get" }, fields: [] },
    [ACCOUNT_API]: {
      variantParam: "type",
      variants: { isDeviceActivated: "account.get", isAccountBlocked: "account.get" },
      fields: [{ name: "actionType", schema: /* @__PURE__ */ z.enum(["strong"]) }],
    },
  },
  set: {
    [SMSCODE_API]: {
      variantParam: "action",
      variants: { enrollment: "smscode.set" },
      unimplemented: ["addPhoneNumber", "resetPIN"],
      fields: [{ name: "smsCode", schema: smsCodeSchema }],
    },
  },
};
