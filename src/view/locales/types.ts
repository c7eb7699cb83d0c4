import type { ErrorCode } from "../../errors/index.js";

/** The languages the package translates the view model into. */
export const LOCALES = ["en", "fr", "de", "it", "es"] as const;

/** A language the package translates the view model into. */
export type Locale = (typeof LOCALES)[number];

/**
 * What the user reads beside the errors' own messages: the status of code entry, the messages an error gets
 * in a state where its own would not be true, and the countdowns' moments. `{phone}` is the masked phone.
 */
export type NoticeKey =
  | "codeSent"
  | "codeUnconfirmed"
  | "retypeCode"
  | "attemptsSpent"
  | "requestRefused"
  | "resendFailed"
  | "resendOffline"
  | "resendUnconfirmed"
  | "resendAvailable"
  | "expiresInOneMinute"
  | "expiresIn30Seconds";

/**
 * One language's words for the view model, as `pims-enrollment/locales/<language>` exports them: a message for
 * every error code (the compiler checks that none is missing) and every notice.
 */
export interface LocaleStrings {
  readonly language: Locale;
  readonly messages: Readonly<Record<ErrorCode, string>>;
  readonly notices: Readonly<Record<NoticeKey, string>>;
}
