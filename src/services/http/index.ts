export {
  createSimulatorControls,
  type RemoteCall,
  type RemoteSms,
  type SimulatorControls,
  type SimulatorControlsOptions,
} from "./controls";
export { API_PATHS, CONTROL_PATHS, HEALTH_PATH, isLoopbackHost } from "./protocol";
export { createHttpTransport, type FetchLike, type HttpTransportOptions } from "./transport";
