import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { createPims, developmentConfig } from "../../src/facade";
import { messageSchema } from "../../src/schemas";
import { createSimulator } from "../../src/simulator";

const INPUT_CODES = [2002, 2101, 2102];

/** Values at the edges of what JavaScript can pass: none of them may make the facade throw. */
const hostile = fc.oneof(
  fc.anything({
    withBigInt: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withDate: true,
    withMap: true,
    withSet: true,
  }),
  fc.constantFrom(
    null,
    undefined,
    Number.NaN,
    -0,
    Number.MAX_VALUE,
    Number.MIN_SAFE_INTEGER - 1,
    Infinity,
    Symbol("s"),
    10n ** 30n,
  ),
  fc.string({ minLength: 100_000, maxLength: 100_000 }),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "type": "enrollment", "action": "enrollment"}')),
  fc.constant(
    new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
        getOwnPropertyDescriptor: () => {
          throw new Error("trap");
        },
      },
    ),
  ),
  fc.constant(
    Object.defineProperty({}, "smsCode", {
      get: () => {
        throw new Error("getter");
      },
      enumerable: true,
    }),
  ),
);

const params = fc.oneof(
  hostile,
  fc.record({ type: hostile }),
  fc.record({ action: fc.constantFrom("enrollment", "addPhoneNumber", "x"), smsCode: hostile }),
  fc.dictionary(fc.string(), hostile),
);

const api = fc.oneof(
  fc.constant("pims.authentication.smscode"),
  fc.constant("pims.authentication.account"),
  hostile,
);

/** The documented rule for smsCode, restated independently of the facade's schema. */
const isValidSmsCode = (value: unknown) =>
  (typeof value === "string" && /^[0-9]{4,10}$/.test(value)) ||
  (typeof value === "number" && Number.isSafeInteger(value) && value >= 0);

describe("the facade under arbitrary input", () => {
  it("never throws, answers a valid envelope, and lets only well-formed calls reach the backend", async () => {
    const sim = createSimulator({ seed: 3 });
    const pims = createPims({ services: sim.services });
    await pims.initialize(developmentConfig);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("get", "set") as fc.Arbitrary<"get" | "set">,
        api,
        params,
        async (method, a, p) => {
          const before = sim.calls.length;
          const message = await pims[method](a, p);
          expect(z.safeParse(messageSchema, message).success).toBe(true);
          const refusedAsInput = message?.status === "FAILED" && INPUT_CODES.includes(message.error.code);
          if (refusedAsInput) expect(sim.calls.length).toBe(before);
          else expect(sim.calls.length).toBe(before + 1);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 400 },
    );
  });

  it("refuses every smsCode outside the documented rule with 2101 or 2102, before the backend", async () => {
    const sim = createSimulator({ seed: 3 });
    const pims = createPims({ services: sim.services });
    await pims.initialize(developmentConfig);
    await fc.assert(
      fc.asyncProperty(hostile, async (smsCode) => {
        const before = sim.calls.length;
        const message = await pims.set("pims.authentication.smscode", { action: "enrollment", smsCode });
        expect(z.safeParse(messageSchema, message).success).toBe(true);
        if (isValidSmsCode(smsCode)) {
          expect(sim.calls.length).toBe(before + 1);
        } else {
          expect(message?.status).toBe("FAILED");
          expect([2101, 2102]).toContain(message?.status === "FAILED" ? message.error.code : 0);
          expect(sim.calls.length).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
  });
});
