export { type Locale, messageFor, messages } from "./messages";
export * from "./toViewModel";
