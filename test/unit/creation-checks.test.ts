import { describe, expect, it } from "vitest";
import { waitFor } from "xstate";
import { createEnrollmentActor, createPims, developmentConfig } from "../../src";
import type { Services } from "../../src/services/ports";
import { createSimulator } from "../../src/simulator";

const services = () => createSimulator({ seed: 2 }).services;

const thrown = (act: () => unknown): Error => {
  try {
    act();
  } catch (error) {
    return error as Error;
  }
  throw new Error("nothing was thrown");
};

describe("the flow's limits are checked when the actor is created", () => {
  it("codeLifetimeMs: Infinity, which expired the code at once, is a RangeError naming the option and its bounds", () => {
    const error = thrown(() =>
      createEnrollmentActor({ services: services(), codeLifetimeMs: Number.POSITIVE_INFINITY }),
    );
    expect(error).toBeInstanceOf(RangeError);
    expect(error.message).toBe(
      "createEnrollmentActor: codeLifetimeMs must be a number from 1 to 2147483647 ms, not Infinity",
    );
  });

  it('codeLifetimeMs: "300000", which was concatenated into the deadline, is a TypeError', () => {
    const error = thrown(() =>
      createEnrollmentActor({ services: services(), codeLifetimeMs: "300000" as never }),
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe("createEnrollmentActor: codeLifetimeMs must be a number, not string");
  });

  it("maxSends: 0, which still sent an SMS, is a RangeError; counts are integers from 1", () => {
    expect(thrown(() => createEnrollmentActor({ services: services(), maxSends: 0 })).message).toBe(
      "createEnrollmentActor: maxSends must be an integer from 1 to 100, not 0",
    );
    expect(thrown(() => createEnrollmentActor({ services: services(), maxAttempts: 2.5 }))).toBeInstanceOf(
      RangeError,
    );
    expect(thrown(() => createEnrollmentActor({ services: services(), maxAttempts: 101 }))).toBeInstanceOf(
      RangeError,
    );
  });

  it("refuses durations a timer cannot hold, NaN and negative ones; a cooldown may be 0", () => {
    const bad: Record<string, number>[] = [
      { requestTimeoutMs: 0 },
      { requestTimeoutMs: 2 ** 31 },
      { resendCooldownMs: -1 },
      { resendCooldownMs: Number.NaN },
      { codeLifetimeMs: 0 },
    ];
    for (const timers of bad) {
      const error = thrown(() => createEnrollmentActor({ services: services(), ...timers }));
      expect(error, JSON.stringify(timers)).toBeInstanceOf(RangeError);
      expect(error.message).toContain(Object.keys(timers)[0]);
    }
  });

  it("a cooldown of 0 and more sends than the default are accepted and in effect: five codes are sent back to back", async () => {
    const simulator = createSimulator({ seed: 2 });
    const actor = createEnrollmentActor({ services: simulator.services, resendCooldownMs: 0, maxSends: 100 });
    actor.start();
    actor.send({ type: "start" });
    for (let sent = 1; sent <= 5; sent += 1) {
      await waitFor(actor, (s) => s.matches("awaitingCode") && simulator.outbox.length === sent, {
        timeout: 2_000,
      });
      if (sent < 5) {
        await waitFor(actor, (s) => s.can({ type: "code.resend" }), { timeout: 2_000 });
        actor.send({ type: "code.resend" });
      }
    }
    expect(simulator.outbox).toHaveLength(5);
    actor.stop();
  });

  it("keeps only the flow's limits in the context: other options never reach it", () => {
    const actor = createEnrollmentActor({
      services: services(),
      ...({ locale: "fr", colour: "red" } as object),
    } as never);
    expect(Object.keys(actor.getSnapshot().context.timers).sort()).toEqual([
      "codeLifetimeMs",
      "maxAttempts",
      "maxSends",
      "requestTimeoutMs",
      "resendCooldownMs",
    ]);
  });

  it("refuses a clock or logger that is not one", () => {
    expect(
      thrown(() => createEnrollmentActor({ services: services(), clock: { now: () => 0 } as never })).message,
    ).toBe("createEnrollmentActor: clock.setTimeout is missing (it must be a function)");
    expect(
      thrown(() => createEnrollmentActor({ services: services(), logger: "console" as never })),
    ).toBeInstanceOf(TypeError);
  });
});

describe("services are checked when the actor or the facade is created", () => {
  const transport = () => services().transport;

  it("services: {}, which stalled checkingDevice with 2000 and retried forever, is a TypeError naming the transport", () => {
    for (const create of [
      () => createEnrollmentActor({ services: {} as never }),
      () => createPims({ services: {} as never }),
    ]) {
      const error = thrown(create);
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toMatch(/^create(EnrollmentActor|Pims): services\.transport is missing$/);
    }
    expect(thrown(() => createPims({} as never)).message).toBe("createPims: services is missing");
    expect(thrown(() => createEnrollmentActor(undefined as never)).message).toBe(
      "createEnrollmentActor: options are required",
    );
  });

  it("createPims(null), createPims() and options that are not an object are a TypeError saying options are required", () => {
    for (const options of [null, undefined, "services"]) {
      const error = thrown(() => createPims(options as never));
      expect(error, String(options)).toBeInstanceOf(TypeError);
      expect(error.message, String(options)).toBe("createPims: options are required");
    }
  });

  it("createEnrollmentActor(null) and options that are not an object are a TypeError saying options are required", () => {
    for (const options of [null, "services"]) {
      const error = thrown(() => createEnrollmentActor(options as never));
      expect(error, String(options)).toBeInstanceOf(TypeError);
      expect(error.message, String(options)).toBe("createEnrollmentActor: options are required");
    }
  });

  it("a transactionId or logger that is not a function is a TypeError naming the option", () => {
    const error = thrown(() => createPims({ services: services(), transactionId: "x" as never }));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe("createPims: transactionId must be a function");
    expect(thrown(() => createPims({ services: services(), logger: console as never })).message).toBe(
      "createPims: logger must be a function",
    );
  });

  it("a port missing a method is a TypeError naming it", () => {
    const { requestSmsCode: _, ...partial } = transport();
    expect(thrown(() => createEnrollmentActor({ services: { transport: partial } as never })).message).toBe(
      "createEnrollmentActor: services.transport.requestSmsCode is missing (it must be a function)",
    );
    const { synchronize: __, ...token } = services().token;
    expect(thrown(() => createPims({ services: { transport: transport(), token } as never })).message).toBe(
      "createPims: services.token.synchronize is missing (it must be a function)",
    );
  });

  it("no token at all is no mistake: the device cannot enroll, which the flow answers with 2344", async () => {
    const sim = createSimulator({ seed: 4 });
    const withoutToken: Services = { transport: sim.services.transport };
    const actor = createEnrollmentActor({ services: withoutToken }).start();
    actor.send({ type: "start" });
    const settled = await waitFor(actor, (s) => s.status === "done" || s.matches("awaitingCode"));
    if (settled.status !== "done") actor.send({ type: "code.submit", code: sim.outbox.at(-1)?.code ?? "" });
    const done = await waitFor(actor, (s) => s.status === "done");
    expect(done.output).toEqual({
      outcome: "failed",
      error: { code: 2344, label: "StrongAuthentication not configured" },
    });
  });

  it("createPims({ timeoutMs }) follows the timers' rules", async () => {
    expect(
      thrown(() => createPims({ services: services(), timeoutMs: Number.POSITIVE_INFINITY })),
    ).toBeInstanceOf(RangeError);
    expect(thrown(() => createPims({ services: services(), timeoutMs: "30000" as never })).message).toBe(
      "createPims: timeoutMs must be a number, not string",
    );
    expect(thrown(() => createPims({ services: services(), timeoutMs: 0 })).message).toBe(
      "createPims: timeoutMs must be a number from 1 to 2147483647 ms, not 0",
    );
    const pims = createPims({ services: services(), timeoutMs: 5_000 });
    expect(await pims.initialize(developmentConfig)).toMatchObject({ status: "SUCCEEDED" });
  });
});
