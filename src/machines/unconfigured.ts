import { failed, type Pims } from "../facade";
import { randomTransactionId } from "../facade/transactionId";
import { createEnrollmentActors } from "./actors";
import { systemClock } from "./clock";

const notConfigured = () => Promise.resolve(failed(randomTransactionId(), 2006));

/** A facade with no services: every call answers 2006 "Core not well configured". */
const unconfiguredPims: Pims = {
  initialize: notConfigured,
  get: notConfigured,
  set: notConfigured,
  synchronize: notConfigured,
  release: () => {},
};

/**
 * The machine's default actors, before `createEnrollmentActor` provides ones bound to real services:
 * a machine run without services ends in `failed` with 2006 instead of throwing.
 */
export const unconfiguredActors = createEnrollmentActors({
  pims: unconfiguredPims,
  config: undefined,
  clock: systemClock,
});
