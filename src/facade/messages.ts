import { type ErrorCode, errorBody } from "../errors/index.js";

/** The `error` of a FAILED message: its catalogue code and label. */
export interface PimsErrorBody {
  readonly code: ErrorCode;
  readonly label: string;
}

/** A SUCCEEDED message: `{ transactionId, status, result }`. */
export interface SucceededMessage<R = unknown> {
  readonly transactionId: string;
  readonly status: "SUCCEEDED";
  readonly result: R;
}

/** A FAILED message: `{ transactionId, status, error: { code, label } }`. */
export interface FailedMessage {
  readonly transactionId: string;
  readonly status: "FAILED";
  readonly error: PimsErrorBody;
}

/** What the facade answers, exactly the SDK's envelope. */
export type PimsMessage<R = unknown> = SucceededMessage<R> | FailedMessage;

/** Builds a SUCCEEDED message. */
export const succeeded = <R>(transactionId: string, result: R): SucceededMessage<R> => ({
  transactionId,
  status: "SUCCEEDED",
  result,
});

/** Builds a FAILED message, its label from the catalogue (`parameter` fills `[PARAMETER]`). */
export const failed = (transactionId: string, code: ErrorCode, parameter?: string): FailedMessage => ({
  transactionId,
  status: "FAILED",
  error: errorBody(code, parameter),
});

/** A FAILED message as an Error, for apps that prefer to throw. The facade itself never throws. */
export class PimsError extends Error {
  readonly code: ErrorCode;
  readonly label: string;
  readonly transactionId: string;
  constructor(message: FailedMessage) {
    super(`${message.error.code} ${message.error.label}`);
    this.name = "PimsError";
    this.code = message.error.code;
    this.label = message.error.label;
    this.transactionId = message.transactionId;
  }
}
