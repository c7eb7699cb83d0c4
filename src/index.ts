export * from "./errors/catalog";
export { inweboResultCodes } from "./errors/inwebo";
export { labelOf, recoveryOf } from "./errors/lookup";
export * from "./facade";
export * from "./machines";
export type { PimsConfig } from "./schemas/config";
export type * from "./services/ports";
export * from "./view";
