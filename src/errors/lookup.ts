import {
  type CatalogEntry,
  documentedCodes,
  type ErrorCode,
  errorCatalog,
  type Operation,
  outcomeUnknownCodes,
  type RecoveryClass,
} from "./catalog.js";

export const isErrorCode = (code: unknown): code is ErrorCode =>
  errorCatalog.some((entry) => entry.code === code);

export const catalogEntry = (code: ErrorCode): CatalogEntry =>
  errorCatalog.find((entry) => entry.code === code) as CatalogEntry;

/** Whether a request that failed with `code` may still have been carried out (see `outcomeUnknownCodes`). */
export const outcomeUnknown = (code: ErrorCode): boolean => outcomeUnknownCodes.includes(code);

/** How the enrollment flow recovers from `code`: its recovery class in the catalogue. */
export const recoveryOf = (code: ErrorCode): RecoveryClass => catalogEntry(code).recovery;

/** The label of a code, with `[PARAMETER]` replaced by the parameter's name and `[Component]` by this component. */
export const labelOf = (code: ErrorCode, parameter?: string): string =>
  catalogEntry(code)
    .label.replace("[PARAMETER]", parameter ?? "[PARAMETER]")
    .replace("[Component]", "StrongAuthentication");

/** The (operation, code) pairs that the smscode API reference documents. */
export const documentedPairs = (
  operations: readonly Operation[] = ["smscode.get", "smscode.set"],
): { operation: Operation; code: ErrorCode }[] =>
  operations.flatMap((operation) => documentedCodes[operation].map((code) => ({ operation, code })));

/** A code with its label: the `error` of a FAILED message, and the machine's last error. */
export const errorBody = (code: ErrorCode, parameter?: string) => ({ code, label: labelOf(code, parameter) });
