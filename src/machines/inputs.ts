import type { DeadlinesInput, SynchronizeInput } from "./actors.js";
import type { EnrollmentContext } from "./types.js";

/** What the invoked actors start from, read from the context. */
export const deadlinesInput = ({ context }: { context: EnrollmentContext }): DeadlinesInput => ({
  codeExpiresAt: context.codeExpiresAt,
  resendAvailableAt: context.resendAvailableAt,
  resendReady: context.resendReady,
});

export const synchronizeInput = ({ context }: { context: EnrollmentContext }): SynchronizeInput => ({
  status: context.status,
});
