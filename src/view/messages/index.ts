import type { ErrorCode } from "../../errors/index.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import { it } from "./it.js";

/** Messages per locale, kept as data beside the catalogue. */
export const messages = { en, fr, de, it, es } satisfies Record<string, Record<ErrorCode, string>>;

/** A language with its own messages. */
export type Locale = keyof typeof messages;

/** The message of `code` in `locale` (`"fr"`, `"fr-CA"`, `"FR"`…); English when the language has none. */
export const messageFor = (code: ErrorCode, locale: string = "en"): string => {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? "en";
  return (Object.hasOwn(messages, language) ? messages[language as Locale] : messages.en)[code];
};
