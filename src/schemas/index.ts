export * from "./answers.js";
export * from "./bearer-token.js";
export * from "./config.js";
export * from "./envelope.js";
export * from "./limits.js";
export * from "./params.js";
export * from "./protocol.js";
export * from "./status.js";
