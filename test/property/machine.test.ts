import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "xstate";
import { createEnrollmentActor, type EnrollmentActor, type EnrollmentEvent } from "../../src";
import { documentedPairs, outcomeUnknown, recoveryOf } from "../../src/errors";
import type { CallContext, Services, Transport } from "../../src/services/ports";
import { createSimulator } from "../../src/simulator";
import { clockAtT0 } from "../support/fixtures";
import { settle } from "../support/timing";

type Command =
  | { kind: "event"; event: EnrollmentEvent }
  | { kind: "submitSent" }
  | { kind: "submitWrong" }
  | { kind: "fault"; pair: (typeof pairs)[number] }
  | { kind: "offline"; flag: boolean }
  | { kind: "advance"; ms: number }
  | { kind: "restore" }
  | { kind: "settle" };

const pairs = documentedPairs(["account.get", "trustedphonenumber.get", "smscode.get", "smscode.set"]);

const command: fc.Arbitrary<Command> = fc.oneof(
  fc
    .constantFrom<EnrollmentEvent>(
      { type: "start" },
      { type: "code.resend" },
      { type: "retry" },
      { type: "network.online" },
      { type: "network.offline" },
      { type: "code.submit", code: "12a4" },
      { type: "cancel" },
    )
    .map((event) => ({ kind: "event" as const, event })),
  // Weighted so that runs often reach a sent code and spend attempts on it.
  {
    arbitrary: fc.constant({ kind: "event" as const, event: { type: "start" } as EnrollmentEvent }),
    weight: 3,
  },
  { arbitrary: fc.constant({ kind: "submitSent" as const }), weight: 2 },
  { arbitrary: fc.constant({ kind: "submitWrong" as const }), weight: 4 },
  fc.constantFrom(...pairs).map((pair) => ({ kind: "fault" as const, pair })),
  fc.boolean().map((flag) => ({ kind: "offline" as const, flag })),
  fc.constantFrom(1_000, 31_000, 301_000).map((ms) => ({ kind: "advance" as const, ms })),
  fc.constant({ kind: "restore" as const }),
  fc.constant({ kind: "settle" as const }),
);

/** What the transport answered, in the order the answers came. */
type Answered =
  | { operation: "requestSmsCode"; outcome: Awaited<ReturnType<Transport["requestSmsCode"]>> }
  | { operation: "validateSmsCode"; outcome: Awaited<ReturnType<Transport["validateSmsCode"]>> };

/** The simulator's transport, counting the requests in flight at once and logging the SMS answers. */
const counting = (transport: Transport) => {
  let inFlight = 0;
  let most = 0;
  const answered: Answered[] = [];
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await call(...args);
      } finally {
        inFlight -= 1;
      }
    };
  const wrapped: Transport = {
    getAccount: wrap((q: Parameters<Transport["getAccount"]>[0], ctx: CallContext) =>
      transport.getAccount(q, ctx),
    ),
    getTrustedPhoneNumber: wrap((ctx: CallContext) => transport.getTrustedPhoneNumber(ctx)),
    requestSmsCode: wrap(async (ctx: CallContext) => {
      const outcome = await transport.requestSmsCode(ctx);
      answered.push({ operation: "requestSmsCode", outcome });
      return outcome;
    }),
    validateSmsCode: wrap(async (code: string, ctx: CallContext) => {
      const outcome = await transport.validateSmsCode(code, ctx);
      answered.push({ operation: "validateSmsCode", outcome });
      return outcome;
    }),
  };
  return { transport: wrapped, most: () => most, inFlight: () => inFlight, answered };
};

/**
 * The counters as the transport's answers dictate them: a send counts unless its answer says nothing was
 * sent (a refusal whose outcome is known); a sent code has every attempt, and each wrong code for it
 * (a fix-input refusal) spends exactly one.
 */
const expectedCounters = (answered: readonly Answered[], maxAttempts: number) => {
  let sendsUsed = 0;
  let attemptsLeft = 0;
  for (const { operation, outcome } of answered) {
    if (operation === "requestSmsCode") {
      if (outcome.ok || outcomeUnknown(outcome.error)) sendsUsed += 1;
      if (outcome.ok) attemptsLeft = maxAttempts;
    }
    if (operation === "validateSmsCode" && !outcome.ok && recoveryOf(outcome.error) === "fix-input") {
      attemptsLeft -= 1;
    }
  }
  return { sendsUsed, attemptsLeft };
};

/** The states in which the code last sent can still be typed. */
const codeTypeable = (["editing", "rejected", "unconfirmed", "retype"] as const).map((state) => ({
  awaitingCode: state,
}));

describe("random event sequences with random faults, on the real actor", () => {
  it("keep the invariants: one request at a time, exact counters, no secret persisted, no unhandled error", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 40 }), async (commands) => {
          const clock = clockAtT0();
          const sim = createSimulator({ seed: 9, now: () => clock.now() });
          const { transport, most, inFlight, answered } = counting(sim.services.transport);
          const services: Services = { ...sim.services, transport };
          const typed = new Set<string>();
          const spawn = (snapshot?: Snapshot<unknown>): EnrollmentActor => {
            const actor = createEnrollmentActor({ services, clock, ...(snapshot ? { snapshot } : {}) });
            actor.start();
            return actor;
          };
          let actor = spawn();
          for (const step of commands) {
            if (step.kind === "event") actor.send(step.event);
            if (step.kind === "submitSent" || step.kind === "submitWrong") {
              const sent = sim.outbox.at(-1)?.code ?? "0000";
              const code =
                step.kind === "submitSent" ? sent : sent.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
              typed.add(code);
              actor.send({ type: "code.submit", code });
            }
            if (step.kind === "fault") sim.failNext(step.pair.operation, step.pair.code);
            if (step.kind === "offline") sim.setOffline(step.flag);
            if (step.kind === "advance") clock.increment(step.ms);
            if (step.kind === "restore") {
              const persisted = JSON.stringify(actor.getPersistedSnapshot());
              for (const code of typed) expect(persisted).not.toContain(`"${code}"`);
              actor.stop();
              actor = spawn(JSON.parse(persisted));
            }
            await settle();
            const snapshot = actor.getSnapshot();
            expect(snapshot.status).not.toBe("error");
            const { context } = snapshot;
            expect(inFlight()).toBe(0);
            const expected = expectedCounters(answered, context.timers.maxAttempts);
            expect(context.sendsUsed).toBe(expected.sendsUsed);
            expect(context.sendsUsed).toBeLessThanOrEqual(context.timers.maxSends);
            if (codeTypeable.some((state) => snapshot.matches(state))) {
              expect(context.attemptsLeft).toBe(expected.attemptsLeft);
            }
          }
          const persisted = JSON.stringify(actor.getPersistedSnapshot());
          for (const code of typed) expect(persisted).not.toContain(`"${code}"`);
          actor.stop();
          expect(most()).toBeLessThanOrEqual(1);
        }),
        { numRuns: 150 },
      );
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
