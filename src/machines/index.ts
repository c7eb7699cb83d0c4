export { type EnrollmentClock, systemClock } from "./clock.js";
export {
  type CreateEnrollmentActorOptions,
  createEnrollmentActor,
  type EnrollmentActor,
  type PreparedEnrollmentActor,
  prepareEnrollmentActor,
} from "./createEnrollmentActor.js";
export { enrollmentMachine } from "./enrollment.machine.js";
export { defaultTimers, MAX_COUNT, timerLimits } from "./limits.js";
export {
  ENROLLMENT_SNAPSHOT_VERSION,
  EnrollmentSnapshotError,
  parseEnrollmentSnapshot,
} from "./snapshot.js";
export type * from "./types.js";
