import { type ClipboardEvent, type FormEvent, type RefObject, useEffect, useRef, useState } from "react";
import type { UiStrings } from "./i18n";
import { normalizeCode, type UseEnrollment } from "./pims";

type Screen =
  | "idle"
  | "progress"
  | "code"
  | "handoff"
  | "alreadyActivated"
  | "accountBlocked"
  | "trustedPhoneRequired"
  | "failed"
  | "cancelled";

/**
 * `view.step` is typed `EnrollmentStep`, which (src/view) lists only the atomic top-level states; the
 * compound ones (`awaitingCode`, `validatingCode`, …) arrive at run time all the same.
 */
type Step =
  | UseEnrollment["view"]["step"]
  | "checkingDevice"
  | "checkingTrustedPhone"
  | "requestingCode"
  | "awaitingCode"
  | "validatingCode"
  | "synchronizing";

const screenOf = (step: Step): Screen => {
  switch (step) {
    case "idle":
    case "handoff":
    case "alreadyActivated":
    case "accountBlocked":
    case "trustedPhoneRequired":
    case "failed":
    case "cancelled":
      return step;
    case "awaitingCode":
    case "validatingCode":
      return "code";
    default:
      return "progress";
  }
};

const minutesAndSeconds = (seconds: number): string =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

interface Props {
  readonly flow: UseEnrollment;
  readonly t: UiStrings;
  readonly onStartOver: () => void;
  /** Move the focus to the first screen (not on the page's first load). */
  readonly focusOnMount: boolean;
  /** The blocked screen's words when the account check found the PIN blocked, not the account. */
  readonly pinBlocked: { readonly title: string; readonly body: string };
}

