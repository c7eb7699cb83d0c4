const REDACTED = "[redacted]";

/** A value that never shows itself: JSON, strings and Node's inspector all print `[redacted]`. */
export interface Secret {
  reveal(): string;
  toJSON(): string;
  toString(): string;
}

export const secret = (value: string): Secret => ({
  reveal: () => value,
  toJSON: () => REDACTED,
  toString: () => REDACTED,
  [Symbol.for("nodejs.util.inspect.custom")]: () => REDACTED,
});

/** After a JSON round trip a secret is only its redacted text: there is nothing left to reveal. */
export const isSecret = (value: unknown): value is Secret =>
  typeof value === "object" && value !== null && typeof (value as Partial<Secret>).reveal === "function";
