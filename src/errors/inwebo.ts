import type { ErrorCode } from "./catalog";

/** inWebo mAccess result codes and the PIMS code each one surfaces as (reference: neighbouring-apis.md). */
export const inweboResultCodes = {
  ERR_NETWORK: { result: 1, code: 2202 },
  ERR_CODE: { result: 2, code: 2311 },
  ERR_SN: { result: 3, code: 2311 },
  ERR_ACCESS: { result: 4, code: 2308 },
  ERR_VERSION: { result: 5, code: 2309 },
  ERR_BLOCKED: { result: 7, code: 2310 },
  ERR_STATE: { result: 8, code: 2311 },
  ERR_NODEVICE: { result: 9, code: 2312 },
  ERR_NOCA: { result: 10, code: 2313 },
  ERR_NOSRV: { result: 11, code: 2314 },
  ERR_PINREUSED: { result: 12, code: 2315 },
  ERR_SYNCHROFAILED: { result: 13, code: 2316 },
  ERR_FORBIDDEN: { result: 14, code: 2317 },
  ERR_PINREFUSED: { result: 15, code: 2308 },
  ERR_TIMEOUT: { result: 16, code: 2201 },
  ERR_OTHER: { result: 999, code: 2000 },
} as const satisfies Record<string, { result: number; code: ErrorCode }>;

export type InweboResultName = keyof typeof inweboResultCodes;

const codeByResult = new Map<number, ErrorCode>(
  Object.values(inweboResultCodes).map(({ result, code }) => [result, code]),
);

/** The PIMS code an inWebo result code surfaces as; an unknown result is "Unknown error". */
export const codeOfInweboResult = (result: number): ErrorCode => codeByResult.get(result) ?? 2000;

/** The inWebo result code that surfaces as a given PIMS code in 2308-2317, for simulating the token. */
export const inweboResultOf = (code: ErrorCode): number | undefined =>
  Object.values(inweboResultCodes).find((r) => r.code === code && r.result >= 4 && r.result <= 14)?.result;
