export { createEnrollmentActors } from "./actors";
export { type EnrollmentClock, systemClock } from "./clock";
export {
  type CreateEnrollmentActorOptions,
  createEnrollmentActor,
  type EnrollmentActor,
} from "./createEnrollmentActor";
export { enrollmentMachine } from "./enrollment.machine";
export { type ProvidedEnrollmentMachine, provideEnrollmentMachine } from "./provide";
export type * from "./types";
export { defaultTimers } from "./types";
