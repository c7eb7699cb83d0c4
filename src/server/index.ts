export { createReferenceHandler, type ReferenceHandler, type ReferenceHandlerOptions } from "./handler";
export { createReferenceServer, type ReferenceServer, type ReferenceServerOptions } from "./reference-server";
export type { SessionStore } from "./sessions";
