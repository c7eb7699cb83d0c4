/**
 * The enrollment flow with no framework: `actor.subscribe` + `toViewModel`, plain DOM.
 * Run it with `npx vite examples/vanilla`. In an app, import from "pims-enrollment" and
 * "pims-enrollment/simulator" (or use `createHttpTransport` from "pims-enrollment/http").
 */
import {
  createEnrollmentActor,
  type EnrollmentViewModel,
  normalizeCode,
  registerLocale,
  startSmsAutofill,
  toViewModel,
} from "../../src/index";
import { de } from "../../src/locales/de";
import { es } from "../../src/locales/es";
import { fr } from "../../src/locales/fr";
import { it } from "../../src/locales/it";
import { createSimulator } from "../../src/simulator";
import { smsAutofillWanted } from "../shared/page-flow";
import { exposeSimulator, pageSetup } from "../shared/simulated-page";
import { isLanguage, strings, titleOf } from "../shared/strings";

// The view model reads English by default; the page's four other languages are registered, so that
// `toViewModel(snapshot, { locale })` gives them. An app registers only the languages it offers.
registerLocale(fr, de, it, es);

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const screen = $("screen");
const title = $<HTMLHeadingElement>("title");
const status = $("status");
const errorBox = $("error");
const form = $<HTMLFormElement>("code-form");
const codeInput = $<HTMLInputElement>("code");
const meta = $("meta");
const announcer = $("announcer");
const buttons = {
  start: $<HTMLButtonElement>("start"),
  resend: $<HTMLButtonElement>("resend"),
  retry: $<HTMLButtonElement>("retry"),
  cancel: $<HTMLButtonElement>("cancel"),
};
const smsList = $<HTMLOListElement>("sms");

// `?account=…&cooldown=…&lifetime=…&lang=fr` (see ../shared/simulated-page.ts); the defaults otherwise.
const setup = pageSetup(window.location.search);
const requested = new URLSearchParams(window.location.search).get("lang");
const language = isLanguage(requested) ? requested : "en";
const t = strings[language];
document.documentElement.lang = language;
$("code-label").textContent = t.codeLabel;
$("confirm").textContent = t.confirm;
buttons.start.textContent = t.start;
buttons.retry.textContent = t.retry;
buttons.cancel.textContent = t.cancel;
$("phone-title").textContent = t.phoneTitle;
// The SMS's origin-bound line names this page's host, so that the browser offers its code (WebOTP).
const simulator = createSimulator({ ...setup.account, webOtpHost: window.location.hostname });
exposeSimulator(simulator);
const actor = createEnrollmentActor({ services: simulator.services, ...setup.timers });

const nextStep = (view: EnrollmentViewModel): string => {
  const output = view.output;
  if (output?.outcome === "handoff") return output.next.pin === "new" ? t.next.newPin : t.next.existingPin;
  if (output?.outcome === "accountBlocked") return t.next.remove;
  if (output?.outcome === "trustedPhoneRequired") return t.next.addPhone;
  return "";
};

let shownError: unknown = null;
let shownStep = "idle";

const render = () => {
  const snapshot = actor.getSnapshot();
  const view = toViewModel(snapshot, { locale: document.documentElement.lang });
  const step: string = view.step;

  // What `pims-enrollment/testing`'s browser driver reads (docs/guides/testing-your-ui.md).
  screen.dataset.pimsStep = step;
  screen.dataset.pimsPhase = view.phase ?? "";
  if (view.error) errorBox.dataset.pimsError = String(view.error.code);
  else delete errorBox.dataset.pimsError;

  title.textContent = titleOf(t, view);
  // "Sent" only as the view model says it: once a send succeeded.
  status.textContent = view.busy ? t.pleaseWait : (view.notice ?? nextStep(view));
  // Announced at the moments that matter only, never the countdown's every second.
  if (announcer.textContent !== (view.announcement ?? "")) announcer.textContent = view.announcement ?? "";

  errorBox.hidden = view.error === null;
  errorBox.replaceChildren();
  if (view.error) {
    const message = document.createElement("p");
    message.textContent = view.error.message;
    // For support: the code and the SDK's label, untranslated, as small print.
    const detail = document.createElement("small");
    detail.lang = "en";
    detail.textContent = view.error.detail;
    errorBox.append(message, detail);
  }
  codeInput.setAttribute("aria-describedby", view.error ? "error" : "");
  codeInput.setAttribute("aria-invalid", String(view.recovery === "fix-input"));

  form.hidden = !view.canSubmit && step !== "validatingCode";
  codeInput.readOnly = view.busy;
  meta.textContent =
    step === "awaitingCode"
      ? t.attemptsLeft(view.attemptsLeft) +
        (view.codeExpiresInSeconds === null ? "" : ` · ${t.codeExpiresIn(view.codeExpiresInSeconds)}`)
      : "";

  buttons.start.hidden = step !== "idle";
  buttons.cancel.hidden = view.done || step === "idle";
  buttons.resend.hidden = step !== "awaitingCode";
  buttons.resend.disabled = !view.canResend;
  buttons.resend.textContent =
    view.canResend || view.resendInSeconds === 0 ? t.resend : t.resendIn(view.resendInSeconds);
  buttons.retry.hidden = !(view.phase === "stalled" || view.phase === "offline");
  buttons.retry.disabled = !view.canRetry;

  // The focus follows the flow: after a new error in code entry it stays in the field, its content selected
  // so that typing replaces it; another new error takes it; otherwise the new screen does.
  const error = snapshot.context.error;
  if (error !== null && error !== shownError) {
    if (step === "awaitingCode" && !form.hidden) {
      codeInput.focus();
      codeInput.select();
    } else errorBox.focus();
  } else if (step !== shownStep) (step === "awaitingCode" ? codeInput : title).focus();
  shownError = error;
  shownStep = step;

  smsList.replaceChildren(
    ...simulator.outbox.map((sms) => {
      const item = document.createElement("li");
      item.textContent = sms.text;
      return item;
    }),
  );
};

buttons.start.addEventListener("click", () => actor.send({ type: "start" }));
buttons.resend.addEventListener("click", () => actor.send({ type: "code.resend" }));
buttons.retry.addEventListener("click", () => actor.send({ type: "retry" }));
buttons.cancel.addEventListener("click", () => actor.send({ type: "cancel" }));
form.addEventListener("submit", (event) => {
  event.preventDefault();
  // The code as people type and paste it: spaced or full-width digits, a whole SMS.
  actor.send({ type: "code.submit", code: normalizeCode(codeInput.value) });
});
window.addEventListener("online", () => actor.send({ type: "network.online" }));
window.addEventListener("offline", () => actor.send({ type: "network.offline" }));

actor.subscribe(render);
// SMS autofill (WebOTP) where the browser has it, unless `?autofill=off`: in code entry the code the
// browser reads from the SMS is submitted; leaving code entry aborts the request.
if (smsAutofillWanted(window.location.search)) startSmsAutofill(actor);
// The countdowns move with time, not only with the machine.
setInterval(render, 1000);
actor.start();
render();
