import type { IncomingMessage, ServerResponse } from "node:http";
import { type ErrorCode, fail, labelOf, type Result, succeed } from "../errors/index.js";

/** Writing JSON answers and reading bounded JSON bodies on Node's `http` objects. */

const BASE_HEADERS = {
  "content-type": "application/json; charset=utf-8",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
} as const;

export const sendJson = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void => {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { ...BASE_HEADERS, "content-length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
};

/** An error answer: `{ error: { code, label, message? } }`, the label from the catalogue. */
export const sendError = (
  res: ServerResponse,
  status: number,
  error: { readonly code: ErrorCode; readonly parameter?: string | undefined; readonly message?: string },
  headers: Readonly<Record<string, string>> = {},
): void =>
  sendJson(
    res,
    status,
    {
      error: {
        code: error.code,
        label: labelOf(error.code, error.parameter),
        ...(error.message === undefined ? {} : { message: error.message }),
      },
    },
    headers,
  );

/** Why a request body was not read: the status to answer, and why. */
export interface BodyRefusal {
  readonly status: 413 | 415 | 400;
  readonly message: string;
}

const isJsonType = (type: string | undefined): boolean =>
  type !== undefined && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type.trim());

/**
 * The request body as text, at most `maxBytes` (413 past it, judged on Content-Length first, then on the
 * bytes as they come); a non-empty body must be JSON (415). Never rejects.
 */
export const readBody = (req: IncomingMessage, maxBytes: number): Promise<Result<string, BodyRefusal>> =>
  new Promise((resolve) => {
    const tooLarge = fail<BodyRefusal>({
      status: 413,
      message: `request body larger than ${maxBytes} bytes`,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;

    function stop(result: Result<string, BodyRefusal>) {
      settled = true;
      req.removeListener("data", onData);
      // Drain what is still coming so the answer can be read; the connection closes after it.
      req.resume();
      resolve(result);
    }
    function onData(chunk: Buffer) {
      size += chunk.length;
      if (size > maxBytes) return stop(tooLarge);
      chunks.push(chunk);
    }
    if (Number(req.headers["content-length"] ?? Number.NaN) > maxBytes) return stop(tooLarge);
    req.on("data", onData);
    req.on("error", () => {
      if (!settled) stop(fail({ status: 400, message: "request body could not be read" }));
    });
    req.on("end", () => {
      if (settled) return;
      settled = true;
      if (size > 0 && !isJsonType(req.headers["content-type"])) {
        return resolve(fail({ status: 415, message: "the body must be application/json" }));
      }
      resolve(succeed(Buffer.concat(chunks).toString("utf8")));
    });
  });
