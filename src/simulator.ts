export type {
  CallRecord,
  SentSms,
  Simulator,
  SimulatorOptions,
  SimulatorServices,
} from "./services/simulator/index.js";
export { createSimulator } from "./services/simulator/index.js";
