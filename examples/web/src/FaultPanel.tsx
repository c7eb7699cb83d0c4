import { useEffect, useId, useState } from "react";
import { type DemoBackend, type DemoFault, MAX_FAULT_TIMES, type Scenario, scenarios } from "./backend";
import type { LabStrings } from "./i18n-lab";
import { documentedCodes, type ErrorCode, errorCatalog, type Operation } from "./pims";

const OPERATIONS: readonly Operation[] = [
  "account.get",
  "trustedphonenumber.get",
  "smscode.get",
  "smscode.set",
];

/** Every documented (operation, code) pair, from the catalogue. */
const codesFor = (operation: Operation) =>
  errorCatalog.filter((entry) => documentedCodes[operation].includes(entry.code));

const LATENCIES = [0, 300, 1000, 3000];
/** A latency this much past the request timeout makes every call time out (2201). */
const PAST_TIMEOUT_MS = 2000;
const POLL_MS = 400;
/** The faults listed, newest last. */
const LISTED = 12;

interface Props {
  readonly backend: DemoBackend;
  readonly t: LabStrings;
  readonly locale: string;
  /** Changes when the flow moves: the list of faults is read again at once. */
  readonly trigger: string;
  readonly offline: boolean;
  readonly latency: number;
  readonly scenario: Scenario;
  readonly onOffline: (offline: boolean) => void;
  readonly onLatency: (ms: number) => void;
  readonly onScenario: (scenario: Scenario) => void;
}

