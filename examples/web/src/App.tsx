import { useCallback, useEffect, useRef, useState } from "react";
import type { Snapshot } from "xstate";
import { About } from "./About";
import type { DemoBackend, Scenario } from "./backend";
import { Enrollment } from "./Enrollment";
import { FaultPanel } from "./FaultPanel";
import { isLanguage, type Language, languages, ui } from "./i18n";
import { lab } from "./i18n-lab";
import { Phone } from "./Phone";
import { keepFlow, readSavedFlow, type SavedFlow, saveFlow } from "./persistence";
import type { Services } from "./pims";
import { useEnrollment } from "./pims";
import { type Section, Sections, useNarrow } from "./Sections";
import { type LoggedEvent, Statechart } from "./Statechart";
import { useSimulatorHook } from "./simulatorHook";
import { createTransitionFeed } from "./statechart/feed";

export interface DemoSettings {
  readonly language: Language;
  readonly scenario: Scenario;
  /** SMS autofill (WebOTP) where the browser has it; `?autofill=off` turns it off. */
  readonly smsAutofill: boolean;
  /** Flow limits from the URL (`?cooldown=2` is a 2-second resend cooldown); the engine's defaults otherwise. */
  readonly timers: {
    readonly resendCooldownMs?: number;
    readonly codeLifetimeMs?: number;
    readonly requestTimeoutMs?: number;
  };
}

const MAX_EVENTS = 8;

/**
 * One launch of the app within a run: the first, or a relaunch (`window.pimsSimulator.relaunch()`) from
 * the snapshot the flow persisted, or (`misconfigure()`) a fresh flow on a config `initialize` refuses.
 */
interface Launch {
  readonly count: number;
  readonly snapshot?: Snapshot<unknown>;
  readonly config?: unknown;
}

/** A config `initialize` refuses with 2006: none of the fields it needs. */
const REFUSED_CONFIG = {};

/**
 * The demo: a language switch over one enrollment run at a time, each on a fresh simulated account. The
 * first run may be the one a reload interrupted (`resumed`), on the same session of the backend.
 */
