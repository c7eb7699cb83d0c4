export * from "./createPims.js";
export * from "./developmentConfig.js";
export * from "./logger.js";
export * from "./messages.js";
