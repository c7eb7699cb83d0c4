import type { ErrorCode } from "../../errors";
import { en } from "./en";

/** Messages per locale, kept as data beside the catalogue. */
export const messages = { en } satisfies Record<string, Record<ErrorCode, string>>;

export type Locale = keyof typeof messages;

export const messageFor = (code: ErrorCode, locale: string = "en"): string =>
  (messages[locale as Locale] ?? messages.en)[code];
