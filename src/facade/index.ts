export * from "./createPims";
export * from "./logger";
export * from "./messages";
