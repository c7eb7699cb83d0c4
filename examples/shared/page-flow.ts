/**
 * What the Vue and Svelte adapters share, framework-free: each framework holds the actor and re-renders;
 * this connects the actor to the page (the network, the clock, SMS autofill) and gives the flow's
 * commands and its view model. In an app, import from "pims-enrollment".
 */
import {
  type EnrollmentActor,
  type EnrollmentSnapshot,
  type EnrollmentViewModel,
  normalizeCode,
  startSmsAutofill,
  toViewModel,
} from "../../src/index";

/** The flow's commands, as a page's buttons and form send them. */
export interface FlowCommands {
  start(): void;
  /** The code as people type and paste it (spaced or full-width digits, a whole SMS): see `normalizeCode`. */
  submit(text: string): void;
  resend(): void;
  retry(): void;
  cancel(): void;
}

export interface PageFlow extends FlowCommands {
  /** Undoes what `connectFlow` did: the network listeners, the clock, SMS autofill (aborting its request), the focus. */
  disconnect(): void;
}

/** The elements the focus moves to after an error, as the page draws them now (absent: null). */
export interface ErrorFocus {
  readonly field: () => HTMLInputElement | null | undefined;
  readonly alert: () => HTMLElement | null | undefined;
}

export interface ConnectFlowOptions {
  /** SMS autofill (WebOTP, see `startSmsAutofill`) where the browser has it. */
  readonly smsAutofill: boolean;
  /** Called every second, so that the countdowns (resend, code expiry) move with time. */
  readonly onSecond: () => void;
  readonly focus: ErrorFocus;
}

/** `?autofill=off` turns SMS autofill off; it is on otherwise. */
export const smsAutofillWanted = (search: string): boolean =>
  new URLSearchParams(search).get("autofill") !== "off";

/**
 * After a new error (a new one each time, even with the same code), once the framework has drawn it: in
 * code entry the focus stays in the code field with its content selected, so that typing replaces it;
 * elsewhere the error takes the focus. Returns the function that stops following.
 */
const followErrorFocus = (actor: EnrollmentActor, focus: ErrorFocus): (() => void) => {
  let shown = actor.getSnapshot().context.error;
  const subscription = actor.subscribe((snapshot) => {
    const error = snapshot.context.error;
    const isNew = error !== null && error !== shown;
    shown = error;
    if (!isNew) return;
    // Vue and Svelte update the page in a microtask after the state changed: this runs after that.
    setTimeout(() => {
      const field = focus.field();
      if (snapshot.matches("awaitingCode") && field) {
        field.focus();
        field.select();
      } else focus.alert()?.focus();
    });
  });
  return () => subscription.unsubscribe();
};

/**
 * Connects the flow's actor to the page: the window's `online` / `offline` events reach the flow, SMS
 * autofill submits the code the browser reads from the SMS while in code entry, the focus follows errors,
 * and `onSecond` ticks.
 */
export const connectFlow = (actor: EnrollmentActor, options: ConnectFlowOptions): PageFlow => {
  const online = () => actor.send({ type: "network.online" });
  const offline = () => actor.send({ type: "network.offline" });
  window.addEventListener("online", online);
  window.addEventListener("offline", offline);
  const timer = setInterval(options.onSecond, 1000);
  const stopSmsAutofill = options.smsAutofill ? startSmsAutofill(actor) : undefined;
  const stopFocus = followErrorFocus(actor, options.focus);
  return {
    start: () => actor.send({ type: "start" }),
    submit: (text) => actor.send({ type: "code.submit", code: normalizeCode(text) }),
    resend: () => actor.send({ type: "code.resend" }),
    retry: () => actor.send({ type: "retry" }),
    cancel: () => actor.send({ type: "cancel" }),
    disconnect() {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      clearInterval(timer);
      stopSmsAutofill?.();
      stopFocus();
    },
  };
};

/**
 * The view model at `now` in `locale`. `now` is never taken behind the clock: a snapshot can change
 * between two ticks, and its countdowns must not read a second that has passed.
 */
export const viewAt = (snapshot: EnrollmentSnapshot, now: number, locale: string): EnrollmentViewModel =>
  toViewModel(snapshot, { now: Math.max(now, Date.now()), locale });
