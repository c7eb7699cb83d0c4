import { createHolds, fetchWithoutAnswer, withHolds } from "./holds";
import {
  API_PATHS,
  createHttpTransport,
  createSimulator,
  createSimulatorControls,
  type ErrorCode,
  type FaultRecord,
  type Operation,
  type SentSms,
  type Services,
  type Simulator,
  type SimulatorOptions,
} from "./pims";

/** The simulated account a run starts from. */
export const scenarios = {
  newDevice: {},
  alreadyEnrolled: { alreadyEnrolled: true },
  deviceActivated: { deviceActivated: true },
  accountBlocked: { accountBlocked: "AccountBlocked" },
  pinBlocked: { accountBlocked: "PINBlocked" },
  noTrustedPhone: { phoneNumber: null },
  tokenNotConfigured: { tokenConfigured: false },
} as const satisfies Record<string, SimulatorOptions>;

export type Scenario = keyof typeof scenarios;

export const isScenario = (name: string | null): name is Scenario =>
  name !== null && Object.hasOwn(scenarios, name);

/**
 * Who decides an armed fault: the simulated backend (the reference server over HTTP, or the simulator
 * in the page), the device's inWebo token (simulated in the page in both cases), or the page's own
 * network, which over HTTP fails a request before it leaves the page.
 */
export type FaultDecider = "server" | "simulator" | "token" | "page";

/** A fault as its decider reports it (the reference server's codes arrive as plain numbers). */
type ReportedFault = Omit<FaultRecord, "code"> & { readonly code: number };

/** An armed fault as the panel shows it: armed while `firedBy` is `null`, then fired by that call. */
export interface DemoFault extends ReportedFault {
  /** Unique in the run: the decider and its own id. */
  readonly key: string;
  readonly decidedBy: FaultDecider;
}

/**
 * What the demo runs on, and the simulator's handles the phone and the fault panel use. The enrollment
 * flow itself sees only `services`, as an app would.
 */
export interface DemoBackend {
  readonly kind: "http" | "embedded";
  /** The flow's request timeout: past it a call fails with 2201. */
  readonly requestTimeoutMs: number;
  /** Fresh services for a new run, on a simulated account reset to `scenario`. */
  prepare(scenario: Scenario): Promise<Services>;
  /**
   * The session the simulated backend keeps beyond the page, which a reload takes up again: the reference
   * server's session (the page's bearer token). `null` for the simulator in the page, whose account and
   * SMS code live in the page's memory only.
   */
  readonly session: string | null;
  /**
   * The services of the run a reload interrupted, on the session as the server kept it (its account, its
   * SMS and code, its armed faults); the device's token, simulated in the page, starts afresh. Only where
   * there is a `session`.
   */
  resume?(scenario: Scenario): Promise<Services>;
  /** The SMS the simulated backend sent in this run, oldest first. */
  outbox(): Promise<readonly SentSms[]>;
  /** Who will decide `code` on `operation` on this backend. */
  deciderOf(operation: Operation, code: ErrorCode): FaultDecider;
  /** The next `times` calls of `operation` fail with `code`, each one, where the code is decided. */
  failNext(operation: Operation, code: ErrorCode, times: number): Promise<void>;
  /**
   * The next call of `operation` reaches the simulated backend, which does its work, but its answer never
   * comes back to the flow (the page's network drops it).
   */
  holdNext(operation: Operation): Promise<void>;
  /** Every fault armed in this run, oldest first, armed or fired. */
  faults(): Promise<readonly DemoFault[]>;
  setOffline(offline: boolean): Promise<void>;
  setLatency(ms: number): Promise<void>;
}

/** What every run's simulated backend starts with besides its scenario: the code lifetime of `?lifetime`. */
export interface BackendOptions {
  readonly requestTimeoutMs: number;
  readonly codeLifetimeMs?: number | undefined;
}

/**
 * On `smscode.set`, 2308-2317 come out of the device's inWebo token and 2344 from its configuration, not
 * from the backend: they are injected on the token in the page, the reference server refuses them.
 */
