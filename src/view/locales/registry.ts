import type { ErrorCode } from "../../errors/index.js";
import { en } from "./en.js";
import { LOCALES, type LocaleStrings, type NoticeKey } from "./types.js";

// English is always here: the default, and what a locale not registered falls back to. The other languages
// are registered by the app, so that a bundler which keeps every module an import reaches (Metro) ships only
// the languages the app imports.
const registered = new Map<string, LocaleStrings>([[en.language, en]]);

const isLocaleStrings = (value: unknown): value is LocaleStrings => {
  if (typeof value !== "object" || value === null) return false;
  const { language, messages, notices } = value as Partial<Record<keyof LocaleStrings, unknown>>;
  return (
    typeof language === "string" &&
    (LOCALES as readonly string[]).includes(language) &&
    typeof messages === "object" &&
    messages !== null &&
    typeof notices === "object" &&
    notices !== null
  );
};

/**
 * Makes languages other than English available to `toViewModel`, `useEnrollment` and `messageFor`:
 * `registerLocale(fr, de)` with `fr` from `pims-enrollment/locales/fr`. Registering a language again replaces
 * it. A value that is not such a locale (`registerLocale("fr")`) is a `TypeError`.
 */
export const registerLocale = (...locales: readonly LocaleStrings[]): void => {
  for (const locale of locales) {
    if (!isLocaleStrings(locale)) {
      throw new TypeError(
        'registerLocale takes what pims-enrollment/locales/<language> exports, as in `import { fr } from "pims-enrollment/locales/fr"; registerLocale(fr)`',
      );
    }
  }
  for (const locale of locales) registered.set(locale.language, locale);
};

/**
 * The words for `locale` (`"fr"`, `"fr-CA"`, `"FR"`, `"es_MX"`…): its language's when registered; English for
 * no locale, a language not registered and a language the package does not translate.
 */
export const localeStrings = (locale: string | undefined): LocaleStrings => {
  const language = locale?.toLowerCase().split(/[-_]/)[0];
  return (language === undefined ? undefined : registered.get(language)) ?? en;
};

/** The message of `code` in `locale`, as `localeStrings` picks the language. */
export const messageFor = (code: ErrorCode, locale?: string): string => localeStrings(locale).messages[code];

/** The notice `key` in `locale`, with the masked phone in place of `{phone}`. */
export const noticeFor = (key: NoticeKey, locale: string | undefined, phone: string | null): string => {
  const notice = localeStrings(locale).notices[key];
  return phone === null ? notice : notice.replace("{phone}", phone);
};
