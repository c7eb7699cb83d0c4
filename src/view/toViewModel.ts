import type { SnapshotFrom } from "xstate";
import {
  type ErrorCode,
  errorBody,
  outcomeUnknown,
  type RecoveryClass,
  recoveryOf,
} from "../errors/index.js";
import type { PimsErrorBody } from "../facade/index.js";
import type { enrollmentMachine } from "../machines/enrollment.machine.js";
import type { EnrollmentContext, EnrollmentOutput } from "../machines/types.js";
import { messageFor, type NoticeKey, noticeFor } from "./locales/index.js";

/** A snapshot of the enrollment machine. */
export type EnrollmentSnapshot = SnapshotFrom<typeof enrollmentMachine>;
/** The top-level state a snapshot is in. */
type StepOf<V> = V extends string ? V : keyof V;
/** A top-level state of the flow: `idle`, `awaitingCode`, `handoff`… */
export type EnrollmentStep = Extract<StepOf<EnrollmentSnapshot["value"]>, string>;

/** What a UI renders, derived from a snapshot; no framework needed. */
export interface EnrollmentViewModel {
  readonly step: EnrollmentStep;
  /** The substate of the step (`editing`, `rejected`, `expired`, `stalled`, `offline`, …), if any. */
  readonly phase: string | null;
  readonly busy: boolean;
  readonly done: boolean;
  readonly canSubmit: boolean;
  readonly canResend: boolean;
  readonly canRetry: boolean;
  /** Seconds until a resend (or a retry of the SMS request) is allowed; 0 when it is. */
  readonly resendInSeconds: number;
  readonly codeExpiresInSeconds: number | null;
  readonly attemptsLeft: number;
  readonly sendsLeft: number;
  readonly maskedPhone: string | null;
  readonly online: boolean;
  /**
   * The last error: its `code` and the SDK's `label`; `message`, for the user, localized and true of the
   * state it shows in; `detail`, the code and the untranslated label, for support (small print only).
   */
  readonly error: {
    readonly code: ErrorCode;
    readonly label: string;
    readonly message: string;
    readonly detail: string;
  } | null;
  /** What code entry says of the SMS, localized: sent (only once a send succeeded), unconfirmed, or to type again. */
  readonly notice: string | null;
  /** Whether the code on screen came by an SMS whose send succeeded. */
  readonly codeSent: boolean;
  /**
   * For a polite live region: the last moment that matters in code entry (a resend became available, a
   * minute and 30 s before the code expires). It changes at those moments only, never every second.
   */
  readonly announcement: string | null;
  /** How the error is recovered from, which tells the UI which action to offer. */
  readonly recovery: RecoveryClass | null;
  readonly output: EnrollmentOutput | null;
}

/** `toViewModel`'s options: the time to count down from (default `Date.now()`) and the messages' language. */
export interface ViewOptions {
  readonly now?: number;
  /**
   * `"fr"`, `"fr-CA"`…: English by default; another language once the app has registered it
   * (`registerLocale(fr)`, `fr` from `pims-enrollment/locales/fr`). A language not registered reads English.
   */
  readonly locale?: string;
}

/** `0612345678` → `06••••••78`: enough for the user to recognise the phone, no more. */
export const maskPhone = (phone: string): string =>
  phone.length <= 4
    ? "•".repeat(phone.length)
    : `${phone.slice(0, 2)}${"•".repeat(phone.length - 4)}${phone.slice(-2)}`;

const secondsUntil = (deadline: number | null, now: number): number =>
  deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));

/**
 * An actor in XState's `error` status (an action that threw, or a restore from a snapshot that was not
 * checked first) has no state to show: it has failed, with 2000 "Unknown error".
 */
const erroredView = (locale: string | undefined): EnrollmentViewModel => {
  const error = errorBody(2000);
  return {
    step: "failed",
    phase: null,
    busy: false,
    done: true,
    canSubmit: false,
    canResend: false,
    canRetry: false,
    resendInSeconds: 0,
    codeExpiresInSeconds: null,
    attemptsLeft: 0,
    sendsLeft: 0,
    maskedPhone: null,
    online: true,
    error: { ...error, message: messageFor(error.code, locale), detail: detailOf(error) },
    notice: null,
    codeSent: false,
    announcement: null,
    recovery: recoveryOf(error.code),
    output: { outcome: "failed", error },
  };
};

/** For support: the code and the SDK's label, untranslated. */
const detailOf = (error: PimsErrorBody): string => `${error.code} ${error.label}`;

/**
 * The error's message in this state: its own, unless its own would not be true here. A code's attempts
 * spent; a failed resend while the code sent earlier still works; an input error on a step with no input.
 */
