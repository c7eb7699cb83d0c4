import type { ErrorCode, RecoveryClass } from "../../src/errors";

/** The recovery class of each code as the product spec (§3) states it, restated apart from the catalogue. */
export const specifiedRecovery: Record<RecoveryClass, readonly ErrorCode[]> = {
  "fix-input": [2101, 2102, 2305],
  retry: [2201, 2203, 2204, 2314],
  "when-online": [2202],
  "new-code": [2306, 2308, 2311],
  sync: [2316],
  terminal: [2001, 2006, 2309, 2312, 2313, 2344],
  "restart-enrollment": [2310, 2317],
  "add-phone": [2307],
};

export const specifiedRecoveryOf = (code: ErrorCode): RecoveryClass | undefined =>
  (Object.entries(specifiedRecovery) as [RecoveryClass, readonly ErrorCode[]][]).find(([, codes]) =>
    codes.includes(code),
  )?.[0];
