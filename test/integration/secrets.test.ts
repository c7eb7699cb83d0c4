import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type InspectionEvent, type Snapshot, waitFor } from "xstate";
import {
  createEnrollmentActor,
  createPims,
  type EnrollmentActor,
  type EnrollmentInput,
  type LogLevel,
  PimsError,
  type PimsMessage,
  registerLocale,
  toViewModel,
} from "../../src";
import { createHttpTransport } from "../../src/http";
import { fr } from "../../src/locales/fr";
import { secret } from "../../src/machines/secret";
import { createReferenceServer, type ReferenceServer } from "../../src/server";
import type { InweboToken, Services, Transport } from "../../src/services/ports";
import { createSimulator, type Simulator, type SimulatorOptions } from "../../src/simulator";
import { checkInspection, createLeakDetector } from "../support/exposure";
import { clockAtT0 } from "../support/fixtures";
import { callArrived, fakeTimeouts } from "../support/timing";

// The views are checked in English and in French, as an app that registered French renders them.
registerLocale(fr);

/** Values that must never come out of the engine, each distinctive enough not to match by chance. */
const CLIENT_SECRET = "s3cr3t-client-5c9e1a77";
/** No PIN belongs in this flow; an app that puts one in its config anyway must not see it come back. */
const PIN = "pin-80417263";
const MALFORMED = "73051x9";

const config = {
  environnement: "development",
  mode: "B2C",
  credential: {
    clientId: "client-id-public",
    clientSecret: CLIENT_SECRET,
    webviewsRedirectURI: "app://web",
    loginRedirectURI: "app://login",
    pin: PIN,
  },
  profile: { brand: "Peugeot" },
  pin: PIN,
};

/** 10-digit codes: no timestamp, counter or id of a flow contains one by chance. */
const CODE_LENGTH = 10;

const wrong = (code: string) => code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));

const CONSOLE = ["log", "info", "warn", "error", "debug", "trace"] as const;

