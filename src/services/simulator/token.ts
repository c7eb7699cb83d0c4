import { fail, InweboResult, succeed } from "../../errors/index.js";
import type { InweboOutcome, InweboToken, TokenState } from "../ports.js";
import { isSimulatorActivationCode } from "./activation.js";
import type { ArmedFault } from "./faults.js";

const OK: InweboOutcome = succeed(null);
/** What an aborted or offline call answers; it changes nothing. */
const ABORTED: InweboOutcome = fail(InweboResult.ERR_NETWORK);

export interface TokenOptions {
  readonly configured: boolean;
  readonly activated: boolean;
  /** Called when an activation completes: the backend then reports the device activated. */
  readonly onActivated: () => void;
  /** Called when an activation starts with a code: the SMS code that unlocked it is spent. */
  readonly onActivationStarted: (activationCode: string) => void;
  /** The token reaches inWebo's servers over the network: offline, its calls answer ERR_NETWORK. */
  readonly isOffline: () => boolean;
  /** The clock that dates a fault's firing. */
  readonly now: () => number;
}

/** The simulator's handles on its token: fault injection and reset. Each fault fires its ledger record. */
export interface TokenControl {
  /** The next token call answers this inWebo result; ERR_SYNCHROFAILED waits for the post-synchronisation. */
  failNextCall(result: number, armed: ArmedFault): void;
  /** The next `isConfigured()` answers false. */
  failNextConfigCheck(armed: ArmedFault): void;
  /** Consumes a pending `failNextConfigCheck` for the backend call `call` (number `callNumber`); true if there was one. */
  takeConfigFault(call: string, callNumber: number | null): boolean;
  reset(): void;
}

interface TokenFault {
  readonly result: number;
  readonly armed: ArmedFault;
}

/**
 * A simulated inWebo token: pendingActivation → (activationStart, activationFinalize) → activated.
 * It accepts any well-formed activation code a simulated backend issued, once.
 */
export const createSimulatedToken = (
  options: TokenOptions,
): { token: InweboToken; control: TokenControl } => {
  let state: TokenState = options.activated ? "activated" : "pendingActivation";
  let started = false;
  const configFaults: ArmedFault[] = [];
  const faults: TokenFault[] = [];
  const used = new Set<string>();

  /**
   * The result the next call answers, its fault fired by `method`; ERR_SYNCHROFAILED is left for the
   * post-synchronisation unless `synchronizing`.
   */
  const takeFault = (synchronizing: boolean, method: string): number | undefined => {
    const head = faults[0];
    if (head === undefined || (head.result === InweboResult.ERR_SYNCHROFAILED && !synchronizing))
      return undefined;
    faults.shift();
    head.armed.fire({ call: `token.${method}`, callNumber: null, at: options.now() });
    return head.result;
  };

  const takeConfigFault = (call: string, callNumber: number | null): boolean => {
    const armed = configFaults.shift();
    armed?.fire({ call, callNumber, at: options.now() });
    return armed !== undefined;
  };

  const token: InweboToken = {
    isConfigured() {
      if (takeConfigFault("token.isConfigured", null)) return false;
      return options.configured;
    },
    async activationStart(activationCode, ctx) {
      if (ctx.signal.aborted || options.isOffline()) return ABORTED;
      const fault = takeFault(false, "activationStart");
      if (fault !== undefined) return fail(fault);
      if (!isSimulatorActivationCode(activationCode) || used.has(activationCode))
        return fail(InweboResult.ERR_CODE);
      used.add(activationCode);
      started = true;
      options.onActivationStarted(activationCode);
      return OK;
    },
    async activationFinalize(ctx) {
      if (ctx.signal.aborted || options.isOffline()) return ABORTED;
      const fault = takeFault(false, "activationFinalize");
      if (fault !== undefined) return fail(fault);
      if (!started) return fail(InweboResult.ERR_STATE);
      started = false;
      state = "activated";
      options.onActivated();
      // The activation is done; a pending ERR_SYNCHROFAILED is its post-synchronisation failing.
      return takeFault(true, "activationFinalize") === InweboResult.ERR_SYNCHROFAILED
        ? fail(InweboResult.ERR_SYNCHROFAILED)
        : OK;
    },
    async synchronize(ctx) {
      if (ctx.signal.aborted || options.isOffline()) return ABORTED;
      const fault = takeFault(true, "synchronize");
      return fault === undefined ? OK : fail(fault);
    },
    state() {
      return state;
    },
    exportState() {
      return JSON.stringify({
        format: "pims-enrollment/simulated-token",
        version: 1,
        state,
        activationStarted: started,
      });
    },
  };

  const control: TokenControl = {
    failNextCall(result, armed) {
      faults.push({ result, armed });
    },
    failNextConfigCheck(armed) {
      configFaults.push(armed);
    },
    takeConfigFault,
    reset() {
      state = options.activated ? "activated" : "pendingActivation";
      started = false;
      configFaults.length = 0;
      faults.length = 0;
      used.clear();
    },
  };

  return { token, control };
};
