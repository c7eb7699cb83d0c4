import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReferenceServer, type ReferenceServer } from "../../src/server";

/** The reference server under requests no client of the protocol sends, read by a plain http.request. */

let server: ReferenceServer;
beforeAll(async () => {
  server = await createReferenceServer({ controls: true });
});
afterAll(() => server.close());

const send = (method: string, path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const url = new URL(server.url);
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });

describe("the reference server, given what no client of the protocol sends", () => {
  it("answers a request target that does not parse with 400, and keeps serving", async () => {
    const answer = await send("GET", "//[", { authorization: "Bearer abc" });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 2102 } });
    expect((await send("GET", "/v1/trustedphonenumber", { authorization: "Bearer abc" })).status).toBe(200);
  });

  it("answers HEAD as GET, with the same status and headers and no body", async () => {
    const get = await send("GET", "/v1/trustedphonenumber", { authorization: "Bearer head-check" });
    const head = await send("HEAD", "/v1/trustedphonenumber", { authorization: "Bearer head-check" });
    expect(head.status).toBe(get.status);
    expect(head.headers["content-type"]).toBe(get.headers["content-type"]);
    expect(head.body).toBe("");
    expect(get.body).not.toBe("");
    const health = await send("HEAD", "/healthz");
    expect(health.status).toBe(200);
    expect(health.body).toBe("");
  });
});