/** Everything printed to the console while a test runs: XState's development warnings print there. */
let printed: unknown[][] = [];
beforeEach(() => {
  printed = [];
  for (const method of CONSOLE) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push([method, ...args]);
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

interface Exposures {
  inspection: Record<string, number>;
  /** Inspection events that carried the app's own `code.submit`, allowed to show its code. */
  userEvents: number;
  logs: Record<LogLevel, number>;
  snapshots: number;
  persisted: number;
  views: number;
  emitted: number;
  errors: number;
}

/**
 * An enrollment on the simulator with every outlet of the engine watched: the facade's logger,
 * XState's inspection events, emitted events, each snapshot and its persisted form and view models,
 * errors, and the console. Secrets: the client secret, the PIN, every SMS code sent or typed and every
 * activation code the backend issued.
 */
const watchedFlow = (options: { sim?: SimulatorOptions; timers?: EnrollmentInput; token?: boolean } = {}) => {
  const clock = clockAtT0();
  const sim: Simulator = createSimulator({
    seed: 23,
    codeLength: CODE_LENGTH,
    now: () => clock.now(),
    ...options.sim,
  });
  const typed = new Set<string>();
  const activationCodes = new Set<string>();
  const secrets = () => [
    CLIENT_SECRET,
    PIN,
    ...typed,
    ...sim.outbox.map((sms) => sms.code),
    ...activationCodes,
  ];
  const sent = new Set<unknown>();
  const detector = createLeakDetector(secrets, sent);
  const exposures: Exposures = {
    inspection: {},
    userEvents: 0,
    logs: { debug: 0, info: 0, warn: 0, error: 0 },
    snapshots: 0,
    persisted: 0,
    views: 0,
    emitted: 0,
    errors: 0,
  };
  const token: InweboToken = {
    ...sim.services.token,
    isConfigured: () => sim.services.token.isConfigured(),
    activationStart: (code, ctx) => {
      activationCodes.add(code);
      return sim.services.token.activationStart(code, ctx);
    },
    activationFinalize: (ctx) => sim.services.token.activationFinalize(ctx),
    synchronize: (ctx) => sim.services.token.synchronize(ctx),
    state: () => sim.services.token.state(),
    exportState: () => sim.services.token.exportState(),
  };
  const services: Services =
    options.token === false
      ? { transport: sim.services.transport }
      : { transport: sim.services.transport, token };

  const checkPersisted = (actor: EnrollmentActor, where: string) => {
    exposures.persisted += 1;
    detector.check(`persisted snapshot ${where}`, actor.getPersistedSnapshot());
  };

  const spawn = (snapshot?: Snapshot<unknown>): EnrollmentActor => {
    const actor = createEnrollmentActor({
      services,
      config,
      clock,
      ...options.timers,
      ...(snapshot ? { snapshot } : {}),
      logger: (level, message, data) => {
        exposures.logs[level] += 1;
        detector.check(`logger ${level} "${message}"`, { level, message, data });
      },
      inspect: (event: InspectionEvent) => {
        exposures.inspection[event.type] = (exposures.inspection[event.type] ?? 0) + 1;
        if (checkInspection(detector, event, sent)) exposures.userEvents += 1;
      },
    });
    actor.on("*", (emitted) => {
      exposures.emitted += 1;
      detector.check("emitted event", emitted);
    });
    actor.subscribe({
      next: (s) => {
        exposures.snapshots += 1;
        detector.check(`snapshot ${JSON.stringify(s.value)}`, s);
        detector.check("snapshot output", s.output);
        for (const locale of ["en", "fr"]) {
          exposures.views += 1;
          detector.check(`view model (${locale})`, toViewModel(s, { now: clock.now(), locale }));
        }
        checkPersisted(actor, `at ${JSON.stringify(s.value)}`);
      },
      error: (error) => {
        exposures.errors += 1;
        detector.check("actor error", error);
      },
    });
    actor.start();
    return actor;
  };

  const flow = {
    sim,
    clock,
    detector,
    exposures,
    actor: spawn(),
    send(event: Parameters<EnrollmentActor["send"]>[0]) {
      flow.actor.send(event);
      checkPersisted(flow.actor, `after ${event.type}`);
    },
    /** Types a code, as the user would: the event the app sends is the one place it may show. */
    submit(code: string) {
      typed.add(code);
      const event = { type: "code.submit" as const, code };
      sent.add(event);
      flow.send(event);
    },
    lastCode: () => sim.outbox.at(-1)?.code ?? "",
    until: (value: Parameters<ReturnType<EnrollmentActor["getSnapshot"]>["matches"]>[0]) =>
      waitFor(flow.actor, (s) => s.matches(value), { timeout: 2000 }),
    /** The app is killed: its persisted snapshot goes through JSON and a new actor picks it up. */
    restore() {
      const json = JSON.stringify(flow.actor.getPersistedSnapshot());
      detector.check("stored snapshot", json);
      flow.actor.stop();
      detector.check("the stopped actor", flow.actor);
      flow.actor = spawn(JSON.parse(json));
    },
    /** Stops the actor, checks what is left, and asserts nothing leaked anywhere. */
    finish() {
      const { actor } = flow;
      detector.check("final snapshot", actor.getSnapshot());
      checkPersisted(actor, "at the end");
      actor.stop();
      detector.check("the stopped actor", actor);
      detector.check("console", printed);
      expect(detector.leaks).toEqual([]);
      expect(exposures.snapshots).toBeGreaterThan(0);
      expect(exposures.logs.info).toBeGreaterThan(0);
      for (const type of ["@xstate.actor", "@xstate.event", "@xstate.snapshot", "@xstate.microstep"]) {
        expect(exposures.inspection[type], type).toBeGreaterThan(0);
      }
      return exposures;
    },
  };
  return flow;
};

type WatchedFlow = ReturnType<typeof watchedFlow>;

const toCode = async (flow: WatchedFlow) => {
  flow.send({ type: "start" });
  await flow.until({ awaitingCode: "editing" });
};

const HANDOFF = { outcome: "handoff", status: "NotEnrolled" } as const;

describe("the detector that the tests below rely on", () => {
  it("finds a secret as JSON, through the inspector and by reachability, and not behind a redacting Secret", () => {
    const detector = createLeakDetector(() => ["4815162342"]);
    detector.check("plain", { context: { code: "4815162342" } });
    detector.check("hidden", Object.defineProperty({}, "code", { value: "4815162342", enumerable: false }));
    detector.check("in a Map", { m: new Map([["k", { code: "x4815162342x" }]]) });
    expect(detector.leaks.map((l) => `${l.where}/${l.how}`)).toEqual([
      "plain/json",
      "plain/inspect",
      "plain/reachable",
      "hidden/json",
      "hidden/inspect",
      "hidden/reachable",
      "in a Map/json",
      "in a Map/inspect",
      "in a Map/reachable",
    ]);
    detector.leaks.length = 0;
    detector.check("secret", { input: { code: secret("4815162342") } });
    expect(detector.leaks).toEqual([]);
  });
});

describe("no SMS code, client secret, PIN or activation code leaves the engine, except in the app's own event", () => {
  it("a whole enrollment, the right code at once", async () => {
    const flow = watchedFlow();
    await toCode(flow);
    flow.submit(flow.lastCode());
    expect((await flow.until("handoff")).output).toMatchObject(HANDOFF);
    const exposures = flow.finish();
    // The code did pass by: the app's own event carried it, to the inspector only.
    expect(exposures.userEvents).toBeGreaterThanOrEqual(3);
  });

  it("a malformed code, two wrong ones, then the right one", async () => {
    const flow = watchedFlow();
    await toCode(flow);
    flow.submit(MALFORMED);
    await flow.until({ awaitingCode: "rejected" });
    flow.submit(wrong(flow.lastCode()));
    await flow.until({ validatingCode: "checking" });
    await flow.until({ awaitingCode: "rejected" });
    flow.submit(wrong(wrong(flow.lastCode())));
    await flow.until({ validatingCode: "checking" });
    await flow.until({ awaitingCode: "rejected" });
    expect(flow.actor.getSnapshot().context).toMatchObject({ attemptsLeft: 1, error: { code: 2305 } });
    flow.submit(flow.lastCode());
    await flow.until("handoff");
    flow.finish();
  });

  it("wrong codes until the code dies, then a new code after the cooldown", async () => {
    const flow = watchedFlow();
    await toCode(flow);
    for (let i = 1; i <= 3; i++) {
      flow.submit(`${wrong(flow.lastCode()).slice(0, -2)}${i}${i}`);
      await flow.until({ validatingCode: "checking" });
      await flow.until("awaitingCode");
    }
    await flow.until({ awaitingCode: "expired" });
    flow.clock.increment(30_000);
    expect(flow.actor.getSnapshot().context.resendReady).toBe(true);
    flow.send({ type: "code.resend" });
    await flow.until({ awaitingCode: "editing" });
    flow.submit(flow.lastCode());
    await flow.until("handoff");
    flow.finish();
  });

  it("retry class: the SMS request fails with 2204 and is retried at once; the validation fails with 2204 and the held code is sent again", async () => {
    const flow = watchedFlow();
    flow.sim.failNext("smscode.get", 2204);
    flow.send({ type: "start" });
    await flow.until({ requestingCode: "stalled" });
    flow.send({ type: "retry" });
    await flow.until({ awaitingCode: "editing" });
    flow.sim.failNext("smscode.set", 2204);
    flow.submit(flow.lastCode());
    await flow.until({ validatingCode: "stalled" });
    flow.send({ type: "retry" });
    await flow.until("handoff");
    flow.finish();
  });

  it("when-online class: offline at the first check and at the validation, then online again with the held code", async () => {
    const flow = watchedFlow();
    flow.sim.setOffline(true);
    flow.send({ type: "network.offline" });
    flow.send({ type: "start" });
    await flow.until({ checkingDevice: "offline" });
    flow.sim.setOffline(false);
    flow.send({ type: "network.online" });
    await flow.until({ awaitingCode: "editing" });
    flow.sim.setOffline(true);
    flow.submit(flow.lastCode());
    await flow.until({ validatingCode: "offline" });
    expect(flow.actor.getSnapshot().context.error?.code).toBe(2202);
    flow.sim.setOffline(false);
    flow.send({ type: "network.online" });
    await flow.until("handoff");
    flow.finish();
  });

  it("the app killed while the validation waits to be retried: the held code is in no stored snapshot, and is typed again", async () => {
    const flow = watchedFlow();
    await toCode(flow);
    flow.sim.setOffline(true);
    flow.submit(flow.lastCode());
    await flow.until({ validatingCode: "offline" });
    flow.restore();
    await flow.until({ awaitingCode: "retype" });
    flow.sim.setOffline(false);
    flow.submit(flow.lastCode());
    await flow.until("handoff");
    flow.finish();
  });

  it.each([2306, 2308] as const)("new-code class: %i on the validation, then a new code", async (code) => {
    const flow = watchedFlow();
    await toCode(flow);
    flow.sim.failNext("smscode.set", code);
    flow.submit(flow.lastCode());
    await flow.until({ awaitingCode: "expired" });
    flow.clock.increment(30_000);
    expect(flow.actor.getSnapshot().context.resendReady).toBe(true);
    flow.send({ type: "code.resend" });
    await flow.until({ awaitingCode: "editing" });
    flow.submit(flow.lastCode());
    await flow.until("handoff");
    flow.finish();
  });

  it("sync class: 2316 twice, then the synchronization alone is retried", async () => {
    const flow = watchedFlow({ sim: { alreadyEnrolled: true } });
    await toCode(flow);
    flow.sim.failNext("smscode.set", 2316);
    flow.sim.failNext("smscode.set", 2316);
    flow.submit(flow.lastCode());
    await flow.until({ synchronizing: "stalled" });
    flow.send({ type: "retry" });
    expect((await flow.until("handoff")).output).toMatchObject({ status: "AlreadyEnrolled" });
    flow.finish();
  });

  it("terminal class: 2309 ends the flow", async () => {
    const flow = watchedFlow();
    await toCode(flow);
    flow.sim.failNext("smscode.set", 2309);
    flow.submit(flow.lastCode());
    expect((await flow.until("failed")).output).toMatchObject({ outcome: "failed", error: { code: 2309 } });
    flow.finish();
  });

  it("restart class: 2310 hands off to remove the enrollments", async () => {
    const flow = watchedFlow();
    await toCode(flow);
    flow.sim.failNext("smscode.set", 2310);
    flow.submit(flow.lastCode());
    expect((await flow.until("accountBlocked")).output).toMatchObject({ error: { code: 2310 } });
    flow.finish();
  });

  it("2344: a device with no token fails before any SMS is requested", async () => {
    const flow = watchedFlow({ token: false });
    flow.send({ type: "start" });
    expect((await flow.until("failed")).output).toMatchObject({ error: { code: 2344 } });
    expect(flow.sim.outbox).toEqual([]);
    flow.finish();
  });

  it("cancel while the code is being checked, and the late answer that follows", async () => {
    fakeTimeouts();
    const flow = watchedFlow();
    await toCode(flow);
    flow.sim.setLatency(20);
    flow.submit(flow.lastCode());
    await callArrived(flow.sim, "smscode.set");
    flow.send({ type: "cancel" });
    // The check's latency runs out: were it not aborted, its answer would come now.
    await vi.advanceTimersByTimeAsync(20);
    expect(flow.actor.getSnapshot().output).toEqual({ outcome: "cancelled" });
    flow.finish();
  });

  it("restored while the code was being checked: the code is typed again, never replayed", async () => {
    fakeTimeouts();
    const flow = watchedFlow();
    await toCode(flow);
    flow.sim.setLatency(20);
    flow.submit(flow.lastCode());
    await callArrived(flow.sim, "smscode.set");
    flow.restore();
    await flow.until({ awaitingCode: "retype" });
    // The stopped actor's call runs out its latency.
    await vi.advanceTimersByTimeAsync(20);
    flow.sim.setLatency(0);
    flow.submit(flow.lastCode());
    await flow.until("handoff");
    expect(flow.sim.calls.filter((c) => c.operation === "smscode.set")).toHaveLength(2);
    flow.finish();
  });

  it("restored while the SMS request was in flight, then a resend", async () => {
    fakeTimeouts();
    const flow = watchedFlow();
    flow.sim.setLatency(20);
    flow.send({ type: "start" });
    await callArrived(flow.sim, "smscode.get");
    flow.restore();
    await flow.until({ awaitingCode: "unconfirmed" });
    // The stopped actor's call runs out its latency.
    await vi.advanceTimersByTimeAsync(20);
    flow.sim.setLatency(0);
    flow.submit(wrong(flow.lastCode()));
    await flow.until({ awaitingCode: "rejected" });
    flow.send({ type: "code.resend" });
    await flow.until({ awaitingCode: "editing" });
    flow.submit(flow.lastCode());
    await flow.until("handoff");
    flow.finish();
  });
});

describe("the facade called directly", () => {
  /** A facade with a logger, every message and every call's promise watched. */
  const watchedFacade = (services: Services, secrets: () => string[]) => {
    const detector = createLeakDetector(() => [CLIENT_SECRET, PIN, ...secrets()]);
    const levels = new Set<LogLevel>();
    const pims = createPims({
      services,
      logger: (level, message, data) => {
        levels.add(level);
        detector.check(`logger ${level} "${message}"`, { level, message, data });
      },
    });
    const messages: PimsMessage[] = [];
    const callback = (message: PimsMessage) => {
      messages.push(message);
      detector.check("callback message", message);
    };
    const answered = async (call: Promise<PimsMessage | null>) => {
      const message = await call;
      detector.check("promised message", message);
      if (message?.status === "FAILED") detector.check("PimsError", new PimsError(message));
      return message;
    };
    return { pims, detector, levels, messages, callback, answered };
  };

  it("initialize, the SMS request, malformed, wrong, numeric, duplicate and right codes, and a throwing callback", async () => {
    const sim = createSimulator({ seed: 31, codeLength: CODE_LENGTH });
    const typed: string[] = [];
    const f = watchedFacade(sim.services, () => [...typed, ...sim.outbox.map((s) => s.code)]);
    const { pims, answered, callback } = f;
    await answered(pims.initialize({ ...config, profile: { brand: "Fiat" } }, callback));
    expect((await answered(pims.get("pims.authentication.smscode", { type: "enrollment" })))?.status).toBe(
      "FAILED",
    );
    await answered(pims.initialize(config, callback));
    expect((await answered(pims.initialize(config)))?.status).toBe("FAILED");
    await answered(pims.get("pims.authentication.smscode", { type: "enrollment" }, callback));
    const code = sim.outbox.at(-1)?.code ?? "";
    typed.push(MALFORMED, wrong(code), code, "0004815162");
    expect(
      (await answered(pims.set("pims.authentication.smscode", { action: "enrollment", smsCode: MALFORMED })))
        ?.status,
    ).toBe("FAILED");
    await answered(pims.set("pims.authentication.smscode", { action: "enrollment", smsCode: wrong(code) }));
    await answered(pims.set("pims.authentication.smscode", { action: "enrollment", smsCode: 4815162 }));
    sim.setLatency(10);
    const first = answered(pims.set("pims.authentication.smscode", { action: "enrollment", smsCode: code }));
    const duplicate = answered(
      pims.set("pims.authentication.smscode", { action: "enrollment", smsCode: code }, () => {
        throw new Error("the app's callback failed");
      }),
    );
    expect((await duplicate)?.status).toBe("FAILED");
    expect(await first).toMatchObject({ status: "SUCCEEDED", result: { status: "NotEnrolled" } });
    expect(f.levels).toEqual(new Set(["info", "error"]));
    expect(f.detector.checked).toBeGreaterThan(10);
    f.detector.check("console", printed);
    expect(f.detector.leaks).toEqual([]);
  });

  it("a transport that throws with the code in its error answers 2000 and the error goes nowhere", async () => {
    const sim = createSimulator({ seed: 37, codeLength: CODE_LENGTH });
    const code = "6180339887";
    const transport: Transport = {
      ...sim.services.transport,
      getAccount: (q, ctx) => sim.services.transport.getAccount(q, ctx),
      getTrustedPhoneNumber: (ctx) => sim.services.transport.getTrustedPhoneNumber(ctx),
      requestSmsCode: (ctx) => sim.services.transport.requestSmsCode(ctx),
      validateSmsCode: async (smsCode) => {
        throw new Error(`refused ${smsCode} with ${CLIENT_SECRET}`);
      },
    };
    const f = watchedFacade({ ...sim.services, transport }, () => [code]);
    await f.answered(f.pims.initialize(config));
    const message = await f.answered(
      f.pims.set("pims.authentication.smscode", { action: "enrollment", smsCode: code }),
    );
    expect(message).toMatchObject({ status: "FAILED", error: { code: 2000 } });
    f.detector.check("console", printed);
    expect(f.detector.leaks).toEqual([]);
  });
});

describe("over HTTP", () => {
  let server: ReferenceServer;
  const serverLog: string[] = [];
  beforeAll(async () => {
    server = await createReferenceServer({ controls: true, log: (line) => serverLog.push(line) });
  });
  afterAll(() => server.close());

  it("the code travels only in the validation request's body; the server's log never holds a code or the token", async () => {
    const bearer = "bearer-tok-7c1f0a9b2e";
    const requests: { url: string; method: string; headers: string; body: string }[] = [];
    const recordingFetch = (input: string, init: RequestInit) => {
      requests.push({
        url: input,
        method: String(init.method),
        headers: JSON.stringify(init.headers),
        body: typeof init.body === "string" ? init.body : "",
      });
      return globalThis.fetch(input, init);
    };
    const transport = createHttpTransport({
      baseUrl: server.url,
      getAccessToken: () => bearer,
      fetch: recordingFetch,
    });
    const device = createSimulator();
    const remote = server.session(bearer);
    const logs: unknown[] = [];
    const actor = createEnrollmentActor({
      services: { ...device.services, transport },
      config,
      logger: (...entry) => logs.push(entry),
      resendCooldownMs: 50,
    });
    actor.start();
    actor.send({ type: "start" });
    await waitFor(actor, (s) => s.matches({ awaitingCode: "editing" }), { timeout: 5000 });
    const code = remote.outbox.at(-1)?.code ?? "";
    expect(code).toMatch(/^\d{6}$/);
    actor.send({ type: "code.submit", code: wrong(code) });
    await waitFor(actor, (s) => s.matches({ awaitingCode: "rejected" }), { timeout: 5000 });
    actor.send({ type: "code.submit", code });
    await waitFor(actor, (s) => s.status === "done", { timeout: 5000 });
    expect(actor.getSnapshot().output).toMatchObject(HANDOFF);
    actor.stop();
    // Real time, over a real server: a request the stopped actor still made would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 20));

    const typed = [code, wrong(code)];
    const validations = requests.filter((r) => r.url.endsWith("/v1/smscode/validation"));
    expect(validations.map((r) => JSON.parse(r.body))).toEqual([{ smsCode: wrong(code) }, { smsCode: code }]);
    for (const r of requests) {
      for (const c of typed) {
        expect(r.url).not.toContain(c);
        expect(r.headers).not.toContain(c);
      }
      expect(r.headers).not.toContain(CLIENT_SECRET);
      expect(r.body).not.toContain(CLIENT_SECRET);
    }
    expect(serverLog.length).toBeGreaterThanOrEqual(requests.length);
    for (const line of serverLog) {
      for (const c of typed) expect(line).not.toContain(c);
      expect(line).not.toContain(bearer);
    }
    const detector = createLeakDetector(() => [CLIENT_SECRET, PIN, ...typed, bearer]);
    detector.check("facade logger", logs);
    detector.check("console", printed);
    expect(detector.leaks).toEqual([]);
  });
});
