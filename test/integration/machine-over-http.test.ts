import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "xstate";
import { createEnrollmentActor, type EnrollmentActor } from "../../src/machines";
import { createReferenceServer, type ReferenceServer } from "../../src/server";
import { httpFlow } from "./support";

/** The enrollment statechart driving the facade over HTTP to the reference server, the device's token local. */

let server: ReferenceServer;
beforeAll(async () => {
  server = await createReferenceServer({ controls: true });
});
afterAll(() => server.close());

const HANDOFF = {
  outcome: "handoff",
  status: "NotEnrolled",
  next: { api: "pims.authentication.enrollment", action: "enroll", pin: "new" },
} as const;

const REQUEST_TIMEOUT_MS = 300;

const enrollmentOverHttp = () => {
  const flow = httpFlow(server, { transportTimeoutMs: REQUEST_TIMEOUT_MS });
  const actor = createEnrollmentActor({
    services: { ...flow.device.services, transport: flow.transport },
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    resendCooldownMs: 100,
  });
  return { ...flow, actor };
};

const reach = (
  actor: EnrollmentActor,
  state: Parameters<ReturnType<EnrollmentActor["getSnapshot"]>["matches"]>[0],
) => waitFor(actor, (snapshot) => snapshot.matches(state), { timeout: 5_000 });
const done = (actor: EnrollmentActor) =>
  waitFor(actor, (snapshot) => snapshot.status === "done", { timeout: 5_000 });

describe("the enrollment machine over HTTP", () => {
  it("a whole enrollment ends in the handoff to enroll, the device's token activated", async () => {
    const { actor, controls, device } = enrollmentOverHttp();
    actor.start();
    actor.send({ type: "start" });
    await reach(actor, "awaitingCode");
    const sms = await controls.outbox();
    expect(sms).toHaveLength(1);
    actor.send({ type: "code.submit", code: sms[0]?.code ?? "" });
    expect((await done(actor)).output).toStrictEqual(HANDOFF);
    expect(device.services.token.state()).toBe("activated");
    expect((await controls.calls()).map((c) => c.operation)).toEqual([
      "account.get",
      "account.get",
      "trustedphonenumber.get",
      "smscode.get",
      "smscode.set",
    ]);
  });

  it("recovers from a dropped network, a 500, an answer off the protocol and a timeout, and still hands off", async () => {
    const { actor, controls, device } = enrollmentOverHttp();
    // No network: the server drops the connections. The machine waits for the network.
    await controls.setOffline(true);
    actor.start();
    actor.send({ type: "start" });
    await reach(actor, { checkingDevice: "offline" });
    expect(actor.getSnapshot().context.error?.code).toBe(2202);
    await controls.setOffline(false);
    actor.send({ type: "network.online" });

    // The SMS request meets a 500, which sent nothing: the user may retry at once.
    await controls.failNext("smscode.get", 2204);
    await reach(actor, { requestingCode: "stalled" });
    expect(actor.getSnapshot().context).toMatchObject({ sendsUsed: 0, error: { code: 2204 } });
    actor.send({ type: "retry" });
    await reach(actor, "awaitingCode");
    const sms = await controls.outbox();
    expect(sms).toHaveLength(1);
    const code = sms[0]?.code ?? "";

    // The validation gets an answer off the protocol, then no answer in time: each time the flow holds the
    // code the user typed and sends it again on retry.
    await controls.failNext("smscode.set", 2203);
    actor.send({ type: "code.submit", code });
    await reach(actor, { validatingCode: "stalled" });
    expect(actor.getSnapshot().context.error?.code).toBe(2203);

    await controls.setLatency(REQUEST_TIMEOUT_MS * 4);
    actor.send({ type: "retry" });
    await reach(actor, { validatingCode: "checking" });
    await reach(actor, { validatingCode: "stalled" });
    expect(actor.getSnapshot().context.error?.code).toBe(2201);

    // The network is fine again: the same code goes through.
    await controls.setLatency(0);
    actor.send({ type: "retry" });
    expect((await done(actor)).output).toStrictEqual(HANDOFF);
    expect(device.services.token.state()).toBe("activated");
    expect(await controls.outbox()).toHaveLength(1);
  });

  it("an account without a trusted phone ends in trustedPhoneRequired, without an SMS", async () => {
    const { actor, controls } = enrollmentOverHttp();
    await controls.configure({ phoneNumber: null });
    actor.start();
    actor.send({ type: "start" });
    expect((await done(actor)).output).toStrictEqual({
      outcome: "trustedPhoneRequired",
      next: { api: "pims.authentication.enrollment", action: "enrollWithPhoneNumber" },
    });
    expect(await controls.outbox()).toEqual([]);
  });

  it("cancel aborts the request in flight: the flow ends cancelled at once and the server sends no SMS", async () => {
    const { actor, controls, token } = enrollmentOverHttp();
    actor.start();
    actor.send({ type: "start" });
    await reach(actor, "awaitingCode");
    await controls.setLatency(REQUEST_TIMEOUT_MS * 0.8);
    await waitFor(actor, (s) => s.context.resendReady, { timeout: 2_000 });
    actor.send({ type: "code.resend" });
    await reach(actor, "requestingCode");
    await expect.poll(() => server.session(token).calls.length).toBe(5);
    const cancelledAt = Date.now();
    actor.send({ type: "cancel" });
    expect((await done(actor)).output).toStrictEqual({ outcome: "cancelled" });
    expect(Date.now() - cancelledAt).toBeLessThan(100);
    await new Promise((resolve) => setTimeout(resolve, REQUEST_TIMEOUT_MS));
    expect(await controls.outbox()).toHaveLength(1);
  });

  it("two machines over one server, each with its own token, never see each other's code", async () => {
    const a = enrollmentOverHttp();
    const b = enrollmentOverHttp();
    for (const { actor } of [a, b]) {
      actor.start();
      actor.send({ type: "start" });
    }
    await Promise.all([reach(a.actor, "awaitingCode"), reach(b.actor, "awaitingCode")]);
    const [codeA, codeB] = await Promise.all([a.controls.outbox(), b.controls.outbox()]);
    expect(codeA).toHaveLength(1);
    expect(codeB).toHaveLength(1);
    a.actor.send({ type: "code.submit", code: codeA[0]?.code ?? "" });
    b.actor.send({ type: "code.submit", code: codeB[0]?.code ?? "" });
    expect((await done(a.actor)).output).toStrictEqual(HANDOFF);
    expect((await done(b.actor)).output).toStrictEqual(HANDOFF);
  });
});
