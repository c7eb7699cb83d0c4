export { type EnrollmentClock, systemClock } from "./clock";
export {
  type CreateEnrollmentActorOptions,
  createEnrollmentActor,
  type EnrollmentActor,
  type PreparedEnrollmentActor,
  prepareEnrollmentActor,
} from "./createEnrollmentActor";
export { enrollmentMachine } from "./enrollment.machine";
export type * from "./types";
export { defaultTimers } from "./types";
