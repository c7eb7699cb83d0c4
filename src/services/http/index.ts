export { API_PATHS, HEALTH_PATH, isLoopbackHost } from "./protocol.js";
export { createHttpTransport, type FetchLike, type HttpTransportOptions } from "./transport.js";
