import type { Snapshot } from "xstate";
import { isScenario, type Scenario } from "./backend";
import type { UseEnrollment } from "./pims";

/**
 * Where the demo keeps its flow, as an app keeps it across a kill or a reload: JSON in the tab's
 * sessionStorage, which each tab has its own of (two tabs never share a flow).
 */
const STORAGE_KEY = "pims-demo.flow";

/** A flow as the demo stores it: enough to take it up again after a reload. */
export interface SavedFlow {
  /**
   * The backend session the flow runs on (the page's bearer token for the reference server, a random
   * demo id that names a simulated account, not a user's credential); `null` for the simulator in the
   * page, whose state (the code it expects) lives in the page only and is gone after a reload.
   */
  readonly session: string | null;
  /** The simulated account's scenario, as the fault panel shows it. */
  readonly scenario: Scenario;
  /** `actor.getPersistedSnapshot()`: no SMS code, no secret (the engine guarantees it). */
  readonly snapshot: Snapshot<unknown>;
}

export const saveFlow = (flow: SavedFlow): void => sessionStorage.setItem(STORAGE_KEY, JSON.stringify(flow));

export const forgetFlow = (): void => sessionStorage.removeItem(STORAGE_KEY);

/**
 * Stores the flow as it is now, or forgets it once there is nothing to take up again: before `start`, and
 * once it finished (handoff, cancel, failure), so that a reload then starts over.
 */
export const keepFlow = (
  actor: UseEnrollment["actor"],
  where: Pick<SavedFlow, "session" | "scenario">,
): void => {
  const snapshot = actor.getSnapshot();
  if (snapshot.status !== "active" || snapshot.matches("idle")) forgetFlow();
  else saveFlow({ ...where, snapshot: actor.getPersistedSnapshot() });
};

const isSavedFlow = (value: unknown): value is SavedFlow => {
  if (typeof value !== "object" || value === null) return false;
  const { session, scenario, snapshot } = value as Record<string, unknown>;
  return (
    (session === null || typeof session === "string") &&
    typeof scenario === "string" &&
    isScenario(scenario) &&
    typeof snapshot === "object" &&
    snapshot !== null
  );
};

/**
 * The flow stored last; `undefined` when none, or when what is stored is not one (logged, and forgotten).
 * Whether its snapshot can be restored is the engine's to say (`useEnrollment`'s `restoreError`).
 */
export const readSavedFlow = (): SavedFlow | undefined => {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  if (stored === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    value = undefined;
  }
  if (isSavedFlow(value)) return value;
  console.warn("pims-demo: the stored flow could not be restored (not a stored flow); a new one starts");
  forgetFlow();
  return undefined;
};

/**
 * Whether this load is the tab's page coming back (reload, history navigation, or a discarded tab the
 * browser reloads) rather than a new visit: only then is a stored flow taken up again.
 */
export const pageCameBack = (): boolean => {
  const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
  const discarded = (document as Document & { wasDiscarded?: boolean }).wasDiscarded === true;
  return discarded || navigation?.type === "reload" || navigation?.type === "back_forward";
};