/** The faults armed in this run, read from wherever they are decided, again whenever `trigger` changes. */
const useFaults = (backend: DemoBackend, trigger: string): readonly DemoFault[] => {
  const [faults, setFaults] = useState<readonly DemoFault[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: trigger is the reason to read again
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await backend.faults();
        if (!stopped) setFaults((previous) => (sameFaults(previous, next) ? previous : next));
      } catch {
        // The server went away or is restarting: keep what we have and look again.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [backend, trigger]);
  return faults;
};

const sameFaults = (a: readonly DemoFault[], b: readonly DemoFault[]): boolean =>
  a.length === b.length &&
  a.every((fault, i) => fault.key === b[i]?.key && fault.firedBy?.at === b[i]?.firedBy?.at);

/** The simulator's controls: fail the next calls of an operation, the network, latency, the account. */
export function FaultPanel(props: Props) {
  const { backend, t, locale, offline, latency, scenario } = props;
  const id = useId();
  const [operation, setOperation] = useState<Operation>("smscode.set");
  const [code, setCode] = useState<ErrorCode>(2310);
  const [times, setTimes] = useState(1);
  const [problem, setProblem] = useState<string | null>(null);
  const faults = useFaults(backend, props.trigger);
  const codes = codesFor(operation);
  const decider = backend.deciderOf(operation, code);
  const timeoutSeconds = backend.requestTimeoutMs / 1000;

  const chooseOperation = (next: Operation) => {
    setOperation(next);
    const first = codesFor(next)[0];
    if (first && !codesFor(next).some((entry) => entry.code === code)) setCode(first.code);
  };

  const inject = async () => {
    try {
      await backend.failNext(operation, code, times);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const explanation =
    code === 2202
      ? t.explain2202[decider === "page" ? "page" : "simulator"]
      : code === 2201
        ? decider === "server"
          ? t.explain2201.server(timeoutSeconds)
          : t.explain2201.simulator
        : code === 2316
          ? t.explain2316
          : null;

  const pastTimeout = backend.requestTimeoutMs + PAST_TIMEOUT_MS;
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

  return (
    <section className="panel faults" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.controlsTitle}</h2>
      <p className="note">
        {t.backend}{" "}
        <strong data-testid="backend">{backend.kind === "http" ? t.backendHttp : t.backendEmbedded}</strong>
        {" · "}
        <span data-testid="request-timeout">{t.requestTimeout(timeoutSeconds)}</span>
      </p>

      <div className="fieldsets">
        <fieldset className="fail-next">
          <legend>{t.failLegend}</legend>
          <div className="fail-fields">
            <div className="field">
              <label htmlFor={`${id}-operation`}>{t.operation}</label>
              <select
                id={`${id}-operation`}
                value={operation}
                onChange={(event) => chooseOperation(event.target.value as Operation)}
              >
                {OPERATIONS.map((op) => (
                  <option key={op} value={op}>
                    {op}
                  </option>
                ))}
              </select>
            </div>
            <div className="field code">
              <label htmlFor={`${id}-code`}>{t.errorCode}</label>
              <select
                id={`${id}-code`}
                value={code}
                onChange={(event) => setCode(Number(event.target.value) as ErrorCode)}
              >
                {codes.map((entry) => (
                  <option key={entry.code} value={entry.code}>
                    {entry.code} — {entry.label.replace("[Component]", "StrongAuthentication")} (
                    {entry.recovery})
                  </option>
                ))}
              </select>
            </div>
            <div className="field times">
              <label htmlFor={`${id}-times`}>{t.times}</label>
              <input
                id={`${id}-times`}
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_FAULT_TIMES}
                value={times}
                onChange={(event) =>
                  setTimes(
                    Math.min(MAX_FAULT_TIMES, Math.max(1, Math.trunc(Number(event.target.value)) || 1)),
                  )
                }
              />
            </div>
          </div>
          <p className="note decider" data-testid="decider">
            {t.decidedBy[decider]}
            {explanation && <> {explanation}</>}
          </p>
          <button type="button" onClick={inject}>
            {t.failNext(operation, times)}
          </button>
          {problem && (
            <p className="problem" role="status">
              {problem}
            </p>
          )}
          <h3 className="faults-heading" id={`${id}-faults`}>
            {t.faultsHeading}
          </h3>
          {faults.length === 0 ? (
            <p className="note">{t.noFaults}</p>
          ) : (
            <ol className="fault-list" aria-labelledby={`${id}-faults`} aria-live="polite">
              {faults.slice(-LISTED).map((fault) => (
                <FaultLine key={fault.key} fault={fault} t={t} time={time} />
              ))}
            </ol>
          )}
        </fieldset>

        <fieldset>
          <legend>{t.networkLegend}</legend>
          <label className="inline">
            <input
              type="checkbox"
              checked={offline}
              onChange={(event) => props.onOffline(event.target.checked)}
            />{" "}
            {t.offline}
          </label>
          <label htmlFor={`${id}-latency`}>{t.latency}</label>
          <select
            id={`${id}-latency`}
            value={latency}
            onChange={(event) => props.onLatency(Number(event.target.value))}
          >
            {LATENCIES.map((ms) => (
              <option key={ms} value={ms}>
                {ms === 0 ? t.noLatency : `${ms} ms`}
              </option>
            ))}
            <option value={pastTimeout}>{t.latencyPastTimeout(pastTimeout / 1000, timeoutSeconds)}</option>
          </select>
        </fieldset>

        <fieldset>
          <legend>{t.accountLegend}</legend>
          <label htmlFor={`${id}-scenario`}>{t.startOverWith}</label>
          <select
            id={`${id}-scenario`}
            value={scenario}
            onChange={(event) => props.onScenario(event.target.value as Scenario)}
          >
            {(Object.keys(scenarios) as Scenario[]).map((name) => (
              <option key={name} value={name}>
                {t.scenarios[name]}
              </option>
            ))}
          </select>
        </fieldset>
      </div>
    </section>
  );
}

function FaultLine({
  fault,
  t,
  time,
}: {
  readonly fault: DemoFault;
  readonly t: LabStrings;
  readonly time: Intl.DateTimeFormat;
}) {
  const hit = fault.firedBy;
  const call =
    hit === null
      ? null
      : hit.callNumber === null
        ? hit.call
        : `${hit.call}, ${fault.decidedBy === "page" ? t.requestNumber(hit.callNumber) : t.callNumber(hit.callNumber)}`;
  return (
    <li
      className={hit === null ? "fault armed" : "fault fired"}
      data-fault-state={hit === null ? "armed" : "fired"}
      data-operation={fault.operation}
      data-code={fault.code}
    >
      <span className="fault-state">{hit === null ? t.armed : t.fired}</span> <code>{fault.operation}</code> →{" "}
      <strong>{fault.code}</strong> <span className="fault-by">({t.deciders[fault.decidedBy]})</span>
      {hit !== null && call !== null && (
        <span className="fault-hit"> {t.firedOn(call, time.format(hit.at))}</span>
      )}
      {hit !== null && fault.code === 2316 && (
        // The first 2316 comes from the activation's post-synchronisation, which the flow retries by itself;
        // one from that retry (`token.synchronize`) leaves the flow waiting for the user.
        <p className="fault-note">{hit.call === "token.synchronize" ? t.stalled2316 : t.recovered2316}</p>
      )}
    </li>
  );
}
