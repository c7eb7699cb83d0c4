import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceServer, type ReferenceServer } from "../../src/server";

/**
 * An oversized body, sent by a plain node:http client (not fetch): the client reads a 413 with
 * `Connection: close`, whether the size is announced by Content-Length or only found out from the bytes.
 */

const MAX_BODY_BYTES = 1_024;
/** Far more than the socket buffers hold, so the client is still writing when the server refuses. */
const OVERSIZED_BYTES = 8 * 1024 * 1024;

let server: ReferenceServer;
beforeAll(async () => {
  server = await createReferenceServer({ maxBodyBytes: MAX_BODY_BYTES });
});
afterAll(() => server.close());

interface Answer {
  readonly status: number;
  readonly connection: string | undefined;
  readonly body: string;
}

const postOversized = (announceLength: boolean) =>
  new Promise<Answer>((resolve, reject) => {
    const body = Buffer.alloc(OVERSIZED_BYTES, 0x20);
    const req = request(
      {
        host: server.host,
        port: server.port,
        method: "POST",
        path: "/v1/smscode",
        headers: {
          authorization: "Bearer oversized",
          "content-type": "application/json",
          ...(announceLength ? { "content-length": String(body.length) } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });

describe("the reference server, given a body over maxBodyBytes", () => {
  it("answers 413 with Connection: close to a plain http.request announcing the length", async () => {
    const answer = await postOversized(true);
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe("close");
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 2204 } });
  });

  it("answers 413 with Connection: close to a chunked body found too large as it arrives", async () => {
    const answer = await postOversized(false);
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe("close");
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 2204 } });
  });
});