export function App({
  backend,
  settings,
  resumed,
  startedOver,
}: {
  readonly backend: DemoBackend;
  readonly settings: DemoSettings;
  /** The flow stored before the page reloaded, on a session `backend` kept: it goes on. */
  readonly resumed: SavedFlow | undefined;
  /** A flow was stored before the reload, but its backend was the page's own: it starts over. */
  readonly startedOver: boolean;
}) {
  const [language, setLanguage] = useState<Language>(settings.language);
  const [run, setRun] = useState(0);
  const [launch, setLaunch] = useState<Launch>(() =>
    resumed === undefined ? { count: 0 } : { count: 0, snapshot: resumed.snapshot },
  );
  const [scenario, setScenario] = useState<Scenario>(resumed?.scenario ?? settings.scenario);
  const [offline, setOffline] = useState(false);
  const [latency, setLatency] = useState(0);
  const [services, setServices] = useState<{ run: number; services: Services } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [section, setSection] = useState<Section>("flow");
  const narrow = useNarrow();
  const t = ui[language];

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `PIMS enrollment — ${t.appTitle}`;
    const url = new URL(window.location.href);
    url.searchParams.set("lang", language);
    window.history.replaceState(null, "", url);
  }, [language, t]);

  // Each run starts on a fresh simulated account (the server's session is reset too), but the one a
  // reload interrupted, which goes on where the server's session is.
  const scenarioRef = useRef(scenario);
  scenarioRef.current = scenario;
  useEffect(() => {
    let live = true;
    const resuming = run === 0 && resumed !== undefined;
    const services =
      resuming && backend.resume ? backend.resume(scenarioRef.current) : backend.prepare(scenarioRef.current);
    services.then(
      (prepared) => {
        if (live) setServices({ run, services: prepared });
      },
      (error: unknown) => {
        if (live) setProblem(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      live = false;
    };
  }, [backend, run, resumed]);

  const startOver = useCallback(() => {
    setLaunch({ count: 0 });
    setRun((n) => n + 1);
  }, []);
  const chooseScenario = useCallback((next: Scenario) => {
    setScenario(next);
    setLaunch({ count: 0 });
    setRun((n) => n + 1);
  }, []);
  // A relaunch keeps the run's simulated account: the app restarts, the backend does not.
  const relaunch = useCallback(() => {
    const snapshot = readSavedFlow()?.snapshot;
    setLaunch((last) => ({ count: last.count + 1, ...(snapshot === undefined ? {} : { snapshot }) }));
  }, []);
  // The snapshot a reload found could not be restored: the run starts over on a fresh account, as a new
  // visit would. (A relaunch keeps its account: its app restarts, not the backend.)
  const restoreRefused = useCallback(() => {
    if (launch.count === 0) startOver();
  }, [launch.count, startOver]);
  const misconfigure = useCallback(
    () => setLaunch((last) => ({ count: last.count + 1, config: REFUSED_CONFIG })),
    [],
  );
  const changeOffline = useCallback(
    async (flag: boolean) => {
      setOffline(flag);
      await backend.setOffline(flag);
    },
    [backend],
  );
  const changeLatency = useCallback(
    async (ms: number) => {
      setLatency(ms);
      await backend.setLatency(ms);
    },
    [backend],
  );

  return (
    <>
      <header className="top">
        <h1>
          PIMS enrollment <span className="subtitle">the SMS-code step, live</span>
        </h1>
        <fieldset className="languages">
          <legend>{t.languageLabel}</legend>
          {languages.map((code) => (
            <label key={code} lang={code}>
              <input
                type="radio"
                name="language"
                value={code}
                checked={code === language}
                onChange={(event) => isLanguage(event.target.value) && setLanguage(event.target.value)}
              />
              <span aria-hidden="true">{code.toUpperCase()}</span>
              <span className="visually-hidden">{ui[code].languageName}</span>
            </label>
          ))}
        </fieldset>
      </header>
      {startedOver && (
        <p className="notice" role="status">
          {lab[language].reloadStartedOver}
        </p>
      )}
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
      {services && services.run === run ? (
        <Run
          key={`${run}.${launch.count}`}
          first={run === 0}
          launch={launch}
          backend={backend}
          services={services.services}
          settings={settings}
          language={language}
          offline={offline}
          latency={latency}
          scenario={scenario}
          onStartOver={startOver}
          onRelaunch={relaunch}
          onRestoreRefused={restoreRefused}
          onMisconfigure={misconfigure}
          onScenario={chooseScenario}
          onOffline={changeOffline}
          onLatency={changeLatency}
          narrow={narrow}
          section={section}
          onSection={setSection}
        />
      ) : (
        <p className="loading">{t.pleaseWait}</p>
      )}
    </>
  );
}

interface RunProps {
  readonly first: boolean;
  readonly launch: Launch;
  readonly backend: DemoBackend;
  readonly services: Services;
  readonly settings: DemoSettings;
  readonly language: Language;
  readonly offline: boolean;
  readonly latency: number;
  readonly scenario: Scenario;
  readonly onStartOver: () => void;
  readonly onRelaunch: () => void;
  /** The launch's snapshot could not be restored (`restoreError`): the flow started afresh. */
  readonly onRestoreRefused: () => void;
  readonly onMisconfigure: () => void;
  readonly onScenario: (scenario: Scenario) => void;
  readonly onOffline: (offline: boolean) => Promise<void>;
  readonly onLatency: (ms: number) => Promise<void>;
  readonly narrow: boolean;
  readonly section: Section;
  readonly onSection: (section: Section) => void;
}

/** One enrollment flow: the app's screens, the phone, the statechart and the controls around one actor. */
function Run(props: RunProps) {
  const { backend, services, settings, language, offline } = props;
  const t = ui[language];
  const l = lab[language];
  const [events, setEvents] = useState<readonly LoggedEvent[]>([]);
  const [feed] = useState(createTransitionFeed);
  const { snapshot, config } = props.launch;
  const flow = useEnrollment({
    services,
    ...(snapshot === undefined ? {} : { snapshot }),
    ...(config === undefined ? {} : { config }),
    ...settings.timers,
    locale: language,
    smsAutofill: settings.smsAutofill,
    inspect: (inspection) => {
      feed.inspect(inspection);
      // Events the root actor received: the UI's, the network's and its children's answers. Types only:
      // `code.submit` carries the code.
      if (inspection.type === "@xstate.event" && inspection.actorRef.sessionId === inspection.rootId) {
        const type = inspection.event.type;
        setEvents((list) => [...list.slice(-(MAX_EVENTS - 1)), { id: (list.at(-1)?.id ?? 0) + 1, type }]);
      }
    },
  });
  const { actor, restoreError } = flow;

  // Stored on every change, so that a reload takes the flow up again; a finished flow is forgotten.
  const session = backend.session;
  const scenario = props.scenario;
  useEffect(() => {
    const keep = () => keepFlow(actor, { session, scenario });
    keep();
    const subscription = actor.subscribe(keep);
    return () => subscription.unsubscribe();
  }, [actor, session, scenario]);

  // Said to the developer only: for the person, the flow simply starts afresh.
  const { onRestoreRefused } = props;
  useEffect(() => {
    if (restoreError === undefined) return;
    console.warn(
      `pims-demo: the stored flow could not be restored, a new one starts (${restoreError.message})`,
    );
    onRestoreRefused();
  }, [restoreError, onRestoreRefused]);

  // The network is the page's, not the run's: a run that starts offline knows it.
  const startedOffline = useRef(offline);
  useEffect(() => {
    if (startedOffline.current) actor.send({ type: "network.offline" });
  }, [actor]);

  const changeOffline = async (flag: boolean) => {
    // The simulated network changes first, so that the retry `network.online` triggers goes through.
    await props.onOffline(flag);
    actor.send({ type: flag ? "network.offline" : "network.online" });
  };
  const relaunch = () => {
    saveFlow({ session, scenario, snapshot: actor.getPersistedSnapshot() });
    props.onRelaunch();
  };
  useSimulatorHook(backend, {
    setOffline: changeOffline,
    relaunch,
    misconfigure: props.onMisconfigure,
  });

  return (
    <Sections
      narrow={props.narrow}
      selected={props.section}
      onSelect={props.onSection}
      t={l}
      sections={{
        flow: (
          <>
            <section className="panel app" aria-labelledby="app-title">
              <h2 id="app-title">
                {t.appTitle}
                {!flow.view.online && <span className="badge offline">{t.offline}</span>}
              </h2>
              <Enrollment
                flow={flow}
                t={t}
                onStartOver={props.onStartOver}
                focusOnMount={!props.first}
                pinBlocked={{ title: l.pinBlockedTitle, body: l.pinBlockedBody }}
              />
            </section>
            <Phone backend={backend} trigger={JSON.stringify(flow.snapshot.value)} t={t} locale={language} />
          </>
        ),
        controls: (
          <FaultPanel
            backend={backend}
            t={l}
            locale={language}
            trigger={JSON.stringify(flow.snapshot.value)}
            offline={offline}
            latency={props.latency}
            scenario={props.scenario}
            onOffline={changeOffline}
            onLatency={props.onLatency}
            onScenario={props.onScenario}
          />
        ),
        statechart: <Statechart snapshot={flow.snapshot} actor={actor} feed={feed} events={events} t={l} />,
        about: <About t={l} example="?backend=embedded&lang=fr&scenario=pinBlocked&timeout=2&cooldown=5" />,
      }}
    />
  );
}
