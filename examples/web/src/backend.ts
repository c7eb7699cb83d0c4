import {
  createHttpTransport,
  createSimulator,
  createSimulatorControls,
  type ErrorCode,
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
 * What the demo runs on, and the simulator's handles the phone and the fault panel use. The enrollment
 * flow itself sees only `services`, as an app would.
 */
export interface DemoBackend {
  readonly kind: "http" | "embedded";
  /** Fresh services for a new run, on a simulated account reset to `scenario`. */
  prepare(scenario: Scenario): Promise<Services>;
  /** The SMS the simulated backend sent in this run, oldest first. */
  outbox(): Promise<readonly SentSms[]>;
  failNext(operation: Operation, code: ErrorCode): Promise<void>;
  setOffline(offline: boolean): Promise<void>;
  setLatency(ms: number): Promise<void>;
}

/**
 * On `smscode.set`, 2308-2317 come out of the device's inWebo token and 2344 from its configuration, not
 * from the backend: they are injected on the token in the page, the reference server refuses them.
 */
const comesFromToken = (operation: Operation, code: ErrorCode): boolean =>
  operation === "smscode.set" && (code === 2344 || (code >= 2308 && code <= 2317));

/** The token and backend both simulated in the page: no server needed. */
export const createEmbeddedBackend = (): DemoBackend => {
  let simulator: Simulator = createSimulator();
  let offline = false;
  let latency = 0;
  return {
    kind: "embedded",
    async prepare(scenario) {
      simulator = createSimulator(scenarios[scenario]);
      simulator.setOffline(offline);
      simulator.setLatency(latency);
      return simulator.services;
    },
    async outbox() {
      return [...simulator.outbox];
    },
    async failNext(operation, code) {
      simulator.failNext(operation, code);
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

const randomToken = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `demo-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
};

/**
 * The reference server as the PIMS backend, over HTTP, with the device's token simulated in the page —
 * as on a phone, where the token stays on the device while the transport reaches the backend. The
 * session is this page's own bearer token, so two tabs never share an SMS or a fault.
 */
export const createHttpBackend = (baseUrl: string, timeoutMs: number): DemoBackend => {
  const token = randomToken();
  const transport = createHttpTransport({ baseUrl, getAccessToken: () => token, timeoutMs });
  const controls = createSimulatorControls({ baseUrl, token });
  let device: Simulator = createSimulator();
  let offline = false;
  let latency = 0;
  return {
    kind: "http",
    async prepare(scenario) {
      const { tokenConfigured, ...account } = scenarios[scenario] as SimulatorOptions;
      await controls.configure(account);
      if (offline) await controls.setOffline(true);
      if (latency > 0) await controls.setLatency(latency);
      device = createSimulator(tokenConfigured === undefined ? {} : { tokenConfigured });
      return { ...device.services, transport };
    },
    outbox: () => controls.outbox(),
    async failNext(operation, code) {
      if (comesFromToken(operation, code)) device.failNext(operation, code);
      else await controls.failNext(operation, code);
    },
    async setOffline(flag) {
      offline = flag;
      await controls.setOffline(flag);
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
