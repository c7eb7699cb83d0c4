export * from "./createPims";
export * from "./developmentConfig";
export * from "./logger";
export * from "./messages";
