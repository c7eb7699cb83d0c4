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
  /** The operations whose API reference lists this code. */
  readonly documentedFor: readonly Operation[];
  readonly recovery: RecoveryClass;
}

const SMS_GET = "smscode.get";
const SMS_SET = "smscode.set";
const PHONE = "trustedphonenumber.get";
const ACCOUNT = "account.get";

/** A catalogue row within its family: code, label, recovery class, the operations whose reference lists it. */
type Row = readonly [
  code: number,
  label: string,
  recovery: RecoveryClass,
  documentedFor?: readonly Operation[],
];

/** One family's rows as catalogue entries, each code kept as its literal. */
const family = <const R extends readonly Row[]>(type: ErrorType, rows: R) =>
  rows.map(([code, label, recovery, documentedFor = []]) => ({
    code,
    type,
    label,
    recovery,
    documentedFor,
  })) as {
    readonly [K in keyof R]: CatalogEntry & { readonly code: R[K][0] };
  };

/** The SDK's error catalogue (StrongAuthentication families), as data. */
export const errorCatalog = [
  ...family("Generic error", [
    [2000, "Unknown error", "retry"],
    [2001, "Facade not initialized", "terminal", [SMS_GET, SMS_SET, PHONE, ACCOUNT]],
    [2002, "API not supported", "terminal"],
    [2003, "[Component] not loaded", "terminal"],
    [2004, "Configuration file invalid", "terminal"],
    [2005, "Duplicate command", "retry"],
    [2006, "Core not well configured", "terminal", [SMS_GET, SMS_SET, PHONE, ACCOUNT]],
    [2007, "Facade already initialized", "terminal"],
  ]),
  ...family("Input error", [
    [2010, "[PARAMETER] not set", "fix-input"],
    [2101, "Missing [PARAMETER] parameter", "fix-input", [SMS_GET]],
    [2102, "Invalid [PARAMETER] parameter", "fix-input", [SMS_GET, SMS_SET]],
  ]),
  ...family("Output error", [
    [2201, "Timeout/Polling Timeout/Command Timeout", "retry", [SMS_GET, SMS_SET, PHONE]],
    [2202, "Network problem : No internet", "when-online", [SMS_GET, SMS_SET, PHONE]],
    [2203, "Invalid return [Parsing error] ou [No data] ou [invalid Data]", "retry"],
    [2204, "Server Error", "retry", [SMS_GET, SMS_SET, PHONE]],
    [2208, "Certificat pinning failed", "terminal"],
  ]),
  ...family("PIMS specific error", [
    [2301, "Need Basic Authentication (to get CVS token)", "terminal"],
    [2302, "Need Strong Authentication", "terminal"],
    [2305, "The sms code is invalid", "fix-input"],
    [2306, "The sms code is expired", "new-code"],
    [2307, "User dont have a phone number", "add-phone", [PHONE]],
    [2308, "inwebo: access refused", "new-code", [SMS_SET]],
    [2309, "inwebo: version error", "terminal", [SMS_SET]],
    [2310, "inwebo: account is blocked", "restart-enrollment", [SMS_SET]],
    [2311, "inwebo: internal state not correct", "new-code", [SMS_SET]],
    [2312, "inwebo: device is disabled or unknown", "terminal", [SMS_SET]],
    [
      2313,
      "inwebo: User must activate inWebo helium or inWebo Desktop Token before achieving this operation",
      "terminal",
      [SMS_SET],
    ],
    [2314, "inwebo: No service is available", "retry", [SMS_SET]],
    [2315, "inwebo: the new password equals the previous one", "terminal"],
    [
      2316,
      "inwebo: the operation succeeded but it required a post-synchronization which failed",
      "sync",
      [SMS_SET],
    ],
    [
      2317,
      "inwebo: forbidden operation (due to activated state/blocked state/upgradable state)",
      "restart-enrollment",
      [SMS_SET],
    ],
    [2344, "[Component] not configured", "terminal", [SMS_SET]],
    [2390, "Phone number allready registered", "terminal"],
  ]),
] as const satisfies readonly CatalogEntry[];

/** Every code of the error catalogue, as a literal union. */
export type ErrorCode = (typeof errorCatalog)[number]["code"];
