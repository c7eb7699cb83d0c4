export * from "./answers.js";
export * from "./config.js";
export * from "./envelope.js";
export * from "./params.js";
export * from "./protocol.js";
