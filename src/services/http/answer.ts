import type * as z from "zod/mini";
import { type ErrorCode, fail, succeed } from "../../errors/index.js";
import { errorAnswerSchema } from "../../schemas/answers.js";
import type { Outcome } from "../ports.js";
import { REFUSAL_STATUSES } from "./protocol.js";
import { discardBody, readBoundedText } from "./read-body.js";

/** Invalid return: unparsable, off-schema, cut off, or too large. */
const INVALID = fail(2203);
/** "Network not available": only the device decides it, when no answer came. */
const NO_CONNECTION: ErrorCode = 2202;
/** Server error: 5xx, 401/403, 429, a 2202 in an answer, and every status the protocol does not use. */
const SERVER_ERROR = fail(2204);

/** The body as JSON, or 2203 when it cannot be read in full, is too large or does not parse. */
const parseJson = async (response: Response, maxBytes: number): Promise<Outcome<unknown>> => {
  let text: string | undefined;
  try {
    text = await readBoundedText(response, maxBytes);
  } catch {
    // The answer had begun (status and headers arrived), then broke off: an incomplete answer.
    return INVALID;
  }
  if (text === undefined) return INVALID;
  try {
    return succeed(JSON.parse(text));
  } catch {
    return INVALID;
  }
};

/**
 * What a response means as an outcome: a 200 whose body fits `schema` is the answer; a 400 or 422 whose
 * body is `{ error: { code } }` with a catalogue code is that refusal (but 2202, a server error then); anything else is 2203 (a body
 * that does not parse or fit) or 2204 (a status the protocol does not answer with).
 */
export const interpretResponse = async <T>(
  response: Response,
  schema: z.ZodMiniType<T>,
  maxBytes: number,
): Promise<Outcome<T>> => {
  if (response.status === 200) {
    const body = await parseJson(response, maxBytes);
    if (!body.ok) return body;
    const parsed = schema.safeParse(body.value);
    return parsed.success ? succeed(parsed.data) : INVALID;
  }
  if (REFUSAL_STATUSES.includes(response.status)) {
    const body = await parseJson(response, maxBytes);
    if (!body.ok) return body;
    const parsed = errorAnswerSchema.safeParse(body.value);
    if (!parsed.success) return INVALID;
    // 2202 says nothing left the device; an answer that carries it did come back from a server, which
    // is then the one in error. Retried on `network.online`, it would send an SMS again and again.
    return parsed.data.error.code === NO_CONNECTION ? SERVER_ERROR : fail(parsed.data.error.code);
  }
  discardBody(response);
  return SERVER_ERROR;
};
