export { type Locale, messageFor, messages } from "./messages/index.js";
export * from "./toViewModel.js";
