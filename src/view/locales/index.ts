export { en } from "./en.js";
export { localeStrings, messageFor, noticeFor, registerLocale } from "./registry.js";
export type { Locale, LocaleStrings, NoticeKey } from "./types.js";
