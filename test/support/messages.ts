import { expect } from "vitest";
import { type ErrorCode, labelOf } from "../../src/errors";
import type { PimsMessage } from "../../src/facade";

export const TRANSACTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}$/;

/** Asserts the whole FAILED envelope: its exact keys, the code and the documented label. */
export const expectFailed = (message: PimsMessage | null, code: ErrorCode, parameter?: string) =>
  expect(message).toStrictEqual({
    transactionId: expect.stringMatching(TRANSACTION_ID),
    status: "FAILED",
    error: { code, label: labelOf(code, parameter) },
  });

export const expectSucceeded = (message: PimsMessage | null, result: unknown) =>
  expect(message).toStrictEqual({
    transactionId: expect.stringMatching(TRANSACTION_ID),
    status: "SUCCEEDED",
    result,
  });
