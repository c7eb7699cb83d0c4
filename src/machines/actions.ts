import { assign } from "xstate";
import { errorBody } from "../errors/index.js";
import { statusAnswer, trustedPhoneAnswer } from "./actors.js";
import { cooldownOver } from "./guards.js";
import { forgetCode, holdCode } from "./heldCode.js";
import { replyErrorOf, replyOf } from "./reply.js";
import type { EnrollmentContext, EnrollmentEvent } from "./types.js";

/** XState's `assign` for this machine: a partial context, or a function of context and event that gives one. */
const update = assign<EnrollmentContext, EnrollmentEvent, undefined, EnrollmentEvent, never>;

const answeredAt = (event: EnrollmentEvent): number => replyOf(event)?.at ?? 0;

/**
 * Named actions of the enrollment machine: context changes, and the code held outside it while it is
 * validated (`holdCode`, `forgetCode`); no secret is ever assigned. A reply answers a request whose state
 * cleared the error on entry, so the actions on a success leave it alone.
 */
export const actions = {
  /** The reply's error; 2000 when the actor threw, a bug (its error event carries no reply). */
  recordError: /* @__PURE__ */ update(({ event }) => ({ error: replyErrorOf(event) ?? errorBody(2000) })),
  clearError: /* @__PURE__ */ update({ error: null }),
  storePhone: /* @__PURE__ */ update(({ event }) => ({
    phoneNumber: trustedPhoneAnswer(event)?.phoneNumber ?? null,
  })),
  storeStatus: /* @__PURE__ */ update(({ event }) => ({ status: statusAnswer(event)?.status ?? null })),
  /**
   * After 2316 the validation has answered: its status (not a secret) is kept, so that the
   * post-synchronization, retried after a restore too, hands off with it.
   */
  storeValidatedStatus: /* @__PURE__ */ update(({ event }) => ({
    status: replyOf(event)?.validatedStatus ?? null,
  })),
  /** A request in flight may send an SMS: it counts until its reply says that nothing was sent. */
  countSend: /* @__PURE__ */ update(({ context }) => ({ sendsUsed: context.sendsUsed + 1 })),
  /** The request failed and sent nothing (refused, offline): the send does not count. */
  refundSend: /* @__PURE__ */ update(({ context }) => ({ sendsUsed: Math.max(0, context.sendsUsed - 1) })),
  startCode: /* @__PURE__ */ update(({ context, event }) => ({
    attemptsLeft: context.timers.maxAttempts,
    codeExpiresAt: answeredAt(event) + context.timers.codeLifetimeMs,
    resendAvailableAt: answeredAt(event) + context.timers.resendCooldownMs,
    resendReady: false,
  })),
  /** A request that timed out or whose answer was unreadable may have sent an SMS: a retry waits for the resend cooldown. */
  startCooldown: /* @__PURE__ */ update(({ context, event }) => ({
    resendAvailableAt: answeredAt(event) + context.timers.resendCooldownMs,
    resendReady: false,
  })),
  /**
   * After a restore we cannot tell whether the SMS left: the user may enter it (it lives at most a
   * code lifetime from now) or ask again at once.
   */
  allowResend: /* @__PURE__ */ update(({ context, event }) => ({
    resendReady: true,
    codeExpiresAt: answeredAt(event) + context.timers.codeLifetimeMs,
    attemptsLeft: context.timers.maxAttempts,
  })),
  markResendReady: /* @__PURE__ */ update({ resendReady: true }),
  /** A new code is needed and none was ever sent: there is no cooldown to wait for. */
  allowResendWithoutCooldown: /* @__PURE__ */ update(({ context }) => ({
    resendReady: cooldownOver(context),
  })),
  spendAttempt: /* @__PURE__ */ update(({ context }) => ({
    attemptsLeft: Math.max(0, context.attemptsLeft - 1),
  })),
  /** The code can no longer be typed (expired, refused, its attempts spent): none of its attempts is left. */
  discardCode: /* @__PURE__ */ update({ attemptsLeft: 0 }),
  rejectCodeFormat: /* @__PURE__ */ update(() => ({ error: errorBody(2102, "smsCode") })),
  expireCode: /* @__PURE__ */ update(() => ({ error: errorBody(2306) })),
  markOnline: /* @__PURE__ */ update({ online: true }),
  markOffline: /* @__PURE__ */ update({ online: false }),
  holdCode,
  forgetCode,
};
