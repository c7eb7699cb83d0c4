import type { ErrorCode, Operation } from "../../src/errors";
import type { EnrollmentEvent } from "../../src/machines";

/** A symbolic code: the runner swaps in the code the simulated phone received, or a wrong one. */
export const SENT_CODE = "424242";
export const MALFORMED_CODE = "12a4";

/** Every public and timer event, with the variants a path may send. Exhaustive by type. */
export const eventFixtures = {
  start: [{ type: "start" }],
  "code.submit": [
    { type: "code.submit", code: SENT_CODE },
    { type: "code.submit", code: MALFORMED_CODE },
  ],
  "code.resend": [{ type: "code.resend" }],
  retry: [{ type: "retry" }],
  cancel: [{ type: "cancel" }],
  "network.online": [{ type: "network.online" }],
  "network.offline": [{ type: "network.offline" }],
  "deadline.resend": [{ type: "deadline.resend" }],
  "deadline.code": [{ type: "deadline.code" }],
} satisfies { [K in EnrollmentEvent["type"]]: readonly Extract<EnrollmentEvent, { type: K }>[] };

/** How an actor's call can end: a success variant, a documented code, or interrupted by a restore. */
export type Outcome =
  | { readonly kind: "ok"; readonly variant: string }
  | { readonly kind: "code"; readonly code: ErrorCode }
  | { readonly kind: "interrupted" };

const ok = (variant: string): Outcome => ({ kind: "ok", variant });
const codes = (...list: ErrorCode[]): Outcome[] => list.map((code) => ({ kind: "code", code }));

/** The operation each backend actor runs, so that its codes come from the catalogue's documented pairs. */
export const actorOperation = {
  initializeFacade: undefined,
  checkDeviceActivation: "account.get",
  checkAccountBlock: "account.get",
  readTrustedPhone: "trustedphonenumber.get",
  requestCode: "smscode.get",
  validateCode: "smscode.set",
  synchronizeToken: undefined,
} as const satisfies Record<string, Operation | undefined>;

export type ActorId = keyof typeof actorOperation;

/** Codes no table lists for a read, which a backend may still answer: each reaches one more route. */
const beyond: ErrorCode[] = [2306, 2310, 2316];

/**
 * Every outcome of every actor: success variants, each documented code of its operation, and the codes
 * the flow meets beyond the tables (2305/2306 on SET, 2307 on the trusted phone, network codes on reads).
 */
export const outcomeFixtures = {
  initializeFacade: [ok("initialized"), ...codes(2006)],
  checkDeviceActivation: [ok("notActivated"), ok("activated"), ...codes(2001, 2006, 2201, 2202, 2204)],
  checkAccountBlock: [ok("notBlocked"), ok("blocked"), ...codes(2001, 2006, 2201, 2202, 2204, ...beyond)],
  readTrustedPhone: [ok("phone"), ok("noPhone"), ...codes(2001, 2006, 2201, 2202, 2204, 2307, ...beyond)],
  requestCode: [
    ok("sent"),
    { kind: "interrupted" },
    ...codes(2001, 2006, 2101, 2102, 2201, 2202, 2204, ...beyond),
  ],
  validateCode: [
    ok("NotEnrolled"),
    ok("AlreadyEnrolled"),
    { kind: "interrupted" },
    ...codes(2001, 2006, 2102, 2201, 2202, 2204, 2305, 2306, 2307),
    ...codes(2308, 2309, 2310, 2311, 2312, 2313, 2314, 2316, 2317, 2344),
  ],
  synchronizeToken: [ok("synchronized"), ...codes(2202, 2309, 2310, 2311, 2314, 2316)],
} satisfies Record<ActorId, readonly Outcome[]>;
