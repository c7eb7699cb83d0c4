export { createReferenceHandler, type ReferenceHandler, type ReferenceHandlerOptions } from "./handler.js";
export {
  createReferenceServer,
  type ReferenceServer,
  type ReferenceServerOptions,
} from "./reference-server.js";
export type { SessionStore } from "./sessions.js";
