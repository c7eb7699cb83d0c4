export * from "./catalog";
export * from "./inwebo";
export * from "./lookup";
