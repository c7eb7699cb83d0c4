import { type ErrorCode, inweboResultOf, isErrorCode, type Operation } from "../../errors";
import { type BackendState, createSimulatedBackend } from "./backend";
import { createFaultQueue } from "./faults";
import { resolveOptions } from "./options";
import { createRandom } from "./random";
import { createSmsCodes } from "./sms-codes";
import { createSimulatedToken } from "./token";
import type { CallRecord, SentSms, Simulator, SimulatorOptions } from "./types";

export type { CallRecord, SentSms, Simulator, SimulatorOptions, SimulatorServices } from "./types";

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
