import { outcomeUnknown, type RecoveryClass, recoveryOf } from "../errors/index.js";
import { smsCodeSchema } from "../schemas/params.js";
import { accountBlockAnswer, deviceActivationAnswer, trustedPhoneAnswer } from "./actors.js";
import { INTERRUPTED, replyErrorOf, replyOf } from "./reply.js";
import type { EnrollmentContext, EnrollmentEvent } from "./types.js";

type GuardArgs = { context: EnrollmentContext; event: EnrollmentEvent };

/** No SMS may be requested during the resend cooldown; none was started when no SMS may have left. */
export const cooldownOver = (context: EnrollmentContext): boolean =>
  context.resendReady || context.resendAvailableAt === null;

/** Named guards of the enrollment machine: pure functions of context and event. */
export const guards = {
  replySucceeded: ({ event }: GuardArgs) => replyOf(event)?.ok === true,
  replyInterrupted: ({ event }: GuardArgs) => {
    const reply = replyOf(event);
    return reply !== undefined && !reply.ok && reply.error === INTERRUPTED;
  },
  deviceActivated: ({ event }: GuardArgs) => deviceActivationAnswer(event)?.isDeviceActivated === true,
  accountBlocked: ({ event }: GuardArgs) => {
    const answer = accountBlockAnswer(event);
    return answer !== undefined && answer.isAccountBlocked !== "NotBlocked";
  },
  noTrustedPhone: ({ event }: GuardArgs) => trustedPhoneAnswer(event)?.phoneNumber === null,
  /** The reply failed with a code of this recovery class (the catalogue decides, not the machine). */
  replyFailedWith: ({ event }: GuardArgs, recovery: RecoveryClass) => {
    const error = replyErrorOf(event);
    return error !== undefined && recoveryOf(error.code) === recovery;
  },
  /** The recorded error's code is of this recovery class (the catalogue decides, not the machine). */
  errorRecoveryIs: ({ context }: GuardArgs, recovery: RecoveryClass) =>
    context.error !== null && recoveryOf(context.error.code) === recovery,
  /**
   * The failed request may still have been carried out (a timeout, an unreadable answer): an SMS
   * request then counts as a send.
   */
  replyOutcomeUnknown: ({ event }: GuardArgs) => {
    const error = replyErrorOf(event);
    return error !== undefined && outcomeUnknown(error.code);
  },
  /**
   * A code sent earlier can still be typed when the reply came: it has attempts left (a spent, refused or
   * expired code has none) and had not expired.
   */
  earlierCodeValid: ({ context, event }: GuardArgs) => {
    const at = replyOf(event)?.at;
    return (
      context.attemptsLeft > 0 &&
      context.codeExpiresAt !== null &&
      at !== undefined &&
      at < context.codeExpiresAt
    );
  },
  /** A refused code with no attempt left needs a new code, as an expired one does. */
  attemptsSpent: ({ context }: GuardArgs) => context.attemptsLeft <= 0,
  codeFormatValid: ({ event }: GuardArgs) =>
    event.type === "code.submit" &&
    typeof event.code === "string" &&
    smsCodeSchema.safeParse(event.code).success,
  /**
   * An SMS may be requested now, by a resend or by the retry of a failed request: a send is left, and the
   * cooldown is over if one was started (a failed request that may have sent an SMS starts one).
   */
  canRequestCode: ({ context }: GuardArgs) =>
    cooldownOver(context) && context.sendsUsed < context.timers.maxSends,
  noSendsLeft: ({ context }: GuardArgs) => context.sendsUsed >= context.timers.maxSends,
};