const comesFromToken = (operation: Operation, code: ErrorCode): boolean =>
  operation === "smscode.set" && (code === 2344 || (code >= 2308 && code <= 2317));

/** How many calls one `failNext` may fail: what the simulator and the reference server take. */
export const MAX_FAULT_TIMES = 100;

const tagged = (faults: readonly ReportedFault[], decidedBy: FaultDecider): DemoFault[] =>
  faults.map((fault) => ({ ...fault, key: `${decidedBy}-${fault.id}`, decidedBy }));

const byArming = (a: DemoFault, b: DemoFault) => a.armedAt - b.armedAt;

const accountOf = (scenario: Scenario, options: BackendOptions): SimulatorOptions => ({
  ...scenarios[scenario],
  // The SMS's origin-bound line names this page's host, so that the browser offers its code (WebOTP).
  webOtpHost: window.location.hostname,
  ...(options.codeLifetimeMs === undefined ? {} : { codeLifetimeMs: options.codeLifetimeMs }),
});

/** The token and backend both simulated in the page: no server needed. */
export const createEmbeddedBackend = (options: BackendOptions): DemoBackend => {
  let simulator: Simulator = createSimulator();
  const holds = createHolds();
  let offline = false;
  let latency = 0;
  return {
    kind: "embedded",
    session: null,
    requestTimeoutMs: options.requestTimeoutMs,
    async prepare(scenario) {
      simulator = createSimulator(accountOf(scenario, options));
      simulator.setOffline(offline);
      simulator.setLatency(latency);
      holds.reset();
      return { ...simulator.services, transport: withHolds(simulator.services.transport, holds) };
    },
    async outbox() {
      return [...simulator.outbox];
    },
    deciderOf: (operation, code) => (comesFromToken(operation, code) ? "token" : "simulator"),
    async failNext(operation, code, times) {
      simulator.failNext(operation, code, { times });
    },
    async holdNext(operation) {
      holds.hold(operation);
    },
    async faults() {
      return simulator.faults.map((fault) => {
        const decidedBy = comesFromToken(fault.operation, fault.code) ? "token" : "simulator";
        return { ...fault, key: `${decidedBy}-${fault.id}`, decidedBy };
      });
    },
    async setOffline(flag) {
      offline = flag;
      simulator.setOffline(flag);
    },
    async setLatency(ms) {
      latency = ms;
      simulator.setLatency(ms);
    },
  };
};

const OPERATION_OF_PATH: Readonly<Record<string, Operation>> = {
  [API_PATHS.account]: "account.get",
  [API_PATHS.trustedPhoneNumber]: "trustedphonenumber.get",
  [API_PATHS.smsCode]: "smscode.get",
  [API_PATHS.smsCodeValidation]: "smscode.set",
};

/**
 * The page's own network, under the HTTP transport: offline, or with a 2202 armed on an operation, a
 * request fails as `fetch` fails without a connection, before anything is sent. A dropped connection on
 * the server's side would not do: the browser silently retries a request whose kept-alive connection
 * closed, and the retry goes through. A held operation's request is sent, and its response dropped.
 */
