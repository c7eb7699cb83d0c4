import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "xstate";
import { createHttpTransport } from "../../src/http";
import { createEnrollmentActor } from "../../src/machines";
import { API_PATHS } from "../../src/services/http/protocol";
import { createSimulator } from "../../src/simulator";
import { PHONE } from "../support/fixtures";

/**
 * A 2202 that arrives in an answer (a 422 body carrying 2202) came from a server: the request did leave
 * the device. The HTTP transport reports it as a server error (2204), so `network.online` never asks for
 * another SMS; only a 2202 the device decided (no connection) is retried without the user asking. The
 * reference server answers an injected 2202 with a dropped connection, as a real one would look, so
 * this backend is a small server of its own on loopback, which answers the SMS request with that 422.
 */

let server: Server;
let baseUrl = "";
let smsRequests = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    request.resume();
    if (url.pathname === API_PATHS.account) {
      return reply(
        200,
        url.searchParams.get("type") === "isAccountBlocked"
          ? { isAccountBlocked: "NotBlocked" }
          : { isDeviceActivated: false },
      );
    }
    if (url.pathname === API_PATHS.trustedPhoneNumber) return reply(200, { phoneNumber: PHONE });
    if (url.pathname === API_PATHS.smsCode) {
      smsRequests += 1;
      return reply(422, { error: { code: 2202, label: "Network not available" } });
    }
    reply(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const MAX_SENDS = 3;

describe("a 2202 in the server's answer to the SMS request", () => {
  it("is a server error: network.online never re-requests the SMS, only the user's retry does", async () => {
    smsRequests = 0;
    const transport = createHttpTransport({ baseUrl, getAccessToken: () => "token" });
    const actor = createEnrollmentActor({
      services: { ...createSimulator().services, transport },
      maxSends: MAX_SENDS,
      resendCooldownMs: 1,
    });
    actor.start();
    actor.send({ type: "start" });
    const first = await waitFor(actor, (s) => !s.hasTag("busy"), { timeout: 5_000 });
    const firstError = first.context.error?.code;
    let onlineRequests = 0;
    let retries = 0;
    for (let round = 0; round < 10 && actor.getSnapshot().status === "active"; round++) {
      const before = smsRequests;
      actor.send({ type: "network.online" });
      // Had network.online asked again, the flow would be busy until the server had answered (and counted) it.
      await waitFor(actor, (s) => !s.hasTag("busy"), { timeout: 5_000 });
      onlineRequests += smsRequests - before;
      actor.send({ type: "retry" });
      retries += 1;
      await waitFor(actor, (s) => !s.hasTag("busy"), { timeout: 5_000 });
    }
    console.info(
      `SMS requests that reached the server in one flow (2202 in a 422 answer, maxSends ${MAX_SENDS}, ${retries} retries): ${smsRequests}, ${onlineRequests} of them after network.online`,
    );
    expect(firstError).toBe(2204);
    // network.online asks for nothing after an answer.
    expect(onlineRequests).toBe(0);
    // One request when the flow asked, then one per retry the user asked for: a server error spends no
    // send (nothing says an SMS left), so the user may retry, and nothing else asks.
    expect(smsRequests).toBe(1 + retries);
    actor.stop();
  });
});
