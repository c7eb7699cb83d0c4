import type { ErrorCode, Operation } from "../errors/index.js";
import type { EnrollmentLimits, EnrollmentOutput } from "../machines/types.js";
import type { SimulatorOptions } from "../services/simulator/types.js";

/**
 * A call the engine makes to its facade: `initialize` (with the app's config), an operation
 * (`pims.get` / `pims.set`), or the token's post-synchronisation.
 */
export type FacadeCall = "initialize" | Operation | "synchronize";

/** What the person (or the network, or the clock, or the backend, or the app) does at one step of a scenario. */
export type ScenarioAction =
  | { readonly type: "start" }
  /** `right`: the code the simulated phone received last; `wrong`: that code with a digit changed. */
  | { readonly type: "typeCode"; readonly code: "right" | "wrong" | "malformed" }
  | { readonly type: "resend" }
  | { readonly type: "retry" }
  | { readonly type: "cancel" }
  | { readonly type: "goOffline" }
  | { readonly type: "goOnline" }
  /** Time passes: `ms` milliseconds, on the driver's clock. */
  | { readonly type: "wait"; readonly ms: number }
  /**
   * The next call of `operation` on the driver's simulator fails with `code`; with `after`, the call
   * after that many more of `operation` (the simulator's `failNext(operation, code, { after })`).
   */
  | {
      readonly type: "failNext";
      readonly operation: Operation;
      readonly code: ErrorCode;
      readonly after?: number;
    }
  /**
   * The next call of `operation` reaches the backend, which does its work (sends the SMS, checks the
   * code), but its answer never comes back: the flow waits for it until the app is relaunched.
   */
  | { readonly type: "holdNext"; readonly operation: Operation }
  /**
   * The app is killed and launched again: the flow is restored from the snapshot it persisted
   * (`getPersistedSnapshot()`, through JSON) on the same simulator, at the same time.
   */
  | { readonly type: "relaunch" }
  /** Before `start`: the app's config is one `initialize` refuses (2006), as a misconfigured build's. */
  | { readonly type: "misconfigure" }
  /**
   * The engine's next `call` of its facade throws (with `after`, the call after that many more): a bug,
   * which the flow answers with its "unexpected" path (failed, 2000).
   */
  | { readonly type: "throwNext"; readonly call: FacadeCall; readonly after?: number };

/**
 * What a driver can do, for `generateScenarios({ actions })`: an action's `type`, and `failNextAfter`
 * for a `failNext` with `after` (a page's hook may pass only the operation and the code).
 */
export type ActionKind = ScenarioAction["type"] | "failNextAfter";

/** What the screen shows after a step, in the view model's terms (`toViewModel`). */
export interface ScreenExpectation {
  readonly step: string;
  /** The step's substate (`editing`, `stalled`…); absent when the step has none. */
  readonly phase?: string;
  /** The error the screen shows; `null` when it shows none; absent on screens where it does not matter. */
  readonly errorCode?: ErrorCode | null;
  /** On code entry: the attempts left that the screen shows. */
  readonly attemptsLeft?: number;
}

/** One step: an action, then what the screen must show once the flow has settled. */
export interface ScenarioStep {
  readonly action: ScenarioAction;
  readonly expect: ScreenExpectation;
}

/** A generated test of an enrollment UI: plain JSON data. */
export interface Scenario {
  /** Unique among the scenarios of one `generateScenarios()`. */
  readonly name: string;
  /** The simulated account the flow starts from (`createSimulator`'s options). */
  readonly account: SimulatorOptions;
  /** The flow's limits, when the scenario needs its own (it waits for a deadline). */
  readonly timers?: Partial<EnrollmentLimits>;
  readonly steps: readonly ScenarioStep[];
  /** The `outcome` of the flow's final output. */
  readonly outcome: EnrollmentOutput["outcome"];
}

/** What a driver reads off the screen. */
export interface ScreenReading {
  readonly step: string | null;
  readonly phase: string | null;
  readonly errorCode: number | null;
  /** The attempts left the screen shows, `null` when it shows none. */
  readonly attemptsLeft?: number | null;
}

/**
 * How `runScenario` works a UI: it opens the UI on the scenario's account, performs each action and
 * reads the screen. The driver owns the simulator its UI runs on.
 */
export interface Driver {
  open(scenario: Scenario): Promise<void>;
  perform(action: ScenarioAction): Promise<void>;
  read(): Promise<ScreenReading>;
  close(): Promise<void>;
}

/** What the generated scenarios must cover together. */
export type Coverage = "transitions" | "states" | "pairs";

/** `generateScenarios`' options: a subset to cover, and the limits of the scenarios that wait. */
export interface GenerateScenariosOptions {
  /**
   * Only a subset that still covers these (chosen greedily, most new coverage first): `transitions`,
   * every transition of the statechart the full set takes; `states`, every state it reaches; `pairs`,
   * every documented (operation, code) pair of the smscode API, 2305 and 2306. Default: every scenario.
   */
  readonly cover?: readonly Coverage[];
  /**
   * Only the scenarios whose every action the driver can do: the kinds it supports (`ActionKind`), chosen
   * before `cover`. Default: every kind; one that is not a kind throws a `TypeError`. The pages of this
   * repository's examples, for instance, take `basicActions` (no `holdNext`, `relaunch`, `misconfigure`,
   * `throwNext` or `failNextAfter`).
   */
  readonly actions?: readonly ActionKind[];
  /** The limits of the scenarios that wait for a deadline; default a 1 s resend cooldown and a 4 s code. */
  readonly timers?: Pick<Partial<EnrollmentLimits>, "resendCooldownMs" | "codeLifetimeMs">;
}
