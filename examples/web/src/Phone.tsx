import { useEffect, useState } from "react";
import type { DemoBackend } from "./backend";
import type { UiStrings } from "./i18n";
import type { SentSms } from "./pims";

const POLL_MS = 500;

/** The trusted phone: shows the SMS the simulated backend sent, newest first. */
export function Phone({
  backend,
  trigger,
  t,
  locale,
}: {
  readonly backend: DemoBackend;
  /** Changes when the flow moves: the phone looks at once (a new SMS arrives with `awaitingCode`). */
  readonly trigger: string;
  readonly t: UiStrings;
  readonly locale: string;
}) {
  const [outbox, setOutbox] = useState<readonly SentSms[]>([]);

  // `trigger` restarts the polling, so that the phone looks at once when the flow moves.
  // biome-ignore lint/correctness/useExhaustiveDependencies: trigger is the reason to run again
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const sent = await backend.outbox();
        if (!stopped) setOutbox((previous) => (sameOutbox(previous, sent) ? previous : sent));
      } catch {
        // The server went away (Ctrl-C) or is restarting: keep what we have and try again.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [backend, trigger]);

  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  return (
    <section className="panel phone" aria-labelledby="phone-title">
      <h2 id="phone-title">{t.phoneTitle}</h2>
      <div className="phone-frame">
        <div className="phone-screen">
          {outbox.length === 0 ? (
            <p className="phone-empty">{t.phoneEmpty}</p>
          ) : (
            <ol className="sms-list" aria-live="polite">
              {[...outbox].reverse().map((sms, index) => (
                <li key={`${sms.at}-${sms.code}`} className={index === 0 ? "sms latest" : "sms"}>
                  <span className="sms-from">PIMS · {time.format(sms.at)}</span>
                  <span className="sms-text">{`${t.sms(sms.code)}\n\n${originBoundLine(sms.text)}`}</span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}

/** The simulated SMS's last line, `@<host> #<code>` (WebOTP), kept under the localized sentence. */
const originBoundLine = (text: string): string => text.slice(text.lastIndexOf("\n") + 1);

const sameOutbox = (a: readonly SentSms[], b: readonly SentSms[]): boolean =>
  a.length === b.length && a.every((sms, i) => sms.code === b[i]?.code && sms.at === b[i]?.at);
