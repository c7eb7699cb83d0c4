/** The operations whose API reference documents an error code; also the simulator's operation names. */
export type Operation = "smscode.get" | "smscode.set" | "trustedphonenumber.get" | "account.get";

/** How the enrollment flow recovers from an error (product spec §3). */
export type RecoveryClass =
  | "fix-input"
  | "retry"
  | "when-online"
  | "new-code"
  | "sync"
  | "terminal"
  | "restart-enrollment"
  | "add-phone";

/** The SDK catalogue's error families. */
export type ErrorType = "Generic error" | "Input error" | "Output error" | "PIMS specific error";

/** One entry of the SDK's error catalogue, with what this engine adds to it. */
export interface CatalogEntry {
  readonly code: number;
  readonly type: ErrorType;
  /** The SDK's label, trimmed of trailing spaces; `[PARAMETER]` and `[Component]` are filled at run time. */
  readonly label: string;
  readonly recovery: RecoveryClass;
}

/** A catalogue row within its family: code, label, recovery class. */
type Row = readonly [code: number, label: string, recovery: RecoveryClass];

/** One family's rows as catalogue entries, each code kept as its literal. */
const family = <const R extends readonly Row[]>(type: ErrorType, rows: R) =>
  rows.map(([code, label, recovery]) => ({ code, type, label, recovery })) as {
    readonly [K in keyof R]: CatalogEntry & { readonly code: R[K][0] };
  };

/** The SDK's error catalogue (StrongAuthentication families), as data. */
export const errorCatalog = [
  ...family("Generic error", [
    [2000, "Unknown error", "retry"],
    [2001, "Facade not initialized", "terminal"],
    [2002, "API not supported", "terminal"],
    [2003, "[Component] not loaded", "terminal"],
    [2004, "Configuration file invalid", "terminal"],
    [2005, "Duplicate command", "retry"],
    [2006, "Core not well configured", "terminal"],
    [2007, "Facade already initialized", "terminal"],
  ]),
  ...family("Input error", [
    [2010, "[PARAMETER] not set", "fix-input"],
    [2101, "Missing [PARAMETER] parameter", "fix-input"],
    [2102, "Invalid [PARAMETER] parameter", "fix-input"],
  ]),
  ...family("Output error", [
    [2201, "Timeout/Polling Timeout/Command Timeout", "retry"],
    [2202, "Network problem : No internet", "when-online"],
    [2203, "Invalid return [Parsing error] ou [No data] ou [invalid Data]", "retry"],
    [2204, "Server Error", "retry"],
    [2208, "Certificat pinning failed", "terminal"],
  ]),
  ...family("PIMS specific error", [
    [2301, "Need Basic Authentication (to get CVS token)", "terminal"],
    [2302, "Need Strong Authentication", "terminal"],
    [2305, "The sms code is invalid", "fix-input"],
    [2306, "The sms code is expired", "new-code"],
    [2307, "User dont have a phone number", "add-phone"],
    [2308, "inwebo: access refused", "new-code"],
    [2309, "inwebo: version error", "terminal"],
    [2310, "inwebo: account is blocked", "restart-enrollment"],
    [2311, "inwebo: internal state not correct", "new-code"],
    [2312, "inwebo: device is disabled or unknown", "terminal"],
    [
      2313,
      "inwebo: User must activate inWebo helium or inWebo Desktop Token before achieving this operation",
      "terminal",
    ],
    [2314, "inwebo: No service is available", "retry"],
    [2315, "inwebo: the new password equals the previous one", "terminal"],
    [2316, "inwebo: the operation succeeded but it required a post-synchronization which failed", "sync"],
    [
      2317,
      "inwebo: forbidden operation (due to activated state/blocked state/upgradable state)",
      "restart-enrollment",
    ],
    [2344, "[Component] not configured", "terminal"],
    [2390, "Phone number allready registered", "terminal"],
  ]),
] as const satisfies readonly CatalogEntry[];

/** Every code of the error catalogue, as a literal union. */
export type ErrorCode = (typeof errorCatalog)[number]["code"];

/**
 * The failures after which the request may still have been carried out: no answer in time (2201), or an
 * answer that arrived but could not be read (2203, see `docs/protocol.md`). After one of these an SMS
 * request counts as a send; after any other failure nothing was sent.
 */
export const outcomeUnknownCodes: readonly ErrorCode[] = [2201, 2203];

/**
 * The codes each operation's API reference lists, as its table prints them (the smscode tables; the trusted
 * phone and account references list the generic ones).
 */
export const documentedCodes: Readonly<Record<Operation, readonly ErrorCode[]>> = {
  "smscode.get": [2001, 2006, 2101, 2102, 2201, 2202, 2204],
  "smscode.set": [
    2001, 2006, 2102, 2201, 2202, 2204, 2308, 2309, 2310, 2311, 2312, 2313, 2314, 2316, 2317, 2344,
  ],
  "trustedphonenumber.get": [2001, 2006, 2201, 2202, 2204, 2307],
  "account.get": [2001, 2006],
};