/** The enrollment screens an app would show, rendered from the view model only. */
export function Enrollment({ flow, t, onStartOver, focusOnMount, pinBlocked }: Props) {
  const { view, snapshot } = flow;
  const step = view.step as Step;
  const screen = screenOf(step);
  const error = snapshot.context.error;
  const alertRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const mounted = useRef(false);

  // A new error is announced (role="alert"). On the code screen the focus stays in the field, its content
  // selected so that typing replaces it; elsewhere the error takes the focus.
  useEffect(() => {
    if (error === null) return;
    const field = codeRef.current;
    if (screen === "code" && field) {
      field.focus();
      field.select();
    } else alertRef.current?.focus();
  }, [error, screen]);

  // A new screen takes the focus (its code field, or its heading) unless an error already did.
  useEffect(() => {
    const first = !mounted.current;
    mounted.current = true;
    if ((first && !focusOnMount) || snapshot.context.error !== null) return;
    (screen === "code" ? codeRef.current : headingRef.current)?.focus();
  }, [screen, focusOnMount, snapshot.context.error]);

  // What `pims-enrollment/testing`'s browser drivers read (docs/guides/testing-your-ui.md).
  const pims = { "data-pims-step": view.step, "data-pims-phase": view.phase ?? undefined };

  const alert = view.error && (
    <div
      className="alert"
      role="alert"
      id="enrollment-error"
      tabIndex={-1}
      ref={alertRef}
      data-code={view.error.code}
      data-pims-error={view.error.code}
    >
      <p className="alert-message">{view.error.message}</p>
      {/* For support: the code and the SDK's own label, untranslated. */}
      <small className="alert-detail">
        <span lang="en">{view.error.detail}</span>
      </small>
    </div>
  );

  const cancel = (
    <button type="button" className="secondary" onClick={flow.cancel} data-pims-action="cancel">
      {t.cancel}
    </button>
  );
  const startOver = (
    <button type="button" onClick={onStartOver}>
      {t.startOver}
    </button>
  );

  const heading = (text: string) => (
    <h3 ref={headingRef} tabIndex={-1}>
      {text}
    </h3>
  );

  switch (screen) {
    case "idle":
      return (
        <section className="screen" aria-labelledby="screen-title" {...pims}>
          <h3 id="screen-title" ref={headingRef} tabIndex={-1}>
            {t.idleTitle}
          </h3>
          <p>{t.idleBody}</p>
          <div className="actions">
            <button type="button" onClick={flow.start} data-pims-action="start">
              {t.start}
            </button>
          </div>
        </section>
      );
    case "progress": {
      // Waiting for the network or for "Try again", nothing is under way: the heading says the step is on hold.
      const onHold = view.phase === "stalled" || view.phase === "offline";
      const title =
        (onHold ? t.progressOnHold : t.progress)[step as keyof UiStrings["progress"]] ?? t.pleaseWait;
      return (
        <section className="screen" aria-busy={view.busy} {...pims}>
          {heading(title)}
          {view.busy && <Spinner label={t.pleaseWait} />}
          {alert}
          <div className="actions">
            {(view.phase === "stalled" || view.phase === "offline") && <RetryButton flow={flow} t={t} />}
            {cancel}
          </div>
          {view.phase === "offline" && <p className="note">{t.waitingForNetwork}</p>}
        </section>
      );
    }
    case "code":
      return (
        <CodeScreen
          flow={flow}
          t={t}
          alert={alert}
          headingRef={headingRef}
          codeRef={codeRef}
          cancel={cancel}
        />
      );
    case "handoff": {
      const output = view.output?.outcome === "handoff" ? view.output : null;
      return (
        <section className="screen final success" {...pims}>
          {heading(t.handoffTitle)}
          <p className="next-step">
            {output?.next.pin === "existing" ? t.handoffExistingPin : t.handoffNewPin}
          </p>
          <NextCall label={t.nextCall} output={view.output} />
          <div className="actions">{startOver}</div>
        </section>
      );
    }
    case "alreadyActivated":
      return (
        <section className="screen final success" {...pims}>
          {heading(t.alreadyActivatedTitle)}
          <p>{t.alreadyActivatedBody}</p>
          <div className="actions">{startOver}</div>
        </section>
      );
    case "accountBlocked": {
      const pin = view.output?.outcome === "accountBlocked" && view.output.blockState === "PINBlocked";
      return (
        <section className={pin ? "screen final blocked pin" : "screen final blocked account"} {...pims}>
          {heading(pin ? pinBlocked.title : t.accountBlockedTitle)}
          {alert}
          <p className="next-step">{pin ? pinBlocked.body : t.accountBlockedBody}</p>
          <NextCall label={t.nextCall} output={view.output} />
          <div className="actions">{startOver}</div>
        </section>
      );
    }
    case "trustedPhoneRequired":
      return (
        <section className="screen final blocked" {...pims}>
          {heading(t.trustedPhoneRequiredTitle)}
          {alert}
          <p className="next-step">{t.trustedPhoneRequiredBody}</p>
          <NextCall label={t.nextCall} output={view.output} />
          <div className="actions">{startOver}</div>
        </section>
      );
    case "failed":
      return (
        <section className="screen final failed" {...pims}>
          {heading(t.failedTitle)}
          {alert ?? <p>{t.failedBody}</p>}
          <div className="actions">{startOver}</div>
        </section>
      );
    case "cancelled":
      return (
        <section className="screen final" {...pims}>
          {heading(t.cancelledTitle)}
          <p>{t.cancelledBody}</p>
          <div className="actions">{startOver}</div>
        </section>
      );
  }
}

interface CodeScreenProps {
  readonly flow: UseEnrollment;
  readonly t: UiStrings;
  readonly alert: React.ReactNode;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
  readonly codeRef: RefObject<HTMLInputElement | null>;
  readonly cancel: React.ReactNode;
}

