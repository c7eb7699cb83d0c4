import * as z from "zod/mini";
import type { Operation } from "../errors/index.js";

/** A string of 4 to 10 ASCII digits, or a non-negative safe integer (its leading zeros are lost). */
export const smsCodeSchema = /* @__PURE__ */ z.union([
  z.string().check(z.regex(/^[0-9]{4,10}$/)),
  z.number().check(z.gte(0), z.refine(Number.isSafeInteger)),
]);

export interface FieldRule {
  readonly name: string;
  readonly schema: z.ZodMiniType;
  /** Values the SDK documents but this engine does not implement: 2002 "API not supported". */
  readonly unimplemented?: readonly string[];
}

/** One api of one method: the operation it runs and its params, checked in order. */
export interface ApiRule {
  readonly operation: Operation;
  /** The param that picks the variant (`type`, `action`), when the api has variants: the first field. */
  readonly variantParam?: string;
  readonly fields: readonly FieldRule[];
}

export const SMSCODE_API = "pims.authentication.smscode";
export const TRUSTED_PHONE_API = "pims.authentication.trustedphonenumber";
export const ACCOUNT_API = "pims.authentication.account";

/** The APIs the facade answers, per method. Anything else is 2002. */
export const apiRules: Readonly<Record<"get" | "set", Readonly<Record<string, ApiRule>>>> = {
  get: {
    [SMSCODE_API]: {
      operation: "smscode.get",
      variantParam: "type",
      fields: [
        {
          name: "type",
          schema: /* @__PURE__ */ z.enum(["enrollment"]),
          unimplemented: ["phoneNumberCertification", "resetPIN"],
        },
      ],
    },
    [TRUSTED_PHONE_API]: { operation: "trustedphonenumber.get", fields: [] },
    [ACCOUNT_API]: {
      operation: "account.get",
      variantParam: "type",
      fields: [
        { name: "type", schema: /* @__PURE__ */ z.enum(["isDeviceActivated", "isAccountBlocked"]) },
        { name: "actionType", schema: /* @__PURE__ */ z.enum(["strong"]) },
      ],
    },
  },
  set: {
    [SMSCODE_API]: {
      operation: "smscode.set",
      variantParam: "action",
      fields: [
        {
          name: "action",
          schema: /* @__PURE__ */ z.enum(["enrollment"]),
          unimplemented: ["addPhoneNumber", "resetPIN"],
        },
        { name: "smsCode", schema: smsCodeSchema },
      ],
    },
  },
};
