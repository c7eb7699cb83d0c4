export {
  createSimulatorControls,
  type RemoteCall,
  type RemoteFault,
  type RemoteSms,
  type SimulatorControls,
  type SimulatorControlsOptions,
} from "./controls.js";
export { API_PATHS, CONTROL_PATHS, HEALTH_PATH, isLoopbackHost } from "./protocol.js";
export { createHttpTransport, type FetchLike, type HttpTransportOptions } from "./transport.js";
