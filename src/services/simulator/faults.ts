import type { ErrorCode, Operation } from "../../errors/index.js";
import type { Clock } from "../ports.js";
import type { FaultHit, FaultRecord } from "./types.js";

/** A fault armed on the device's token, which marks it fired when a token call takes it. */
export interface ArmedFault {
  fire(hit: FaultHit): void;
}

/**
 * Every fault armed with `failNext`, in the order it was armed: armed until a call takes it, then fired
 * by that call. The backend's own faults are queued here per operation, each failing exactly one later
 * call; the token keeps its own queue and fires the records it is handed. A fault that lets calls pass
 * first waits here, unarmed, until they have.
 */
export interface FaultLedger {
  /** The records, oldest first (a live view). */
  readonly records: readonly FaultRecord[];
  /** A fault the backend answers: the next call of `operation` that reaches the fault check takes it. */
  queue(operation: Operation, code: ErrorCode): void;
  /**
   * A call of `operation` reached the fault check: the faults waiting for it count it (those it was the
   * last to wait for are armed), then the oldest fault queued for it fires, by `hit`; `undefined` when none
   * is queued.
   */
  take(operation: Operation, hit: FaultHit): ErrorCode | undefined;
  /** `arm` runs once `calls` calls of `operation` have reached the fault check, at the start of the next one. */
  defer(operation: Operation, calls: number, arm: () => void): void;
  /** A fault the token answers: recorded as armed, fired through the handle. */
  arm(operation: Operation, code: ErrorCode): ArmedFault;
  clear(): void;
}

type MutableRecord = { -readonly [K in keyof FaultRecord]: FaultRecord[K] };

export const createFaultLedger = (now: Clock): FaultLedger => {
  const records: MutableRecord[] = [];
  const queues = new Map<Operation, MutableRecord[]>();
  const waiting: { readonly operation: Operation; callsLeft: number; readonly arm: () => void }[] = [];
  let lastId = 0;

  /** Counts a call of `operation` for the faults waiting for it; arms those that waited for no more. */
  const countCall = (operation: Operation) => {
    for (const entry of [...waiting]) {
      if (entry.operation !== operation) continue;
      if (entry.callsLeft > 0) {
        entry.callsLeft -= 1;
        continue;
      }
      waiting.splice(waiting.indexOf(entry), 1);
      entry.arm();
    }
  };

  const record = (operation: Operation, code: ErrorCode): MutableRecord => {
    lastId += 1;
    const entry: MutableRecord = { id: lastId, operation, code, armedAt: now(), firedBy: null };
    records.push(entry);
    return entry;
  };

  return {
    records,
    queue(operation, code) {
      const entry = record(operation, code);
      const queue = queues.get(operation);
      if (queue) queue.push(entry);
      else queues.set(operation, [entry]);
    },
    take(operation, hit) {
      countCall(operation);
      const entry = queues.get(operation)?.shift();
      if (entry === undefined) return undefined;
      entry.firedBy = hit;
      return entry.code;
    },
    defer(operation, calls, arm) {
      waiting.push({ operation, callsLeft: calls, arm });
    },
    arm(operation, code) {
      const entry = record(operation, code);
      return {
        fire(hit) {
          entry.firedBy = hit;
        },
      };
    },
    clear() {
      records.length = 0;
      queues.clear();
      waiting.length = 0;
    },
  };
};
