import * as z from "zod/mini";
import type { Operation } from "../errors/index.js";

/**
 * An SMS code as the facade takes it: a string of 4 to 10 ASCII digits, or a non-negative safe integer (its
 * leading zeros are lost). One predicate rather than `z.union` of a string and a number schema: zod's union
 * code weighed 0.33 kB gzip in every React Native app and 0.3 kB in the consumer bundle.
 */
export const smsCodeSchema = /* @__PURE__ */ z.custom<string | number>((code) =>
  typeof code === "string"
    ? /^\d{4,10}$/.test(code)
    : typeof code === "number" && Number.isSafeInteger(code) && code >= 0,
);

/** One api of one method: the operation it runs and its params, checked in order; the first picks the variant. */
export interface ApiRule {
  readonly operation: Operation;
  readonly params: Readonly<Record<string, z.ZodMiniType>>;
  /** Values of a param the SDK documents but this engine does not implement: 2002 "API not supported". */
  readonly unimplemented?: Readonly<Record<string, readonly string[]>>;
}

export const SMSCODE_API = "pims.authentication.smscode";
export const TRUSTED_PHONE_API = "pims.authentication.trustedphonenumber";
export const ACCOUNT_API = "pims.authentication.account";

/**
 * The APIs the facade answers, per method. Anything else is 2002. Maps, so that looking up whatever an
 * app passes as the api runs none of its code.
 */
export const apiRules: Readonly<Record<"get" | "set", ReadonlyMap<unknown, ApiRule>>> = {
  get: /* @__PURE__ */ new Map<string, ApiRule>([
    [
      SMSCODE_API,
      {
        operation: "smscode.get",
        params: { type: /* @__PURE__ */ z.enum(["enrollment"]) },
        unimplemented: { type: ["phoneNumberCertification", "resetPIN"] },
      },
    ],
    [TRUSTED_PHONE_API, { operation: "trustedphonenumber.get", params: {} }],
    [
      ACCOUNT_API,
      {
        operation: "account.get",
        params: {
          type: /* @__PURE__ */ z.enum(["isDeviceActivated", "isAccountBlocked"]),
          actionType: /* @__PURE__ */ z.enum(["strong"]),
        },
      },
    ],
  ]),
  set: /* @__PURE__ */ new Map<string, ApiRule>([
    [
      SMSCODE_API,
      {
        operation: "smscode.set",
        params: { action: /* @__PURE__ */ z.enum(["enrollment"]), smsCode: smsCodeSchema },
        unimplemented: { action: ["addPhoneNumber", "resetPIN"] },
      },
    ],
  ]),
};
