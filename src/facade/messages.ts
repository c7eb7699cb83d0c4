import { type ErrorCode, labelOf } from "../errors";

export interface PimsErrorBody {
  readonly code: ErrorCode;
  readonly label: string;
}

export interface SucceededMessage<R = unknown> {
  readonly transactionId: string;
  readonly status: "SUCCEEDED";
  readonly result: R;
}

export interface FailedMessage {
  readonly transactionId: string;
  readonly status: "FAILED";
  readonly error: PimsErrorBody;
}

/** What the facade answers, exactly the SDK's envelope. */
export type PimsMessage<R = unknown> = SucceededMessage<R> | FailedMessage;

export const succeeded = <R>(transactionId: string, result: R): SucceededMessage<R> => ({
  transactionId,
  status: "SUCCEEDED",
  result,
});

export const failed = (transactionId: string, code: ErrorCode, parameter?: string): FailedMessage => ({
  transactionId,
  status: "FAILED",
  error: { code, label: labelOf(code, parameter) },
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