const errorMessageKey = (error: PimsErrorBody, step: string, phase: string | null): NoticeKey | null => {
  const recovery = recoveryOf(error.code);
  if (step === "awaitingCode" && phase === "expired" && recovery === "fix-input") return "attemptsSpent";
  // Code entry is entered with an error only from a resend that failed.
  if (step === "awaitingCode" && phase === "editing") {
    if (recovery === "when-online") return "resendOffline";
    return outcomeUnknown(error.code) ? "resendUnconfirmed" : "resendFailed";
  }
  if (step !== "awaitingCode" && recovery === "fix-input") return "requestRefused";
  return null;
};

/** What code entry says of the SMS: sent only when a send succeeded for the code being typed. */
const noticeKey = (step: string, phase: string | null, context: EnrollmentContext): NoticeKey | null => {
  if (step !== "awaitingCode" && step !== "validatingCode") return null;
  if (phase === "unconfirmed") return "codeUnconfirmed";
  if (phase === "retype") return "retypeCode";
  if (phase === "expired" || context.codeExpiresAt === null) return null;
  return "codeSent";
};

/** The last moment that matters in code entry, reached at `now`; none before the first. */
const announcementKey = (
  step: string,
  phase: string | null,
  context: EnrollmentContext,
  sendsLeft: number,
  now: number,
): NoticeKey | null => {
  const expiresAt = context.codeExpiresAt;
  if (step !== "awaitingCode" || phase === "expired" || expiresAt === null) return null;
  const sentAt = expiresAt - context.timers.codeLifetimeMs;
  const moments: [number, NoticeKey][] = [
    [expiresAt - 60_000, "expiresInOneMinute"],
    [expiresAt - 30_000, "expiresIn30Seconds"],
  ];
  if (context.resendAvailableAt !== null && sendsLeft > 0) {
    moments.push([context.resendAvailableAt, "resendAvailable"]);
  }
  let latest: [number, NoticeKey] | null = null;
  for (const moment of moments) {
    const [at] = moment;
    if (at > sentAt && at <= now && (latest === null || at >= latest[0])) latest = moment;
  }
  return latest === null ? null : latest[1];
};

/** The view model of a snapshot: what a UI renders. It never throws on a snapshot an actor produced. */
export const toViewModel = (
  snapshot: EnrollmentSnapshot,
  { now = Date.now(), locale }: ViewOptions = {},
): EnrollmentViewModel => {
  if (snapshot.status === "error") return erroredView(locale);
  const { context, value } = snapshot;
  const [step, phaseValue] =
    typeof value === "string" ? [value, null] : (Object.entries(value)[0] ?? ["idle", null]);
  const phase = typeof phaseValue === "string" ? phaseValue : null;
  const sendsLeft = Math.max(0, context.timers.maxSends - context.sendsUsed);
  // As the machine's guards read it: without a cooldown started, a resend is allowed at once.
  const resendAllowed = (context.resendReady || context.resendAvailableAt === null) && sendsLeft > 0;
  const inCodeEntry = step === "awaitingCode";
  const error = context.error;
  const messageKey = error === null ? null : errorMessageKey(error, step, phase);
  const notice = noticeKey(step, phase, context);
  const announcement = announcementKey(step, phase, context, sendsLeft, now);
  const maskedPhone = context.phoneNumber === null ? null : maskPhone(context.phoneNumber);
  return {
    step: step as EnrollmentStep,
    phase,
    busy: snapshot.hasTag("busy"),
    done: snapshot.status === "done",
    // What the machine accepts now, its guards included: a code (well formed or not), a resend, a retry.
    canSubmit: snapshot.can({ type: "code.submit", code: "" }),
    canResend: snapshot.can({ type: "code.resend" }),
    canRetry: snapshot.can({ type: "retry" }),
    resendInSeconds: resendAllowed ? 0 : secondsUntil(context.resendAvailableAt, now),
    codeExpiresInSeconds:
      inCodeEntry && context.codeExpiresAt !== null ? secondsUntil(context.codeExpiresAt, now) : null,
    attemptsLeft: context.attemptsLeft,
    sendsLeft,
    maskedPhone,
    online: context.online,
    error:
      error === null
        ? null
        : {
            ...error,
            message:
              messageKey === null
                ? messageFor(error.code, locale)
                : noticeFor(messageKey, locale, maskedPhone),
            detail: detailOf(error),
          },
    notice: notice === null ? null : noticeFor(notice, locale, maskedPhone),
    codeSent: notice === "codeSent",
    announcement: announcement === null ? null : noticeFor(announcement, locale, maskedPhone),
    recovery: error === null ? null : recoveryOf(error.code),
    output: snapshot.status === "done" ? (snapshot.output ?? null) : null,
  };
};
