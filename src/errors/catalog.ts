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

const entry = <const C extends number>(
  code: C,
  type: ErrorType,
  label: string,
  recovery: RecoveryClass,
  documentedFor: readonly Operation[] = [],
): CatalogEntry & { readonly code: C } => ({ code, type, label, recovery, documentedFor });

/** The SDK's error catalogue (StrongAuthentication families), as data. */
export const errorCatalog = [
  entry(2000, "Generic error", "Unknown error", "retry"),
  entry(2001, "Generic error", "Facade not initialized", "terminal", [SMS_GET, SMS_SET, PHONE, ACCOUNT]),
  entry(2002, "Generic error", "API not supported", "terminal"),
  entry(2003, "Generic error", "[Component] not loaded", "terminal"),
  entry(2004, "Generic error", "Configuration file invalid", "terminal"),
  entry(2005, "Generic error", "Duplicate command", "retry"),
  entry(2006, "Generic error", "Core not well configured", "terminal", [SMS_GET, SMS_SET, PHONE, ACCOUNT]),
  entry(2007, "Generic error", "Facade already initialized", "terminal"),
  entry(2010, "Input error", "[PARAMETER] not set", "fix-input"),
  entry(2101, "Input error", "Missing [PARAMETER] parameter", "fix-input", [SMS_GET]),
  entry(2102, "Input error", "Invalid [PARAMETER] parameter", "fix-input", [SMS_GET, SMS_SET]),
  entry(2201, "Output error", "Timeout/Polling Timeout/Command Timeout", "retry", [SMS_GET, SMS_SET, PHONE]),
  entry(2202, "Output error", "Network problem : No internet", "when-online", [SMS_GET, SMS_SET, PHONE]),
  entry(2203, "Output error", "Invalid return [Parsing error] ou [No data] ou [invalid Data]", "retry"),
  entry(2204, "Output error", "Server Error", "retry", [SMS_GET, SMS_SET, PHONE]),
  entry(2208, "Output error", "Certificat pinning failed", "terminal"),
  entry(2301, "PIMS specific error", "Need Basic Authentication (to get CVS token)", "terminal"),
  entry(2302, "PIMS specific error", "Need Strong Authentication", "terminal"),
  entry(2305, "PIMS specific error", "The sms code is invalid", "fix-input"),
  entry(2306, "PIMS specific error", "The sms code is expired", "new-code"),
  entry(2307, "PIMS specific error", "User dont have a phone number", "add-phone", [PHONE]),
  entry(2308, "PIMS specific error", "inwebo: access refused", "new-code", [SMS_SET]),
  entry(2309, "PIMS specific error", "inwebo: version error", "terminal", [SMS_SET]),
  entry(2310, "PIMS specific error", "inwebo: account is blocked", "restart-enrollment", [SMS_SET]),
  entry(2311, "PIMS specific error", "inwebo: internal state not correct", "new-code", [SMS_SET]),
  entry(2312, "PIMS specific error", "inwebo: device is disabled or unknown", "terminal", [SMS_SET]),
  entry(
    2313,
    "PIMS specific error",
    "inwebo: User must activate inWebo helium or inWebo Desktop Token before achieving this operation",
    "terminal",
    [SMS_SET],
  ),
  entry(2314, "PIMS specific error", "inwebo: No service is available", "retry", [SMS_SET]),
  entry(2315, "PIMS specific error", "inwebo: the new password equals the previous one", "terminal"),
  entry(
    2316,
    "PIMS specific error",
    "inwebo: the operation succeeded but it required a post-synchronization which failed",
    "sync",
    [SMS_SET],
  ),
  entry(
    2317,
    "PIMS specific error",
    "inwebo: forbidden operation (due to activated state/blocked state/upgradable state)",
    "restart-enrollment",
    [SMS_SET],
  ),
  entry(2344, "PIMS specific error", "[Component] not configured", "terminal", [SMS_SET]),
  entry(2390, "PIMS specific error", "Phone number allready registered", "terminal"),
] as const satisfies readonly CatalogEntry[];

/** Every code of the error catalogue, as a literal union. */
export type ErrorCode = (typeof errorCatalog)[number]["code"];
