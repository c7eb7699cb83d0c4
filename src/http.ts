export type { SessionOptions } from "./schemas/protocol.js";
export {
  API_PATHS,
  CONTROL_PATHS,
  createHttpTransport,
  createSimulatorControls,
  type FetchLike,
  HEALTH_PATH,
  type HttpTransportOptions,
  isLoopbackHost,
  type RemoteCall,
  type RemoteFault,
  type RemoteSms,
  type SimulatorControls,
  type SimulatorControlsOptions,
} from "./services/http/index.js";
