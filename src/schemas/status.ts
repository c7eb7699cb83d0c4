/**
 * The `status` a successful SET smscode answers. One list for the wire's schema, the facade's check of
 * `synchronize({ status })` and the snapshot's: a module of its own, so that importing it brings no schema.
 */
export const ENROLLMENT_STATUSES = ["NotEnrolled", "AlreadyEnrolled"] as const;

/** The `status` a successful SET smscode answers. */
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
