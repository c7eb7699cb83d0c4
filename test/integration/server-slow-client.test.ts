import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceServer, type ReferenceServer } from "../../src/server";

/**
 * The reference server's header and request timeouts, met by a loopback client that trickles its request:
 * the server answers 408 and closes the connection within a second of the bound, as docs/protocol.md says.
 */

const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;
/** Node checks the timeouts every second (the server's setting); more than that is not enforcement. */
const ENFORCED_WITHIN_MS = 1_500;
const TRICKLE_EVERY_MS = 200;

let server: ReferenceServer;
beforeAll(async () => {
  server = await createReferenceServer({
    headersTimeoutMs: HEADERS_TIMEOUT_MS,
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
});
afterAll(() => server.close());

/** Writes the request's start, then one more piece every TRICKLE_EVERY_MS until the server closes. */
const trickle = (start: string, piece: string) =>
  new Promise<{ answer: string; closedAfterMs: number }>((resolve, reject) => {
    const started = Date.now();
    const socket = connect(server.port, server.host);
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    socket.on("error", reject);
    const timer = setInterval(() => {
      if (socket.writable) socket.write(piece);
    }, TRICKLE_EVERY_MS);
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ answer, closedAfterMs: Date.now() - started });
    });
    socket.write(start);
  });

describe("the reference server, given a client that sends too slowly", () => {
  it("answers 408 and closes once the headers take longer than headersTimeoutMs", async () => {
    const { answer, closedAfterMs } = await trickle(
      "GET /v1/trustedphonenumber HTTP/1.1\r\nHost: localhost\r\n",
      "X-Slow: y\r\n",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + ENFORCED_WITHIN_MS);
  });

  it("answers 408 and closes once the body takes longer than requestTimeoutMs", async () => {
    const { answer, closedAfterMs } = await trickle(
      [
        "POST /v1/smscode HTTP/1.1",
        "Host: localhost",
        "Authorization: Bearer slow-body",
        "Content-Type: application/json",
        "Content-Length: 1000",
        "",
        "",
      ].join("\r\n"),
      " ",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + ENFORCED_WITHIN_MS);
  });

  it("still serves a client that sends in time, through plain http.request", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: server.host, port: server.port, path: "/healthz", method: "GET" },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  it("refuses timeouts it cannot enforce, naming the option", async () => {
    await expect(createReferenceServer({ headersTimeoutMs: 0 })).rejects.toThrow(RangeError);
    await expect(createReferenceServer({ requestTimeoutMs: Number.NaN })).rejects.toThrow(/requestTimeoutMs/);
    await expect(createReferenceServer({ headersTimeoutMs: 5_000, requestTimeoutMs: 1_000 })).rejects.toThrow(
      /must not exceed requestTimeoutMs/,
    );
  });
});
