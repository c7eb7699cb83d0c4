import type { Operation } from "../../errors/index.js";
import type { Clock } from "../ports.js";
import type { CallRecord } from "./types.js";

/** Calls one simulator keeps, newest last; past it the oldest is dropped, so a long session stays bounded. */
export const MAX_LOGGED_CALLS = 1_000;

/** The simulator's call log: the last `MAX_LOGGED_CALLS` calls, and how many were made in all. */
export interface CallLog {
  /** The calls kept, oldest first (a live view). */
  readonly records: CallRecord[];
  /** Logs a call; returns its number among every call since creation or `clear()`, 1 being the first. */
  record(operation: Operation): number;
  clear(): void;
}

export const createCallLog = (now: Clock): CallLog => {
  const records: CallRecord[] = [];
  let made = 0;
  return {
    records,
    record(operation) {
      made += 1;
      records.push({ operation, at: now() });
      if (records.length > MAX_LOGGED_CALLS) records.splice(0, records.length - MAX_LOGGED_CALLS);
      return made;
    },
    clear() {
      made = 0;
      records.length = 0;
    },
  };
};
