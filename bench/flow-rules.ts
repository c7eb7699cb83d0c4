import {
  type AccountBlockState,
  type CallContext,
  defaultTimers,
  type ErrorCode,
  type Outcome,
  type Services,
} from "../src/index";

// The enrollment flow's rules as the bare XState machine and the reducer both follow them: the engine's
// limits, the code format, the calls behind each step, what an answer means and the deadline timers. Only
// how each drives the flow differs, which is what the bench compares.

/** The engine's own limits: code lifetime, resend cooldown, sends per flow, attempts per code. */
export const limits = defaultTimers;

/** A code the user typed is sent only in this format; anything else is refused without a call (2102). */
export const codeFormatValid = (code: string): boolean => /^[0-9]{4,10}$/.test(code);

/** A refusal of the flow's own, as the engine answers it. */
const refused = (code: ErrorCode): Outcome<never> => ({ ok: false, error: code });

/** The token calls need credentials; without them SET answers 2344. */
const NO_TOKEN = 2344;
/** inWebo refused the activation code. */
const ACTIVATION_REFUSED = 2311;
/** The token did not finish its activation or synchronisation: the flow synchronises again. */
const SYNCHRONISATION_NEEDED = 2316;

/** The value of an answer that succeeded, read as the type the step's call answers. */
export const answerValue = <T>(outcome: Outcome<unknown>): T | undefined =>
  outcome.ok ? (outcome.value as T) : undefined;

export const deviceActivated = (answer: { isDeviceActivated: boolean } | undefined): boolean =>
  answer?.isDeviceActivated === true;

/** An answer without a block state reads as not blocked, as the engine reads it. */
export const accountBlocked = (answer: { isAccountBlocked: AccountBlockState } | undefined): boolean =>
  (answer?.isAccountBlocked ?? "NotBlocked") !== "NotBlocked";

/** Each step's backend call. */
export const calls = {
  checkDeviceActivation: ({ transport }: Services, ctx: CallContext) =>
    transport.getAccount("isDeviceActivated", ctx),
  checkAccountBlock: ({ transport }: Services, ctx: CallContext) =>
    transport.getAccount("isAccountBlocked", ctx),
  readTrustedPhone: ({ transport }: Services, ctx: CallContext) => transport.getTrustedPhoneNumber(ctx),
  requestCode: ({ transport }: Services, ctx: CallContext) => transport.requestSmsCode(ctx),

  /** The code checked by PIMS, then the token activated with the code PIMS answers, as the facade's SET does. */
  validateCode: async (
    { transport, token }: Services,
    code: string,
    ctx: CallContext,
  ): Promise<Outcome<{ status: string }>> => {
    if (token === undefined) return refused(NO_TOKEN);
    const validation = await transport.validateSmsCode(code, ctx);
    if (!validation.ok) return validation;
    const started = await token.activationStart(validation.value.activationCode, ctx);
    if (!started.ok) return refused(ACTIVATION_REFUSED);
    const finalized = await token.activationFinalize(ctx);
    if (!finalized.ok) return refused(SYNCHRONISATION_NEEDED);
    return { ok: true, value: { status: validation.value.status } };
  },

  synchronizeToken: async ({ token }: Services, ctx: CallContext): Promise<Outcome<{ status: string }>> => {
    if (token === undefined) return refused(NO_TOKEN);
    const synchronized = await token.synchronize(ctx);
    return synchronized.ok ? { ok: true, value: { status: "NotEnrolled" } } : refused(SYNCHRONISATION_NEEDED);
  },
};

/** Where a failed step goes, by recovery class, from a plain table (the engine reads its catalogue). */
export const recoveryOf = (code: ErrorCode): string => RECOVERY[code] ?? "retry";
const RECOVERY: Partial<Record<ErrorCode, string>> = {
  2202: "when-online",
  2307: "add-phone",
  2316: "sync",
  2306: "new-code",
};

export interface Deadlines {
  readonly codeExpiresAt: number | null;
  readonly resendAvailableAt: number | null;
}

/**
 * The code's expiry and the resend cooldown as two timers, as the engine's `deadlines` actor sets them
 * while the flow waits for a code. Returns what clears both.
 */
export const startDeadlines = (
  { codeExpiresAt, resendAvailableAt }: Deadlines,
  on: { readonly codeExpired: () => void; readonly resendDue: () => void },
): (() => void) => {
  const at = (deadline: number | null, fire: () => void) =>
    deadline === null ? undefined : setTimeout(fire, Math.max(0, deadline - Date.now()));
  const code = at(codeExpiresAt, on.codeExpired);
  const resend = at(resendAvailableAt, on.resendDue);
  return () => {
    clearTimeout(code);
    clearTimeout(resend);
  };
};

/** The deadlines of a code sent now. */
export const deadlinesFromNow = (): Deadlines => ({
  codeExpiresAt: Date.now() + limits.codeLifetimeMs,
  resendAvailableAt: Date.now() + limits.resendCooldownMs,
});
