export {
  type Locale,
  type LocaleStrings,
  messageFor,
  type NoticeKey,
  noticeFor,
  registerLocale,
} from "./locales/index.js";
export { normalizeCode } from "./normalizeCode.js";
export { startSmsAutofill } from "./smsAutofill.js";
export * from "./toViewModel.js";
