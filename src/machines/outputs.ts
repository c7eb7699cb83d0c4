import type { EnrollmentContext, EnrollmentOutput } from "./types";

type Args = { context: EnrollmentContext };

const ENROLLMENT_API = "pims.authentication.enrollment";

/** Each final state's output; the machine's output is the one of the final state it ended in. */
export const outputs = {
  handoff: ({ context }: Args): EnrollmentOutput => {
    const status = context.status ?? "NotEnrolled";
    return {
      outcome: "handoff",
      status,
      next: { api: ENROLLMENT_API, action: "enroll", pin: status === "NotEnrolled" ? "new" : "existing" },
    };
  },
  alreadyActivated: (): EnrollmentOutput => ({ outcome: "alreadyActivated" }),
  accountBlocked: ({ context }: Args): EnrollmentOutput => ({
    outcome: "accountBlocked",
    next: { api: ENROLLMENT_API, action: "remove" },
    ...(context.error ? { error: context.error } : {}),
  }),
  trustedPhoneRequired: (): EnrollmentOutput => ({
    outcome: "trustedPhoneRequired",
    next: { api: ENROLLMENT_API, action: "enrollWithPhoneNumber" },
  }),
  failed: ({ context }: Args): EnrollmentOutput => ({
    outcome: "failed",
    error: context.error ?? { code: 2000, label: "Unknown error" },
  }),
  cancelled: (): EnrollmentOutput => ({ outcome: "cancelled" }),
  /** The machine's output: the output of the final state it ended in. */
  ofFinalState: ({ event }: { event: { output?: unknown } }) => event.output as EnrollmentOutput,
};
