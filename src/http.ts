export {
  API_PATHS,
  createHttpTransport,
  type FetchLike,
  HEALTH_PATH,
  type HttpTransportOptions,
  isLoopbackHost,
} from "./services/http/index.js";
