import { type ActorId, codes, type Outcome, ok } from "../../src/testing/model";

export {
  type ActorId,
  actorOperation,
  eventFixtures,
  MALFORMED_CODE,
  type Outcome,
  SENT_CODE,
} from "../../src/testing/model";

/** Codes no table lists for a read, which a backend may still answer: each reaches one more route. */
const beyond = [2306, 2310, 2316] as const;

/**
 * Every outcome of every actor: success variants, each documented code of its operation, and the codes
 * the flow meets beyond the tables (2305/2306 on SET, 2307 on the trusted phone, network codes on reads).
 * More than a UI scenario can cause (`src/testing/scenario-model.ts`): a failing initialisation, the
 * second account check failing, a restore while a request is in flight.
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