function CodeScreen({ flow, t, alert, headingRef, codeRef, cancel }: CodeScreenProps) {
  const { view } = flow;
  const [code, setCode] = useState("");
  const expired = view.phase === "expired";
  // Checking the code, or waiting (for `retry`, or the network) to check the same code again.
  const checking = view.busy && (view.step as Step) === "validatingCode";
  const invalid = view.error !== null && view.recovery === "fix-input";
  const resubmit = view.canRetry;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (view.canSubmit) flow.submit(code);
    else if (view.canRetry) flow.retry();
  };
  // Typed: digits (full-width ones too), and the spaces or dashes people put between them; no letters.
  const type = (text: string) => setCode(text.replace(/[^0-9\uFF10-\uFF19 -]/g, ""));
  // Pasted: the code in it, from a whole SMS if need be (an origin-bound line's #code first).
  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = normalizeCode(event.clipboardData.getData("text"));
    if (pasted === "") return;
    event.preventDefault();
    setCode(pasted);
  };

  return (
    <section
      className="screen"
      aria-busy={view.busy}
      data-pims-step={view.step}
      data-pims-phase={view.phase ?? undefined}
    >
      <h3 ref={headingRef} tabIndex={-1}>
        {expired ? t.newCodeTitle : t.codeTitle}
      </h3>
      {view.notice && <p className="sent-to">{view.notice}</p>}
      {alert}
      {!expired && (
        <form onSubmit={submit} noValidate>
          <label htmlFor="sms-code">{t.codeLabel}</label>
          <input
            id="sms-code"
            ref={codeRef}
            name="sms-code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={(event) => type(event.target.value)}
            onPaste={paste}
            readOnly={(view.step as Step) === "validatingCode"}
            aria-invalid={invalid}
            aria-describedby={view.error ? "sms-code-hint enrollment-error" : "sms-code-hint"}
            data-pims-field="code"
          />
          <p id="sms-code-hint" className="hint">
            {t.codeHint}
          </p>
          <button
            type="submit"
            aria-disabled={!view.canSubmit && !view.canRetry}
            data-pims-action={view.canRetry ? "retry" : "submit"}
          >
            {checking ? t.checking : resubmit ? t.retry : t.confirm}
          </button>
        </form>
      )}
      {/* Announced at the moments that matter only: never the countdown's every second. */}
      <p className="visually-hidden" role="status">
        {view.announcement}
      </p>
      <p id="sms-code-status" className="status">
        {expired ? null : checking ? (
          <Spinner label={t.checking} />
        ) : (
          <>
            <span className="attempts" data-pims-attempts-left>
              {t.attemptsLeft(view.attemptsLeft)}
            </span>
            {view.codeExpiresInSeconds !== null && view.codeExpiresInSeconds > 0 && (
              <span className="expiry"> · {t.expiresIn(minutesAndSeconds(view.codeExpiresInSeconds))}</span>
            )}
          </>
        )}
      </p>
      <div className="actions">
        <button
          type="button"
          className={expired ? "" : "secondary"}
          onClick={flow.resend}
          disabled={!view.canResend}
          data-testid="resend"
          data-pims-action="resend"
        >
          {view.canResend || view.resendInSeconds === 0 ? t.resend : t.resendIn(view.resendInSeconds)}
        </button>
        {cancel}
      </div>
      <p className="note">{t.sendsLeft(view.sendsLeft)}</p>
    </section>
  );
}

function RetryButton({ flow, t }: { readonly flow: UseEnrollment; readonly t: UiStrings }) {
  const { view } = flow;
  const waiting = !view.canRetry && view.resendInSeconds > 0;
  return (
    <button type="button" onClick={flow.retry} disabled={!view.canRetry} data-pims-action="retry">
      {waiting ? t.retryIn(view.resendInSeconds) : t.retry}
    </button>
  );
}

function Spinner({ label }: { readonly label: string }) {
  return (
    <span className="spinner-row">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}

function NextCall({ label, output }: { readonly label: string; readonly output: unknown }) {
  if (output === null || typeof output !== "object" || !("next" in output)) return null;
  return (
    <details className="next-call">
      <summary>{label}</summary>
      <pre>{JSON.stringify(output, null, 2)}</pre>
    </details>
  );
}
