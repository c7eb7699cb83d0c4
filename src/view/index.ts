export { type Locale, messageFor, messages } from "./messages/index.js";
export { normalizeCode } from "./normalizeCode.js";
export { type NoticeKey, noticeFor, notices } from "./notices.js";
export { startSmsAutofill } from "./smsAutofill.js";
export * from "./toViewModel.js";
