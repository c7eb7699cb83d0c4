export * from "./catalog.js";
export * from "./inwebo.js";
export * from "./lookup.js";
export * from "./result.js";
