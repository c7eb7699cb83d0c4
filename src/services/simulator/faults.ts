import type { ErrorCode, Operation } from "../../errors/index.js";

/** Codes injected with `failNext`, queued per operation: each one fails exactly one later call. */
export interface FaultQueue {
  push(operation: Operation, code: ErrorCode): void;
  /** The next injected code of that operation, consumed; `undefined` when none is queued. */
  take(operation: Operation): ErrorCode | undefined;
  clear(): void;
}

export const createFaultQueue = (): FaultQueue => {
  const queues = new Map<Operation, ErrorCode[]>();
  return {
    push(operation, code) {
      const queue = queues.get(operation);
      if (queue) queue.push(code);
      else queues.set(operation, [code]);
    },
    take(operation) {
      return queues.get(operation)?.shift();
    },
    clear() {
      queues.clear();
    },
  };
};
