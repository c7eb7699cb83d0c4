export * from "./errors/catalog.js";
export { inweboResultCodes } from "./errors/inwebo.js";
export { labelOf, recoveryOf } from "./errors/lookup.js";
export * from "./errors/result.js";
export * from "./facade/index.js";
export * from "./machines/index.js";
export type { PimsConfig } from "./schemas/config.js";
export type * from "./services/ports.js";
export * from "./view/index.js";
