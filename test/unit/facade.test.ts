import { describe, expect, it, vi } from "vitest";
import { createPims, developmentConfig } from "../../src/facade";
import { createSimulator } from "../../src/simulator";
import { PHONE, T0 } from "../support/fixtures";
import { expectFailed, expectSucceeded } from "../support/messages";
import { callArrived } from "../support/timing";

const SMS = "pims.authentication.smscode";
const ACCOUNT = "pims.authentication.account";
const GET_CODE = { type: "enrollment" };

const setup = async (options: Parameters<typeof createSimulator>[0] = {}) => {
  const sim = createSimulator({ seed: 1, ...options });
  const pims = createPims({ services: sim.services });
  await pims.initialize(developmentConfig);
  return { sim, pims };
};

const lastCode = (sim: ReturnType<typeof createSimulator>) => sim.outbox.at(-1)?.code ?? "";

describe("the facade", () => {
  it("sends an SMS on GET and answers SUCCEEDED with a null result", async () => {
    const { sim, pims } = await setup();
    expectSucceeded(await pims.get(SMS, GET_CODE), null);
    expect(sim.outbox).toHaveLength(1);
    expect(sim.outbox[0]?.to).toBe(PHONE);
  });

  it("validates the sent code on SET and says whether the account already has a PIN", async () => {
    const fresh = await setup();
    await fresh.pims.get(SMS, GET_CODE);
    expectSucceeded(await fresh.pims.set(SMS, { action: "enrollment", smsCode: lastCode(fresh.sim) }), {
      status: "NotEnrolled",
    });
    const enrolled = await setup({ alreadyEnrolled: true });
    await enrolled.pims.get(SMS, GET_CODE);
    expectSucceeded(await enrolled.pims.set(SMS, { action: "enrollment", smsCode: lastCode(enrolled.sim) }), {
      status: "AlreadyEnrolled",
    });
  });

  it("accepts the code as a non-negative integer, losing only its leading zeros", async () => {
    const { sim, pims } = await setup();
    let code = "";
    for (let i = 0; i < 5 && (code === "" || code.startsWith("0")); i++) {
      await pims.get(SMS, GET_CODE);
      code = lastCode(sim);
    }
    expect(code.startsWith("0")).toBe(false);
    expectSucceeded(await pims.set(SMS, { action: "enrollment", smsCode: Number(code) }), {
      status: "NotEnrolled",
    });
  });

  it("answers 2305 for a wrong code and 2306 once the code has expired", async () => {
    let now = T0;
    const { sim, pims } = await setup({ now: () => now });
    await pims.get(SMS, GET_CODE);
    const wrong = lastCode(sim) === "000000" ? "111111" : "000000";
    expectFailed(await pims.set(SMS, { action: "enrollment", smsCode: wrong }), 2305);
    now += 5 * 60_000 + 1;
    expectFailed(await pims.set(SMS, { action: "enrollment", smsCode: lastCode(sim) }), 2306);
  });

  it("reads the trusted phone and the account state", async () => {
    const { pims } = await setup({ accountBlocked: "PINBlocked" });
    expectSucceeded(await pims.get("pims.authentication.trustedphonenumber"), { phoneNumber: PHONE });
    expectSucceeded(
      await pims.get("pims.authentication.account", { actionType: "strong", type: "isDeviceActivated" }),
      { isDeviceActivated: false },
    );
    expectSucceeded(
      await pims.get("pims.authentication.account", { actionType: "strong", type: "isAccountBlocked" }),
      { isAccountBlocked: "PINBlocked" },
    );
  });

  it("calls the callback exactly once, after get has returned, with the message the promise resolves to", async () => {
    const { pims } = await setup();
    const callback = vi.fn();
    const promise = pims.get(SMS, GET_CODE, callback);
    expect(callback).not.toHaveBeenCalled();
    const message = await promise;
    expect(callback).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith(message);
    const refused = vi.fn();
    const refusal = createPims({ services: createSimulator().services }).get(SMS, GET_CODE, refused);
    expect(refused).not.toHaveBeenCalled();
    await refusal;
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it("gives each call its own transaction id", async () => {
    const { pims } = await setup();
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) ids.add((await pims.get(SMS, {}))?.transactionId ?? "");
    expect(ids.size).toBe(50);
  });

  it("answers 2007 to a second initialize and 2006 to every call after an invalid config until one succeeds", async () => {
    const sim = createSimulator();
    const pims = createPims({ services: sim.services });
    expectFailed(await pims.initialize({ ...developmentConfig, credential: { clientId: "x" } }), 2006);
    expectFailed(await pims.get(SMS, GET_CODE), 2006);
    expectSucceeded(await pims.initialize(developmentConfig), null);
    expectFailed(await pims.initialize(developmentConfig), 2007);
    pims.release();
    expectFailed(await pims.get(SMS, GET_CODE), 2001);
    expect(sim.calls).toHaveLength(0);
  });

  it("accepts the SDK's optional config fields within their ranges and refuses anything else with 2006", async () => {
    const initialize = async (config: unknown) =>
      (await createPims({ services: createSimulator().services }).initialize(config))?.status;
    const { credential } = developmentConfig;
    const monitoring = (fields: object) => ({ ...developmentConfig, monitoring: fields });
    for (const accepted of [
      monitoring({}),
      monitoring({ logLevel: "high", newLogFile: "duration", newLogTimeDuration: 5 }),
      monitoring({ newLogTimeDuration: 1440 }),
      { ...developmentConfig, credential: { ...credential, macID: "mac", inWeboURL: "https://inwebo" } },
    ])
      expect(await initialize(accepted), JSON.stringify(accepted)).toBe("SUCCEEDED");
    for (const refused of [
      monitoring({ newLogTimeDuration: 4 }),
      monitoring({ newLogTimeDuration: 1441 }),
      monitoring({ newLogTimeDuration: 5.5 }),
      monitoring({ newLogTimeDuration: "60" }),
      monitoring({ logLevel: "verbose" }),
      { ...developmentConfig, credential: { ...credential, clientId: "" } },
      { ...developmentConfig, credential: { ...credential, clientSecret: " \t\n" } },
      { ...developmentConfig, credential: { ...credential, macID: "" } },
      { ...developmentConfig, profile: { brand: "peugeot" } },
      { ...developmentConfig, environnement: "production" },
    ])
      expect(await initialize(refused), JSON.stringify(refused)).toBe("FAILED");
  });

  it("checks facade state, then api and variant, then params", async () => {
    const uninitialized = createPims({ services: createSimulator().services });
    expectFailed(await uninitialized.get("nope", 42), 2001);
    const { pims, sim } = await setup();
    expectFailed(await pims.get("pims.authentication.nope", GET_CODE), 2002);
    expectFailed(await pims.set("pims.authentication.trustedphonenumber", {}), 2002);
    expectFailed(await pims.get(SMS, { type: "resetPIN", smsCode: 1.5 }), 2002);
    expectFailed(await pims.get(SMS, { type: "phoneNumberCertification" }), 2002);
    expectFailed(await pims.set(SMS, { action: "addPhoneNumber" }), 2002);
    expectFailed(await pims.get(SMS, [1, 2]), 2102, "params");
    expectFailed(await pims.get(SMS, "enrollment"), 2102, "params");
    expectFailed(await pims.get(SMS, null), 2101, "type");
    expectFailed(await pims.get(SMS, { type: undefined }), 2101, "type");
    expectFailed(await pims.set(SMS, { smsCode: "1234" }), 2101, "action");
    expectFailed(await pims.set(SMS, { action: "enrollment" }), 2101, "smsCode");
    expectFailed(await pims.set(SMS, { action: "enrollment", smsCode: null }), 2101, "smsCode");
    expectFailed(
      await pims.get("pims.authentication.account", { type: "isDeviceActivated" }),
      2101,
      "actionType",
    );
    expectFailed(
      await pims.get("pims.authentication.account", { actionType: "weak", type: "isDeviceActivated" }),
      2102,
      "actionType",
    );
    expect(sim.calls).toHaveLength(0);
  });

  it.each([
    " ",
    "12 34",
    "123",
    "12345678901",
    "１２３４",
    1.5,
    -1,
    Number.NaN,
    Number.MAX_SAFE_INTEGER + 2,
    {},
    [],
    true,
  ])("refuses smsCode %j with 2102 without reaching the backend", async (smsCode) => {
    const { pims, sim } = await setup();
    expectFailed(await pims.set(SMS, { action: "enrollment", smsCode }), 2102, "smsCode");
    expect(sim.calls).toHaveLength(0);
  });

  it("ignores unknown extra params, as the guide's samples pass phoneNumber to GET", async () => {
    const { pims } = await setup();
    expectSucceeded(await pims.get(SMS, { type: "enrollment", phoneNumber: PHONE }), null);
  });

  it("answers 2005 to the same command while one is in flight, and runs it again once that one is done", async () => {
    const { pims, sim } = await setup();
    sim.setLatency(20);
    const first = pims.get(SMS, GET_CODE);
    const second = pims.get(SMS, GET_CODE);
    const other = pims.get("pims.authentication.trustedphonenumber");
    expectFailed(await second, 2005);
    expectSucceeded(await first, null);
    expectSucceeded(await other, { phoneNumber: PHONE });
    expectSucceeded(await pims.get(SMS, GET_CODE), null);
    expect(sim.outbox).toHaveLength(2);
  });

  it("stops an aborted call: no callback, a null promise, and the next call runs", async () => {
    const { pims, sim } = await setup();
    sim.setLatency(50);
    const controller = new AbortController();
    const callback = vi.fn();
    const pending = pims.get(SMS, GET_CODE, callback, { signal: controller.signal });
    await callArrived(sim, "smscode.get");
    controller.abort();
    expect(await pending).toBeNull();
    expect(callback).not.toHaveBeenCalled();
    expect(sim.outbox).toHaveLength(0);
    const alreadyAborted = new AbortController();
    alreadyAborted.abort();
    expect(await pims.get(SMS, GET_CODE, { signal: alreadyAborted.signal })).toBeNull();
    sim.setLatency(0);
    expectSucceeded(await pims.get(SMS, GET_CODE), null);
  });

  it("a call aborted before it starts holds no place: the same call made at once runs, and only it reaches the backend", async () => {
    const { pims, sim } = await setup();
    const aborted = pims.get(SMS, GET_CODE, { signal: AbortSignal.abort() });
    const next = pims.get(SMS, GET_CODE);
    expect(await aborted).toBeNull();
    expectSucceeded(await next, null);
    expect(sim.calls.map((call) => call.operation)).toEqual(["smscode.get"]);
  });

  it("the same GET with another variant is no duplicate: both account checks run at once", async () => {
    const { pims, sim } = await setup();
    sim.setLatency(20);
    const activated = pims.get(ACCOUNT, { type: "isDeviceActivated", actionType: "strong" });
    const blocked = pims.get(ACCOUNT, { type: "isAccountBlocked", actionType: "strong" });
    const code = pims.get(SMS, GET_CODE);
    const messages = await Promise.all([activated, blocked, code]);
    expect(messages.map((message) => message?.status)).toEqual(["SUCCEEDED", "SUCCEEDED", "SUCCEEDED"]);
  });

  it("answers the 2316 recovery with the status the validation returned", async () => {
    const { pims, sim } = await setup({ alreadyEnrolled: true });
    await pims.get(SMS, GET_CODE);
    sim.failNext("smscode.set", 2316);
    expectFailed(await pims.set(SMS, { action: "enrollment", smsCode: lastCode(sim) }), 2316);
    expectSucceeded(await pims.synchronize(), { status: "AlreadyEnrolled" });
    expectFailed(await pims.synchronize(), 2311);
  });

  it("keeps the status of a 2316 for its caller, and a new facade synchronizes with the status it is given", async () => {
    const { pims, sim } = await setup({ alreadyEnrolled: true });
    expect(pims.pendingSynchronization()).toBeUndefined();
    await pims.get(SMS, GET_CODE);
    sim.failNext("smscode.set", 2316);
    expectFailed(await pims.set(SMS, { action: "enrollment", smsCode: lastCode(sim) }), 2316);
    expect(pims.pendingSynchronization()).toBe("AlreadyEnrolled");
    // A facade made after a restore never saw that validation.
    const fresh = createPims({ services: sim.services });
    await fresh.initialize(developmentConfig);
    expect(fresh.pendingSynchronization()).toBeUndefined();
    expectFailed(await fresh.synchronize(), 2311);
    for (const status of ["Enrolled", 1, null, { toString: () => "NotEnrolled" }]) {
      expectFailed(await fresh.synchronize({ status } as never), 2102, "status");
    }
    const callback = vi.fn();
    expectSucceeded(await fresh.synchronize(callback, { status: "AlreadyEnrolled" }), {
      status: "AlreadyEnrolled",
    });
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("never calls back a call that release cut short twice, and answers it 2001", async () => {
    const { pims, sim } = await setup();
    sim.setLatency(50);
    const callback = vi.fn();
    const pending = pims.get(SMS, GET_CODE, callback);
    await callArrived(sim, "smscode.get");
    pims.release();
    expectFailed(await pending, 2001);
    expect(callback).toHaveBeenCalledTimes(1);
  });
});

describe("a facade initialized again after release()", () => {
  it("answers 2005 to a call that duplicates its own call in flight, while the call release() cut short settles", async () => {
    const { pims, sim } = await setup();
    sim.setLatency(50);
    const cutShort = pims.get(SMS, GET_CODE);
    pims.release();
    const initialized = pims.initialize(developmentConfig);
    const current = pims.get(SMS, GET_CODE);
    expectFailed(await cutShort, 2001);
    expectFailed(await pims.get(SMS, GET_CODE), 2005);
    expectSucceeded(await initialized, null);
    expectSucceeded(await current, null);
    expect(sim.outbox).toHaveLength(1);
  });
});

describe("the facade over a broken service", () => {
  it("answers 2000 Unknown error when the transport throws, synchronously or not, and never rejects", async () => {
    const sim = createSimulator();
    const throwing = {
      ...sim.services.transport,
      getTrustedPhoneNumber: () => {
        throw new Error("bug");
      },
      requestSmsCode: () => Promise.reject(new Error("bug")),
    };
    const pims = createPims({ services: { ...sim.services, transport: throwing } });
    await pims.initialize(developmentConfig);
    expectFailed(await pims.get("pims.authentication.trustedphonenumber"), 2000);
    expectFailed(await pims.get(SMS, GET_CODE), 2000);
  });
});
