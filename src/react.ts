export { type UseEnrollment, type UseEnrollmentOptions, useEnrollment } from "./react/useEnrollment.js";