const createPageNetwork = (now: () => number) => {
  const holds = createHolds();
  let offline = false;
  let lastId = 0;
  let requests = 0;
  const records: { -readonly [K in keyof FaultRecord]: FaultRecord[K] }[] = [];
  const fetchThroughPage = (input: string, init: RequestInit): Promise<Response> => {
    requests += 1;
    const operation = OPERATION_OF_PATH[new URL(input).pathname];
    const armed = records.find((record) => record.operation === operation && record.firedBy === null);
    if (offline || armed !== undefined) {
      if (!offline && armed !== undefined)
        armed.firedBy = { call: armed.operation, callNumber: requests, at: now() };
      return Promise.reject(new TypeError("Failed to fetch: no network (decided in the page)"));
    }
    return holds.take(operation) ? fetchWithoutAnswer(input, init) : globalThis.fetch(input, init);
  };
  return {
    fetch: fetchThroughPage,
    arm(operation: Operation, times: number) {
      // As the simulator and the server refuse it: a count that arms nothing must not look armed.
      if (!Number.isInteger(times) || times < 1 || times > MAX_FAULT_TIMES) {
        throw new RangeError(`failNext: times must be an integer from 1 to ${MAX_FAULT_TIMES}`);
      }
      for (let i = 0; i < times; i++) {
        lastId += 1;
        records.push({ id: lastId, operation, code: 2202, armedAt: now(), firedBy: null });
      }
    },
    hold: holds.hold,
    records: (): readonly FaultRecord[] => records,
    setOffline(flag: boolean) {
      offline = flag;
    },
    reset() {
      records.length = 0;
      requests = 0;
      holds.reset();
    },
  };
};

const randomToken = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `demo-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
};

/**
 * The reference server as the PIMS backend, over HTTP, with the device's token simulated in the page —
 * as on a phone, where the token stays on the device while the transport reaches the backend. The
 * session is this page's own bearer token, so two tabs never share an SMS or a fault; a reload passes the
 * `session` it stored, to take the same one up again.
 */
export const createHttpBackend = (
  baseUrl: string,
  options: BackendOptions,
  session?: string,
): DemoBackend => {
  const token = session ?? randomToken();
  const network = createPageNetwork(Date.now);
  const transport = createHttpTransport({
    baseUrl,
    getAccessToken: () => token,
    timeoutMs: options.requestTimeoutMs,
    fetch: network.fetch,
  });
  const controls = createSimulatorControls({ baseUrl, token });
  let device: Simulator = createSimulator();
  let offline = false;
  let latency = 0;
  const deciderOf = (operation: Operation, code: ErrorCode): FaultDecider =>
    comesFromToken(operation, code) ? "token" : code === 2202 ? "page" : "server";
  /** The run's services: the reference server's transport, and the device's token afresh. */
  const servicesFor = (tokenConfigured: boolean | undefined): Services => {
    network.reset();
    device = createSimulator(tokenConfigured === undefined ? {} : { tokenConfigured });
    device.setOffline(offline);
    return { ...device.services, transport };
  };
  return {
    kind: "http",
    session: token,
    requestTimeoutMs: options.requestTimeoutMs,
    async prepare(scenario) {
      const { tokenConfigured, ...account } = accountOf(scenario, options);
      await controls.configure(account);
      if (latency > 0) await controls.setLatency(latency);
      return servicesFor(tokenConfigured);
    },
    async resume(scenario) {
      // The page's latency control starts at none: so does the session's.
      await controls.setLatency(latency);
      return servicesFor(accountOf(scenario, options).tokenConfigured);
    },
    outbox: () => controls.outbox(),
    deciderOf,
    async failNext(operation, code, times) {
      switch (deciderOf(operation, code)) {
        case "token":
          device.failNext(operation, code, { times });
          return;
        case "page":
          network.arm(operation, times);
          return;
        default:
          await controls.failNext(operation, code, { times });
      }
    },
    async holdNext(operation) {
      network.hold(operation);
    },
    async faults() {
      const server = tagged(await controls.faults(), "server");
      return [...server, ...tagged(device.faults, "token"), ...tagged(network.records(), "page")].sort(
        byArming,
      );
    },
    async setOffline(flag) {
      // The device is offline, not the server: nothing leaves the page, and the token cannot reach inWebo.
      offline = flag;
      network.setOffline(flag);
      device.setOffline(flag);
    },
    async setLatency(ms) {
      latency = ms;
      await controls.setLatency(ms);
    },
  };
};

/** The reference server answers `/healthz` when the page is served by `npm start`. */
export const referenceServerAvailable = async (baseUrl: string): Promise<boolean> => {
  try {
    const response = await fetch(`${baseUrl}/healthz`, { cache: "no-store" });
    return response.ok;
  } catch {
    return false;
  }
};
