import { fail, type Operation, succeed } from "../../errors/index.js";
import type { AccountAnswer, AccountBlockState, CallContext, Clock, Outcome, Transport } from "../ports.js";
import { issueActivationCode } from "./activation.js";
import type { CallLog } from "./call-log.js";
import { delay } from "./delay.js";
import type { FaultLedger } from "./faults.js";
import type { RandomSource } from "./random.js";
import type { SmsCodes } from "./sms-codes.js";
import { smsText } from "./sms-text.js";
import type { SentSms } from "./types.js";

/** The backend's mutable world: the account, and the network conditions the tests set. */
export interface BackendState {
  phoneNumber: string | null;
  deviceActivated: boolean;
  accountBlocked: AccountBlockState;
  alreadyEnrolled: boolean;
  offline: boolean;
  latencyMs: number;
}

export interface BackendDeps {
  readonly state: BackendState;
  readonly smsCodes: SmsCodes;
  readonly faults: FaultLedger;
  readonly random: RandomSource;
  readonly now: Clock;
  readonly calls: CallLog;
  readonly outbox: SentSms[];
  readonly webOtpHost: string;
  /** Consumes a 2344 injected on `smscode.set` that no `isConfigured()` read consumed, for this call. */
  readonly takeConfigFault: (call: string, callNumber: number) => boolean;
}

/** The simulated PIMS backend, as a `Transport`. Its promises always resolve. */
export const createSimulatedBackend = (deps: BackendDeps): Transport => {
  const { state, smsCodes, faults, random, now, calls, outbox } = deps;

  /** Log, wait, then offline, injected fault, and only then the operation's own logic. */
  const call = async <T>(
    operation: Operation,
    ctx: CallContext,
    logic: (callNumber: number) => Outcome<T>,
  ): Promise<Outcome<T>> => {
    const callNumber = calls.record(operation);
    const waited = await delay(state.latencyMs, ctx.signal);
    // An aborted call changes nothing; the facade ignores what it answers.
    if (!waited || ctx.signal.aborted) return fail(2201);
    if (state.offline) return fail(2202);
    const injected = faults.take(operation, { call: operation, callNumber, at: now() });
    if (injected !== undefined) return fail(injected);
    return logic(callNumber);
  };

  return {
    getAccount(query, ctx) {
      return call<AccountAnswer>("account.get", ctx, () => {
        if (query === "isDeviceActivated") return succeed({ isDeviceActivated: state.deviceActivated });
        if (query === "isAccountBlocked") return succeed({ isAccountBlocked: state.accountBlocked });
        return fail(2102);
      });
    },
    getTrustedPhoneNumber(ctx) {
      return call("trustedphonenumber.get", ctx, () => succeed({ phoneNumber: state.phoneNumber }));
    },
    requestSmsCode(ctx) {
      return call("smscode.get", ctx, () => {
        if (state.phoneNumber === null) return fail(2204);
        const code = smsCodes.issue();
        if (code === undefined) return fail(2204);
        outbox.push({ to: state.phoneNumber, code, at: now(), text: smsText(code, deps.webOtpHost) });
        return succeed(null);
      });
    },
    validateSmsCode(smsCode, ctx) {
      return call("smscode.set", ctx, (callNumber) => {
        if (deps.takeConfigFault("smscode.set", callNumber)) return fail(2344);
        const checked = smsCodes.check(smsCode);
        if (checked !== "accepted") return fail(checked);
        const status = state.alreadyEnrolled ? "AlreadyEnrolled" : "NotEnrolled";
        const activationCode = issueActivationCode(random);
        smsCodes.unlock(activationCode);
        return succeed({ status, activationCode });
      });
    },
  };
};
