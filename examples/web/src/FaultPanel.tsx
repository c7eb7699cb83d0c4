import { useId, useState } from "react";
import { type DemoBackend, type Scenario, scenarios } from "./backend";
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

const SCENARIO_NAMES: Record<Scenario, string> = {
  newDevice: "New device, enrolls with a new PIN",
  alreadyEnrolled: "Account already enrolled (existing PIN)",
  deviceActivated: "Device already activated",
  accountBlocked: "Account blocked",
  pinBlocked: "PIN blocked",
  noTrustedPhone: "No trusted phone number",
  tokenNotConfigured: "inWebo token not configured",
};

const LATENCIES = [0, 300, 1000, 3000];

interface Props {
  readonly backend: DemoBackend;
  readonly offline: boolean;
  readonly latency: number;
  readonly scenario: Scenario;
  readonly onOffline: (offline: boolean) => void;
  readonly onLatency: (ms: number) => void;
  readonly onScenario: (scenario: Scenario) => void;
}

/** The simulator's controls: fail the next call of an operation, the network, latency, the account. */
export function FaultPanel({ backend, offline, latency, scenario, onOffline, onLatency, onScenario }: Props) {
  const id = useId();
  const [operation, setOperation] = useState<Operation>("smscode.set");
  const [code, setCode] = useState<ErrorCode>(2310);
  const [armed, setArmed] = useState<readonly { id: number; text: string }[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const codes = codesFor(operation);

  const chooseOperation = (next: Operation) => {
    setOperation(next);
    const first = codesFor(next)[0];
    if (first && !codesFor(next).some((entry) => entry.code === code)) setCode(first.code);
  };

  const inject = async () => {
    try {
      await backend.failNext(operation, code);
      setProblem(null);
      setArmed((list) => [
        ...list.slice(-4),
        { id: (list.at(-1)?.id ?? 0) + 1, text: `next ${operation} fails with ${code}` },
      ]);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section className="panel faults" aria-labelledby={`${id}-title`} lang="en">
      <h2 id={`${id}-title`}>Simulator controls</h2>
      <p className="note">
        Backend:{" "}
        <strong data-testid="backend">
          {backend.kind === "http" ? "reference server over HTTP" : "embedded simulator (in the page)"}
        </strong>
      </p>

      <div className="fieldsets">
        <fieldset className="fail-next">
          <legend>Fail the next call</legend>
          <label htmlFor={`${id}-operation`}>Operation</label>
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
          <label htmlFor={`${id}-code`}>Error code</label>
          <select
            id={`${id}-code`}
            value={code}
            onChange={(event) => setCode(Number(event.target.value) as ErrorCode)}
          >
            {codes.map((entry) => (
              <option key={entry.code} value={entry.code}>
                {entry.code} — {entry.label.replace("[Component]", "StrongAuthentication")} ({entry.recovery})
              </option>
            ))}
          </select>
          <button type="button" onClick={inject}>
            Fail next {operation}
          </button>
          {armed.length > 0 && (
            <ul className="armed" aria-live="polite">
              {armed.map((line) => (
                <li key={line.id}>{line.text}</li>
              ))}
            </ul>
          )}
          {problem && (
            <p className="problem" role="status">
              {problem}
            </p>
          )}
        </fieldset>

        <fieldset>
          <legend>Network</legend>
          <label className="inline">
            <input type="checkbox" checked={offline} onChange={(event) => onOffline(event.target.checked)} />{" "}
            Offline
          </label>
          <label htmlFor={`${id}-latency`}>Latency</label>
          <select
            id={`${id}-latency`}
            value={latency}
            onChange={(event) => onLatency(Number(event.target.value))}
          >
            {LATENCIES.map((ms) => (
              <option key={ms} value={ms}>
                {ms === 0 ? "none" : `${ms} ms`}
              </option>
            ))}
          </select>
        </fieldset>

        <fieldset>
          <legend>Account</legend>
          <label htmlFor={`${id}-scenario`}>Start over with</label>
          <select
            id={`${id}-scenario`}
            value={scenario}
            onChange={(event) => onScenario(event.target.value as Scenario)}
          >
            {(Object.keys(scenarios) as Scenario[]).map((name) => (
              <option key={name} value={name}>
                {SCENARIO_NAMES[name]}
              </option>
            ))}
          </select>
        </fieldset>
      </div>
    </section>
  );
}
