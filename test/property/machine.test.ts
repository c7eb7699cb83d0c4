import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SimulatedClock, type Snapshot } from "xstate";
import { createEnrollmentActor, type EnrollmentActor, type EnrollmentEvent } from "../../src";
import { documentedPairs } from "../../src/errors";
import type { CallContext, Services, Transport } from "../../src/services/ports";
import { createSimulator } from "../../src/simulator";
import { T0 } from "../support/flow";

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
  fc.constant({ kind: "submitSent" as const }),
  fc.constant({ kind: "submitWrong" as const }),
  fc.constantFrom(...pairs).map((pair) => ({ kind: "fault" as const, pair })),
  fc.boolean().map((flag) => ({ kind: "offline" as const, flag })),
  fc.constantFrom(1_000, 31_000, 301_000).map((ms) => ({ kind: "advance" as const, ms })),
  fc.constant({ kind: "restore" as const }),
  fc.constant({ kind: "settle" as const }),
);

/** The simulator's transport, counting the requests in flight at once. */
const counting = (transport: Transport) => {
  let inFlight = 0;
  let most = 0;
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
    requestSmsCode: wrap((ctx: CallContext) => transport.requestSmsCode(ctx)),
    validateSmsCode: wrap((code: string, ctx: CallContext) => transport.validateSmsCode(code, ctx)),
  };
  return { transport: wrapped, most: () => most };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("random event sequences with random faults, on the real actor", () => {
  it("keep the invariants: one request at a time, counters in bounds, no secret persisted, no unhandled error", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 40 }), async (commands) => {
          const clock = new SimulatedClock();
          clock.set(T0);
          const sim = createSimulator({ seed: 9, now: () => clock.now() });
          const { transport, most } = counting(sim.services.transport);
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
            expect(context.sendsUsed).toBeGreaterThanOrEqual(0);
            expect(context.sendsUsed).toBeLessThanOrEqual(context.timers.maxSends);
            expect(context.attemptsLeft).toBeGreaterThanOrEqual(0);
            expect(context.attemptsLeft).toBeLessThanOrEqual(context.timers.maxAttempts);
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
