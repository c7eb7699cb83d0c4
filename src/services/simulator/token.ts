import type { InweboOutcome, InweboToken, TokenState } from "../ports.js";
import { isSimulatorActivationCode } from "./activation.js";

/** inWebo mAccess result codes the simulated token answers on its own (see `inweboResultCodes`). */
const ERR_NETWORK = 1;
const ERR_CODE = 2;
const ERR_STATE = 8;
const ERR_SYNCHROFAILED = 13;

const OK: InweboOutcome = { ok: true };
const refuse = (result: number): InweboOutcome => ({ ok: false, result });
/** What an aborted or offline call answers; it changes nothing. */
const ABORTED = refuse(ERR_NETWORK);

export interface TokenOptions {
  readonly configured: boolean;
  readonly activated: boolean;
  /** Called when an activation completes: the backend then reports the device activated. */
  readonly onActivated: () => void;
  /** Called when an activation starts with a code: the SMS code that unlocked it is spent. */
  readonly onActivationStarted: (activationCode: string) => void;
  /** The token reaches inWebo's servers over the network: offline, its calls answer ERR_NETWORK. */
  readonly isOffline: () => boolean;
}

/** The simulator's handles on its token: fault injection and reset. */
export interface TokenControl {
  /** The next token call answers this inWebo result; ERR_SYNCHROFAILED (13) waits for the post-synchronisation. */
  failNextCall(result: number): void;
  /** The next `isConfigured()` answers false. */
  failNextConfigCheck(): void;
  /** Consumes a pending `failNextConfigCheck`; true if there was one. */
  takeConfigFault(): boolean;
  reset(): void;
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
  let configFaults = 0;
  const faults: number[] = [];
  const used = new Set<string>();

  /** The fault the next call answers; 13 is left for the post-synchronisation unless `synchronizing`. */
  const takeFault = (synchronizing: boolean): number | undefined => {
    const head = faults[0];
    if (head === undefined || (head === ERR_SYNCHROFAILED && !synchronizing)) return undefined;
    return faults.shift();
  };

  const token: InweboToken = {
    isConfigured() {
      if (configFaults > 0) {
        configFaults -= 1;
        return false;
      }
      return options.configured;
    },
    async activationStart(activationCode, ctx) {
      if (ctx.signal.aborted || options.isOffline()) return ABORTED;
      const fault = takeFault(false);
      if (fault !== undefined) return refuse(fault);
      if (!isSimulatorActivationCode(activationCode) || used.has(activationCode)) return refuse(ERR_CODE);
      used.add(activationCode);
      started = true;
      options.onActivationStarted(activationCode);
      return OK;
    },
    async activationFinalize(ctx) {
      if (ctx.signal.aborted || options.isOffline()) return ABORTED;
      const fault = takeFault(false);
      if (fault !== undefined) return refuse(fault);
      if (!started) return refuse(ERR_STATE);
      started = false;
      state = "activated";
      options.onActivated();
      // The activation is done; a pending ERR_SYNCHROFAILED is its post-synchronisation failing.
      return takeFault(true) === ERR_SYNCHROFAILED ? refuse(ERR_SYNCHROFAILED) : OK;
    },
    async synchronize(ctx) {
      if (ctx.signal.aborted || options.isOffline()) return ABORTED;
      const fault = takeFault(true);
      return fault === undefined ? OK : refuse(fault);
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
    failNextCall(result) {
      faults.push(result);
    },
    failNextConfigCheck() {
      configFaults += 1;
    },
    takeConfigFault() {
      if (configFaults === 0) return false;
      configFaults -= 1;
      return true;
    },
    reset() {
      state = options.activated ? "activated" : "pendingActivation";
      started = false;
      configFaults = 0;
      faults.length = 0;
      used.clear();
    },
  };

  return { token, control };
};
