export type {
  CallRecord,
  SentSms,
  Simulator,
  SimulatorOptions,
  SimulatorServices,
} from "./services/simulator";
export { createSimulator } from "./services/simulator";
