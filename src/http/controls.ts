/**
 * The reference server's simulator controls over HTTP: a tool for tests and demos on loopback, which no
 * production app ships. An entry apart from `pims-enrollment/http`, so that an app using the transport does
 * not carry it (Metro, which React Native uses, keeps every module an entry reaches).
 */
export type { SessionOptions } from "../schemas/protocol.js";
export {
  createSimulatorControls,
  type RemoteCall,
  type RemoteFault,
  type RemoteSms,
  type SimulatorControls,
  type SimulatorControlsOptions,
} from "../services/http/controls.js";
export { CONTROL_PATHS } from "../services/http/protocol.js";
