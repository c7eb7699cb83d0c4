export * from "./answers";
export * from "./config";
export * from "./envelope";
export * from "./params";
export * from "./protocol";
