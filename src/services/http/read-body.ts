/** Reading a response body with a size bound, without trusting its Content-Length. */

/** Drops the rest of a body we will not read, so the connection is released. */
export const discardBody = (response: Response): void => {
  try {
    response.body?.cancel().catch(() => undefined);
  } catch {
    // A body already locked or consumed needs nothing.
  }
};

/**
 * The body as text, or `undefined` when it is larger than `maxBytes`. Rejects when the connection fails
 * mid-body or the bytes are not UTF-8. Streams when the platform can (browsers, Node); otherwise (React
 * Native has no response streams) reads the whole text and checks its length afterwards.
 */
export const readBoundedText = async (response: Response, maxBytes: number): Promise<string | undefined> => {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    discardBody(response);
    return undefined;
  }
  const body = response.body;
  if (!body || typeof body.getReader !== "function" || typeof TextDecoder !== "function") {
    const text = await response.text();
    return text.length > maxBytes ? undefined : text;
  }
  const reader = body.getReader();
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
};
