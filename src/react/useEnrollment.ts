import { useActorRef, useSelector } from "@xstate/react";
import { useEffect, useMemo, useState } from "react";
// The main entry's public API, so that the bundled builds share its module (one set of registered languages).
import {
  type CreateEnrollmentActorOptions,
  type EnrollmentActor,
  type EnrollmentSnapshot,
  EnrollmentSnapshotError,
  type EnrollmentViewModel,
  normalizeCode,
  type PreparedEnrollmentActor,
  prepareEnrollmentActor,
  startSmsAutofill,
  systemClock,
  toViewModel,
} from "../index.js";

/** What `useEnrollment` takes: `createEnrollmentActor`'s options and the language of the messages. */
export interface UseEnrollmentOptions extends CreateEnrollmentActorOptions {
  /**
   * The language of the view's messages (`en`, `fr`, `de`, `it`, `es`): English by default, another once the
   * app has registered it with `registerLocale` (a language not registered reads English).
   */
  readonly locale?: string;
  /**
   * SMS autofill (WebOTP, see `startSmsAutofill`): in code entry, the code the browser reads from the SMS
   * is submitted. On by default where `navigator.credentials` exists; `false` turns it off. Read on mount.
   */
  readonly smsAutofill?: boolean;
}

/** What `useEnrollment` returns: the view model, the snapshot and the flow's commands. */
export interface UseEnrollment {
  /** What to render: `toViewModel(snapshot, { now, locale })`, fresh every second while a countdown runs. */
  readonly view: EnrollmentViewModel;
  readonly snapshot: EnrollmentSnapshot;
  start(): void;
  /** Sends `normalizeCode(code)`: the code's digits from what the user typed or pasted. */
  submit(code: string): void;
  resend(): void;
  retry(): void;
  cancel(): void;
  /**
   * Why the `snapshot` option could not be restored, for the app to log: the flow then started afresh.
   * `undefined` when there was none to restore, or it was restored.
   */
  readonly restoreError: EnrollmentSnapshotError | undefined;
  /** The running actor, for `network.online` / `network.offline`, persistence or inspection. */
  readonly actor: EnrollmentActor;
}

/** The actor's parts; a snapshot that cannot be restored gives a fresh flow, and the error says why. */
const prepareOrStartFresh = (
  options: CreateEnrollmentActorOptions,
): { prepared: PreparedEnrollmentActor; restoreError: EnrollmentSnapshotError | undefined } => {
  try {
    return { prepared: prepareEnrollmentActor(options), restoreError: undefined };
  } catch (error) {
    if (!(error instanceof EnrollmentSnapshotError)) throw error;
    const { snapshot: _, ...fresh } = options;
    return { prepared: prepareEnrollmentActor(fresh), restoreError: error };
  }
};

/** Milliseconds until `ceil((deadline - now) / 1000)` next changes; undefined once the deadline passed. */
const untilNextSecond = (deadline: number | null, now: number): number | undefined => {
  if (deadline === null || deadline <= now) return undefined;
  return ((deadline - now - 1) % 1000) + 1;
};

/**
 * The enrollment flow as a React hook: an actor of the enrollment machine, started on mount and stopped
 * on unmount, and its view model. The options other than `locale` are read once, on mount (like
 * `useActorRef`); to begin a new flow, remount the component (a new `key`).
 */
export const useEnrollment = (options: UseEnrollmentOptions): UseEnrollment => {
  const { locale, smsAutofill, ...actorOptions } = options;
  const [autofill] = useState(smsAutofill !== false);
  const [{ prepared, restoreError }] = useState(() => prepareOrStartFresh(actorOptions));
  const clock = actorOptions.clock ?? systemClock;
  const actor: EnrollmentActor = useActorRef(prepared.machine, prepared.actorOptions);
  // Before the effect that starts it: the actor's actors reach their facade through its system.
  prepared.bind(actor);
  const snapshot = useSelector(actor, (s) => s);
  const [, setTick] = useState(0);

  const now = clock.now();
  const view = toViewModel(snapshot, locale === undefined ? { now } : { now, locale });

  const { resendAvailableAt, codeExpiresAt } = snapshot.context;
  const countdowns = [
    view.resendInSeconds > 0 ? resendAvailableAt : null,
    view.codeExpiresInSeconds !== null ? codeExpiresAt : null,
  ];
  const delays = countdowns.flatMap((deadline) => untilNextSecond(deadline, now) ?? []);
  const nextTick = delays.length === 0 ? undefined : Math.min(...delays);
  useEffect(() => {
    if (nextTick === undefined) return;
    const timer = clock.setTimeout(() => setTick((tick) => tick + 1), nextTick);
    return () => clock.clearTimeout(timer);
  });

  useEffect(() => (autofill ? startSmsAutofill(actor) : undefined), [actor, autofill]);

  const commands = useMemo(
    () => ({
      start: () => actor.send({ type: "start" }),
      // The code as people type and paste it: spaced digits, full-width digits, a whole SMS.
      submit: (code: string) => actor.send({ type: "code.submit", code: normalizeCode(code) }),
      resend: () => actor.send({ type: "code.resend" }),
      retry: () => actor.send({ type: "retry" }),
      cancel: () => actor.send({ type: "cancel" }),
    }),
    [actor],
  );

  return { view, snapshot, actor, restoreError, ...commands };
};
