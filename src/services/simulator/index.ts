import { type ErrorCode, inweboResultOf, isErrorCode, type Operation } from "../../errors/index.js";
import { type BackendState, createSimulatedBackend } from "./backend.js";
import { createCallLog } from "./call-log.js";
import { createFaultLedger } from "./faults.js";
import { resolveOptions } from "./options.js";
import { createRandom } from "./random.js";
import { createSmsCodes } from "./sms-codes.js";
import { createSimulatedToken } from "./token.js";
import type { FailNextOptions, SentSms, Simulator, SimulatorOptions } from "./types.js";

export type {
  CallRecord,
  FailNextOptions,
  FaultHit,
  FaultRecord,
  SentSms,
  Simulator,
  SimulatorOptions,
  SimulatorServices,
} from "./types.js";

const OPERATIONS: readonly Operation[] = [
  "account.get",
  "trustedphonenumber.get",
  "smscode.get",
  "smscode.set",
];

/** Faults armed by one `failNext`, at most. */
const MAX_TIMES = 100;
/** Calls a fault lets through first, at most. */
const MAX_AFTER = 100;

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
  const faults = createFaultLedger(now);
  const calls = createCallLog(now);
  const outbox: SentSms[] = [];
  const { token, control } = createSimulatedToken({
    configured: resolved.tokenConfigured,
    activated: resolved.deviceActivated,
    onActivated: () => {
      state.deviceActivated = true;
    },
    onActivationStarted: (activationCode) => smsCodes.spend(activationCode),
    isOffline: () => state.offline,
    now,
  });
  const transport = createSimulatedBackend({
    state,
    smsCodes,
    faults,
    random,
    now,
    calls,
    outbox,
    webOtpHost: resolved.webOtpHost,
    takeConfigFault: control.takeConfigFault,
  });

  return {
    services: { transport, token },
    outbox,
    calls: calls.records,
    faults: faults.records,
    failNext(operation: Operation, code: ErrorCode, options?: FailNextOptions) {
      if (!OPERATIONS.includes(operation))
        throw new TypeError(`failNext: unknown operation ${String(operation)}`);
      if (!isErrorCode(code)) throw new TypeError(`failNext: ${String(code)} is not a catalogue error code`);
      const times = options?.times ?? 1;
      if (!Number.isInteger(times) || times < 1 || times > MAX_TIMES) {
        throw new RangeError(`failNext: times must be an integer from 1 to ${MAX_TIMES}`);
      }
      const after = options?.after ?? 0;
      if (!Number.isInteger(after) || after < 0 || after > MAX_AFTER) {
        throw new RangeError(`failNext: after must be an integer from 0 to ${MAX_AFTER}`);
      }
      // On smscode.set these come from the device's token, as they would on a device, not from the backend.
      const inweboResult = operation === "smscode.set" ? inweboResultOf(code) : undefined;
      const arm = () => {
        if (operation === "smscode.set" && code === 2344) {
          control.failNextConfigCheck(faults.arm(operation, code));
        } else if (inweboResult !== undefined) {
          control.failNextCall(inweboResult, faults.arm(operation, code));
        } else {
          faults.queue(operation, code);
        }
      };
      for (let i = 0; i < times; i++) {
        if (after === 0) arm();
        else faults.defer(operation, after, arm);
      }
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
      calls.clear();
      outbox.length = 0;
    },
  };
};
