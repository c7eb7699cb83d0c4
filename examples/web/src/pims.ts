/**
 * The engine, as the demo imports it. An app imports the same names from the package:
 * `pims-enrollment`, `pims-enrollment/react`, `pims-enrollment/simulator`, `pims-enrollment/http`,
 * `pims-enrollment/http/controls` and `pims-enrollment/locales/<language>`.
 * The demo builds from the sources so that `npm start` needs no `npm run build` first.
 */

export { API_PATHS, createHttpTransport } from "../../../src/http";
export { createSimulatorControls, type SimulatorControls } from "../../../src/http/controls";
export {
  documentedCodes,
  type EnrollmentViewModel,
  type ErrorCode,
  enrollmentMachine,
  errorCatalog,
  normalizeCode,
  type Operation,
  registerLocale,
  type Services,
} from "../../../src/index";
export { de } from "../../../src/locales/de";
export { es } from "../../../src/locales/es";
export { fr } from "../../../src/locales/fr";
export { it } from "../../../src/locales/it";
export { type UseEnrollment, useEnrollment } from "../../../src/react";
export {
  createSimulator,
  type FailNextOptions,
  type FaultRecord,
  type SentSms,
  type Simulator,
  type SimulatorOptions,
} from "../../../src/simulator";
export type { PageSimulator } from "../../../src/testing";
