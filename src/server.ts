export type { SessionOptions } from "./schemas/protocol.js";
export {
  createReferenceHandler,
  createReferenceServer,
  type ReferenceHandler,
  type ReferenceHandlerOptions,
  type ReferenceServer,
  type ReferenceServerOptions,
  type SessionStore,
} from "./server/index.js";
