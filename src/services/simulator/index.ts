import { type ErrorCode, inweboResultOf, isErrorCode, type Operation } from "../../errors/index.js";
import { type BackendState, createSimulatedBackend } from "./backend.js";
import { createFaultQueue } from "./faults.js";
import { resolveOptions } from "./options.js";
import { createRandom } from "./random.js";
import { createSmsCodes } from "./sms-codes.js";
import { createSimulatedToken } from "./token.js";
import type { CallRecord, SentSms, Simulator, SimulatorOptions } from "./types.js";

export type { CallRecord, SentSms, Simulator, SimulatorOptions, SimulatorServices } from "./types.js";

const OPERATIONS: readonly Operation[] = [
  "account.get",
  "trustedphonenumber.get",
  "smscode.get",
  "smscode.set",
];

/** The in-memory PIMS backend and inWebo token: the embedded default services, and a test bench. */
export const createSimulator = (options?: SimulatorOptions): Simulator => {
  const resolved = resolveOptions(options);
  const { now } = resolved;
  const initialState = (): BackendState => ({
    phoneNumber: resolved.phoneNumber,
    deviceActivated: resolved.deviceActivated,
    accountBlocked: resolved.accountBlocked,
    alreadyEnrolled: resolved.alreadyEnrolled,
    offline: false,
    latencyMs: 0,
  });

  const state = initialState();
  const random = createRandom(resolved.seed);
  const smsCodes = createSmsCodes(resolved, random, now);
  const faults = createFaultQueue();
  const calls: CallRecord[] = [];
  const outbox: SentSms[] = [];
  const { token, control } = createSimulatedToken({
    configured: resolved.tokenConfigured,
    activated: resolved.deviceActivated,
    onActivated: () => {
      state.deviceActivated = true;
    },
    onActivationStarted: (activationCode) => smsCodes.spend(activationCode),
    isOffline: () => state.offline,
  });
  const transport = createSimulatedBackend({
    state,
    smsCodes,
    faults,
    random,
    now,
    calls,
    outbox,
    takeConfigFault: control.takeConfigFault,
  });

  return {
    services: { transport, token },
    outbox,
    calls,
    failNext(operation: Operation, code: ErrorCode) {
      if (!OPERATIONS.includes(operation))
        throw new TypeError(`failNext: unknown operation ${String(operation)}`);
      if (!isErrorCode(code)) throw new TypeError(`failNext: ${String(code)} is not a catalogue error code`);
      if (operation === "smscode.set") {
        // These come from the device's token, as they would on a device, not from the backend.
        if (code === 2344) return control.failNextConfigCheck();
        const result = inweboResultOf(code);
        if (result !== undefined) return control.failNextCall(result);
      }
      faults.push(operation, code);
    },
    setOffline(flag: boolean) {
      state.offline = flag;
    },
    setLatency(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError("setLatency: ms must be a finite number ≥ 0");
      state.latencyMs = ms;
    },
    reset() {
      Object.assign(state, initialState());
      smsCodes.reset();
      faults.clear();
      control.reset();
      calls.length = 0;
      outbox.length = 0;
    },
  };
};
