import type { ErrorCode } from "./catalog.js";

/** inWebo mAccess result codes, by their names in the inWebo SDK (reference: neighbouring-apis.md). */
export enum InweboResult {
  ERR_NETWORK = 1,
  ERR_CODE = 2,
  ERR_SN = 3,
  ERR_ACCESS = 4,
  ERR_VERSION = 5,
  ERR_BLOCKED = 7,
  ERR_STATE = 8,
  ERR_NODEVICE = 9,
  ERR_NOCA = 10,
  ERR_NOSRV = 11,
  ERR_PINREUSED = 12,
  ERR_SYNCHROFAILED = 13,
  ERR_FORBIDDEN = 14,
  ERR_PINREFUSED = 15,
  ERR_TIMEOUT = 16,
  ERR_OTHER = 999,
}

export type InweboResultName = keyof typeof InweboResult;

// The enum's members are inlined where they are read, so the engine ships the numbers without the names.
/** The PIMS code each inWebo result surfaces as (reference: neighbouring-apis.md). */
const pimsCodes: Readonly<Record<InweboResult, ErrorCode>> = {
  [InweboResult.ERR_NETWORK]: 2202,
  [InweboResult.ERR_CODE]: 2311,
  [InweboResult.ERR_SN]: 2311,
  [InweboResult.ERR_ACCESS]: 2308,
  [InweboResult.ERR_VERSION]: 2309,
  [InweboResult.ERR_BLOCKED]: 2310,
  [InweboResult.ERR_STATE]: 2311,
  [InweboResult.ERR_NODEVICE]: 2312,
  [InweboResult.ERR_NOCA]: 2313,
  [InweboResult.ERR_NOSRV]: 2314,
  [InweboResult.ERR_PINREUSED]: 2315,
  [InweboResult.ERR_SYNCHROFAILED]: 2316,
  [InweboResult.ERR_FORBIDDEN]: 2317,
  [InweboResult.ERR_PINREFUSED]: 2308,
  [InweboResult.ERR_TIMEOUT]: 2201,
  [InweboResult.ERR_OTHER]: 2000,
};

/** The table's rows, in ascending result order (an object's integer keys iterate that way). */
const rows = () =>
  Object.entries(pimsCodes).map(([result, code]) => [Number(result) as InweboResult, code] as const);

/** The PIMS code an inWebo result code surfaces as; an unknown result is "Unknown error". */
export const codeOfInweboResult = (result: number): ErrorCode => pimsCodes[result as InweboResult] ?? 2000;

/**
 * The results a token's own operation answers, ERR_ACCESS to ERR_FORBIDDEN: not those of the network
 * (ERR_NETWORK, ERR_TIMEOUT), of the activation code it was handed (ERR_CODE, ERR_SN) or of a PIN.
 */
const isTokenOperationResult = (result: InweboResult): boolean =>
  result >= InweboResult.ERR_ACCESS && result <= InweboResult.ERR_FORBIDDEN;

/** The inWebo result code that surfaces as a given PIMS code in 2308-2317, for simulating the token. */
export const inweboResultOf = (code: ErrorCode): InweboResult | undefined =>
  rows().find(([result, pims]) => pims === code && isTokenOperationResult(result))?.[0];

type ResultsByName = Readonly<
  Record<InweboResultName, { readonly result: InweboResult; readonly code: ErrorCode }>
>;

const byName = (): ResultsByName =>
  Object.fromEntries(
    rows().map(([result, code]) => [InweboResult[result], { result, code }]),
  ) as ResultsByName;

/** Every inWebo result by name, with the PIMS code it surfaces as. */
export const inweboResultCodes: ResultsByName = /* @__PURE__ */ byName();
