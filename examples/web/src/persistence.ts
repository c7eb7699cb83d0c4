import type { Snapshot } from "xstate";
import type { UseEnrollment } from "./pims";

/** Where the demo keeps its flow while it relaunches, as an app keeps it across a kill: JSON in storage. */
const STORAGE_KEY = "pims-demo.flow";

/** Stores the flow's persisted snapshot (`getPersistedSnapshot()`), as JSON. */
export const persistFlow = (actor: UseEnrollment["actor"]) =>
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(actor.getPersistedSnapshot()));

/** The snapshot stored last, read back from JSON and removed from the storage; `undefined` when none. */
export const takePersistedFlow = (): Snapshot<unknown> | undefined => {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  sessionStorage.removeItem(STORAGE_KEY);
  return stored === null ? undefined : (JSON.parse(stored) as Snapshot<unknown>);
};
