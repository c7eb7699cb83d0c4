export type {
  CallRecord,
  FailNextOptions,
  FaultHit,
  FaultRecord,
  SentSms,
  Simulator,
  SimulatorOptions,
  SimulatorServices,
} from "./services/simulator/index.js";
export { createSimulator } from "./services/simulator/index.js";
