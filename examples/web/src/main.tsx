import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, type DemoSettings } from "./App";
import {
  createEmbeddedBackend,
  createHttpBackend,
  type DemoBackend,
  isScenario,
  referenceServerAvailable,
} from "./backend";
import { isLanguage } from "./i18n";
import { forgetFlow, pageCameBack, readSavedFlow } from "./persistence";
import { de, es, fr, it, registerLocale } from "./pims";
import "../../shared/visually-hidden.css";
import "./styles.css";

// The engine's messages read English by default; the demo's four other languages are registered, so that
// `useEnrollment({ locale })` gives them. An app registers only the languages it offers.
registerLocale(fr, de, it, es);

/** `?cooldown=2`: seconds, as whole milliseconds; absent or invalid: undefined (the engine's default). */
const seconds = (params: URLSearchParams, name: string): number | undefined => {
  const ms = Math.round(Number(params.get(name) ?? Number.NaN) * 1000);
  return Number.isFinite(ms) && ms >= 1 ? ms : undefined;
};

const DEMO_REQUEST_TIMEOUT_MS = 10_000;

const main = async () => {
  const params = new URLSearchParams(window.location.search);
  const requestTimeoutMs = seconds(params, "timeout") ?? DEMO_REQUEST_TIMEOUT_MS;
  const resendCooldownMs = seconds(params, "cooldown");
  const codeLifetimeMs = seconds(params, "lifetime");
  const settings: DemoSettings = {
    language: isLanguage(params.get("lang")) ? (params.get("lang") as DemoSettings["language"]) : "en",
    scenario: isScenario(params.get("scenario"))
      ? (params.get("scenario") as DemoSettings["scenario"])
      : "newDevice",
    smsAutofill: params.get("autofill") !== "off",
    timers: {
      requestTimeoutMs,
      ...(resendCooldownMs === undefined ? {} : { resendCooldownMs }),
      ...(codeLifetimeMs === undefined ? {} : { codeLifetimeMs }),
    },
  };
  // `?backend=embedded` runs the simulator in the page; otherwise the reference server that serves the
  // page is the backend, when there is one.
  const origin = window.location.origin;
  const wanted = params.get("backend");
  // The simulated backend's codes live as long as the app's countdown says.
  const backendOptions = { requestTimeoutMs, codeLifetimeMs };
  // A reload takes the tab's stored flow up again; a new visit starts afresh.
  const saved = pageCameBack() ? readSavedFlow() : undefined;
  const backend: DemoBackend =
    wanted !== "embedded" && (wanted === "http" || (await referenceServerAvailable(origin)))
      ? createHttpBackend(origin, backendOptions, saved?.session ?? undefined)
      : createEmbeddedBackend(backendOptions);
  // Only a session that outlived the page holds the SMS the flow waits for: the simulator in the page
  // does not, and its flow starts over (the page says so).
  const resumable = saved !== undefined && saved.session !== null && saved.session === backend.session;
  if (!resumable) forgetFlow();

  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root");
  createRoot(root).render(
    <StrictMode>
      <App
        backend={backend}
        settings={settings}
        resumed={resumable ? saved : undefined}
        startedOver={saved !== undefined && !resumable}
      />
    </StrictMode>,
  );
};

void main();
