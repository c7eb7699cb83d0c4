import {
  codeOfInweboResult,
  type ErrorCode,
  type Failure,
  fail,
  recoveryOf,
  succeed,
} from "../errors/index.js";
import type { CallContext, EnrollmentStatus, InweboOutcome, Outcome, Services } from "../services/ports.js";
import type { Command } from "./validate.js";

/** What a facade remembers between calls: the status a validation returned while its sync is pending. */
export interface FacadeMemory {
  pendingSyncStatus: EnrollmentStatus | undefined;
}

/** A token call's failure as the PIMS code it surfaces as; nothing when it succeeded. */
const tokenFailure = (outcome: InweboOutcome): Failure<ErrorCode> | undefined =>
  outcome.ok ? undefined : fail(codeOfInweboResult(outcome.error));

/** SET smscode: the backend checks the code, then the device's token activates with what it issued. */
const validateAndActivate = async (
  services: Services,
  memory: FacadeMemory,
  smsCode: string,
  ctx: CallContext,
): Promise<Outcome<{ status: EnrollmentStatus }>> => {
  const { token } = services;
  if (!token?.isConfigured()) return fail(2344);
  const validation = await services.transport.validateSmsCode(smsCode, ctx);
  if (!validation.ok) return validation;
  const { status, activationCode } = validation.value;
  const startFailure = tokenFailure(await token.activationStart(activationCode, ctx));
  if (startFailure) return startFailure;
  const finalizeFailure = tokenFailure(await token.activationFinalize(ctx));
  if (!finalizeFailure) return succeed({ status });
  if (recoveryOf(finalizeFailure.error) === "sync") memory.pendingSyncStatus = status;
  return finalizeFailure;
};

/** The 2316 recovery: retry only the token's post-synchronization; the validation already answered. */
const runSynchronize = async (
  services: Services,
  memory: FacadeMemory,
  given: EnrollmentStatus | undefined,
  ctx: CallContext,
): Promise<Outcome<{ status: EnrollmentStatus }>> => {
  const { token } = services;
  // The validation this facade saw, else the one its caller saw (a facade made after a restore).
  const status = memory.pendingSyncStatus ?? given;
  if (!token?.isConfigured()) return fail(2344);
  if (status === undefined) return fail(2311);
  const failure = tokenFailure(await token.synchronize(ctx));
  if (failure) return failure;
  memory.pendingSyncStatus = undefined;
  return succeed({ status });
};

/** Runs an accepted command against the services. Expected refusals come back as values. */
export const runCommand = (
  command: Command,
  services: Services,
  memory: FacadeMemory,
  ctx: CallContext,
): Promise<Outcome<unknown>> => {
  switch (command.operation) {
    case "account.get":
      return services.transport.getAccount(
        command.params.type as "isDeviceActivated" | "isAccountBlocked",
        ctx,
      );
    case "trustedphonenumber.get":
      return services.transport.getTrustedPhoneNumber(ctx);
    case "smscode.get":
      return services.transport.requestSmsCode(ctx);
    case "smscode.set":
      return validateAndActivate(services, memory, String(command.params.smsCode), ctx);
    case "synchronize":
      return runSynchronize(services, memory, command.params.status as EnrollmentStatus | undefined, ctx);
  }
};
