import { type AnyMachineSnapshot, getInitialSnapshot, getNextSnapshot } from "xstate";
import { documentedPairs, type ErrorCode, type Operation } from "../errors/index.js";
import type { EnrollmentEvent, EnrollmentInput } from "../machines/types.js";
import type { SimulatorOptions } from "../services/simulator/types.js";
import { toViewModel } from "../view/toViewModel.js";
import { restingStateIds, stateIdsOf, transitionsTaken } from "./coverage.js";
import {
  type ActorId,
  actorOperation,
  isOutcomeEvent,
  isRestored,
  MALFORMED_CODE,
  type ModelPath,
  modelLogic,
  type OutcomeEvent,
  outcomeEvent,
  pendingActors,
  replay,
  type SuccessVariant,
  transitionPaths,
} from "./model.js";
import { describeAction } from "./run.js";
import {
  isThrowEvent,
  type ScenarioModelEvent,
  scenarioEvents,
  scenarioOutcomes,
  type ThrowEvent,
} from "./scenario-model.js";
import type {
  ActionKind,
  Coverage,
  FacadeCall,
  GenerateScenariosOptions,
  Scenario,
  ScenarioAction,
  ScenarioStep,
  ScreenExpectation,
} from "./types.js";

/** The limits of a scenario that waits for a deadline, short enough for a real browser's clock. */
const WAITING_TIMERS = { resendCooldownMs: 1_000, codeLifetimeMs: 4_000 } as const;

/** The (operation, code) pairs the scenarios must produce: the smscode API's documented ones, 2305 and 2306. */
export const targetPairs = (): string[] => [
  ...documentedPairs().map(({ operation, code }) => pairKey(operation, code)),
  pairKey("smscode.set", 2305),
  pairKey("smscode.set", 2306),
];

const pairKey = (operation: Operation, code: ErrorCode) => `${operation} ${code}`;

/** A scenario and what its flow covers, worked out from the model (the scenario itself is plain data). */
export interface CoveredScenario {
  readonly scenario: Scenario;
  readonly covers: Readonly<Record<Coverage, ReadonlySet<string>>>;
}

/** The simulated account a path's successes come from; `undefined` if they need two accounts. */
const accountOf = (events: readonly ScenarioModelEvent[]): SimulatorOptions | undefined => {
  const variants = new Set(
    events.flatMap((e) => (isOutcomeEvent(e) && e.outcome.kind === "ok" ? [e.outcome.variant] : [])),
  );
  const both = (a: SuccessVariant, b: SuccessVariant) => variants.has(a) && variants.has(b);
  if (
    both("activated", "notActivated") ||
    both("blocked", "notBlocked") ||
    both("phone", "noPhone") ||
    both("NotEnrolled", "AlreadyEnrolled")
  )
    return undefined;
  return {
    ...(variants.has("activated") ? { deviceActivated: true } : {}),
    ...(variants.has("blocked") ? { accountBlocked: "AccountBlocked" as const } : {}),
    ...(variants.has("noPhone") ? { phoneNumber: null } : {}),
    ...(variants.has("AlreadyEnrolled") ? { alreadyEnrolled: true } : {}),
  };
};

/** What the screen must show in a state, at `now`. */
const expectationOf = (state: AnyMachineSnapshot, now: number): ScreenExpectation => {
  const view = toViewModel(state as Parameters<typeof toViewModel>[0], { now });
  // A cancelled flow's screen need not repeat the error it was cancelled on.
  if (view.step === "cancelled") return { step: view.step };
  return {
    step: view.step,
    ...(view.phase === null ? {} : { phase: view.phase }),
    errorCode: view.error?.code ?? null,
    ...(view.canSubmit ? { attemptsLeft: view.attemptsLeft } : {}),
  };
};

/** The facade call each actor makes: `checkAccountBlock`'s is the second `account.get` of its step. */
const facadeCallOf: Record<ActorId, { readonly call: FacadeCall; readonly after?: number }> = {
  initializeFacade: { call: "initialize" },
  checkDeviceActivation: { call: "account.get" },
  checkAccountBlock: { call: "account.get", after: 1 },
  readTrustedPhone: { call: "trustedphonenumber.get" },
  requestCode: { call: "smscode.get" },
  validateCode: { call: "smscode.set" },
  synchronizeToken: { call: "synchronize" },
};

/**
 * What an answer needs armed before the action that makes the call: the failure on the simulator (none
 * for a success, a wrong code's 2305, the code typed being wrong, or a 2202 while offline, the simulator
 * being offline), the app's config for a 2006 of `initialize`, the engine's call throwing for a throw.
 */
const armed = (event: OutcomeEvent | ThrowEvent, online: boolean): ScenarioAction | undefined => {
  const { call, after } = facadeCallOf[event.actorId];
  if (isThrowEvent(event)) return { type: "throwNext", call, ...(after === undefined ? {} : { after }) };
  const { outcome, actorId } = event;
  if (outcome.kind !== "code") return undefined;
  if (outcome.code === 2202 && !online) return undefined;
  if (actorId === "validateCode" && outcome.code === 2305) return undefined;
  if (actorId === "initializeFacade") return { type: "misconfigure" };
  const operation = actorOperation[actorId] ?? "smscode.set";
  return { type: "failNext", operation, code: outcome.code, ...(after === undefined ? {} : { after }) };
};

const actionOf = (trigger: Trigger, answers: readonly Answer[], waitMs: number): ScenarioAction => {
  if (trigger.type === "relaunch") return { type: "relaunch" };
  const event = trigger as EnrollmentEvent;
  switch (event.type) {
    case "start":
    case "retry":
    case "cancel":
      return { type: event.type };
    case "code.resend":
      return { type: "resend" };
    case "code.submit": {
      if (event.code === MALFORMED_CODE) return { type: "typeCode", code: "malformed" };
      const refused = answers.some(
        (a) =>
          isOutcomeEvent(a) &&
          a.actorId === "validateCode" &&
          a.outcome.kind === "code" &&
          a.outcome.code === 2305,
      );
      return { type: "typeCode", code: refused ? "wrong" : "right" };
    }
    case "network.offline":
      return { type: "goOffline" };
    case "network.online":
      return { type: "goOnline" };
    case "deadline.resend":
    case "deadline.code":
      return { type: "wait", ms: waitMs };
    case "code.lost":
      // Sent by a restored actor (a validation waiting with the code it no longer holds): an answer to
      // the relaunch, never a trigger of its own.
      throw new Error("a scenario cannot lose the typed code but by a relaunch");
  }
};

const describeAccount = (account: SimulatorOptions): string => {
  const entries = Object.entries(account);
  return entries.length === 0 ? "" : `[${entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")}] `;
};

/** What sets events off: a person's, the network's, the clock's or the app's event. */
type Trigger = Exclude<ScenarioModelEvent, OutcomeEvent | ThrowEvent>;
/** What comes of it without anyone acting: the actors' answers or throws, and a restored flow's `code.lost`. */
type Answer = Exclude<ScenarioModelEvent, Trigger> | Extract<EnrollmentEvent, { type: "code.lost" }>;

const isAnswer = (event: ScenarioModelEvent): event is Answer =>
  isOutcomeEvent(event) || isThrowEvent(event) || event.type === "code.lost";

/** The events of a path grouped by what sets them off, each trigger then its answers. */
const triggered = (events: readonly ScenarioModelEvent[]) => {
  const groups: { trigger: Trigger; answers: Answer[] }[] = [];
  for (const event of events) {
    if (isAnswer(event)) groups.at(-1)?.answers.push(event);
    else groups.push({ trigger: event, answers: [] });
  }
  return groups;
};

const logic = modelLogic;

/**
 * A path that ends with a call in flight goes on as the simulator would answer: the success the path's
 * account gives (2202 while offline), until no call is in flight; one that ends on a relaunch, with what
 * the restore changes.
 */
const settled = (events: readonly ScenarioModelEvent[]): ScenarioModelEvent[] => {
  const done = [...events];
  const variants = new Set(
    done.flatMap((e) => (isOutcomeEvent(e) && e.outcome.kind === "ok" ? [e.outcome.variant] : [])),
  );
  for (;;) {
    const state = replay(done).at(-1)?.state;
    if (state && isRestored(state)) {
      done.push(...scenarioEvents(state));
      continue;
    }
    const actorId = state ? pendingActors(state)[0] : undefined;
    if (!state || actorId === undefined) return done;
    const candidates = scenarioOutcomes[actorId].filter((o) => o.kind === "ok");
    const answer =
      !state.context.online && actorId !== "initializeFacade"
        ? ({ kind: "code", code: 2202 } as const)
        : (candidates.find((o) => o.kind === "ok" && variants.has(o.variant)) ?? candidates[0]);
    if (!answer) return done;
    done.push(outcomeEvent(actorId, answer));
  }
};

/** A model path as a scenario a UI can follow, with what it covers; `undefined` if no one account fits. */
const toScenario = (
  path: ModelPath<ScenarioModelEvent>,
  waitingTimers: EnrollmentInput,
): CoveredScenario | undefined => {
  let pathEvents = settled(path.map((step) => step.event));
  // A flow still on its first screen (the network changed there) is started, to end it with `cancel`.
  if (replay(pathEvents).at(-1)?.state.value === "idle")
    pathEvents = settled([...pathEvents, { type: "start" }]);
  const account = accountOf(pathEvents);
  if (!account) return undefined;
  const waits = pathEvents.some((e) => e.type.startsWith("deadline."));
  const timers = waits ? waitingTimers : undefined;
  const groups = triggered(pathEvents);
  if (replay(pathEvents).at(-1)?.state.status === "active")
    groups.push({ trigger: { type: "cancel" }, answers: [] });

  // Replayed with the scenario's limits, each answer dated at the scenario's clock, as a driver's actor dates them.
  let now = 0;
  let state: AnyMachineSnapshot = getInitialSnapshot(logic, timers);
  const events: ScenarioModelEvent[] = [];
  const steps: ScenarioStep[] = [];
  const states: AnyMachineSnapshot[] = [];
  let shown: ScreenExpectation = { step: "idle", errorCode: null };
  for (const { trigger, answers } of groups) {
    if (trigger.type === "deadline.resend" || trigger.type === "deadline.code") {
      const { resendAvailableAt, codeExpiresAt } = state.context;
      const deadline = trigger.type === "deadline.resend" ? resendAvailableAt : codeExpiresAt;
      now = Math.max(now, deadline ?? now);
    }
    const waitMs = now - (steps.length === 0 ? 0 : elapsed(steps));
    events.push(trigger);
    state = getNextSnapshot(logic, state, trigger);
    states.push(state);
    const arming: ScenarioAction[] = [];
    for (const answer of answers) {
      const failure =
        isOutcomeEvent(answer) || isThrowEvent(answer) ? armed(answer, state.context.online) : undefined;
      if (failure) arming.push(failure);
      const dated = isOutcomeEvent(answer) ? outcomeEvent(answer.actorId, answer.outcome, now) : answer;
      events.push(dated);
      state = getNextSnapshot(logic, state, dated);
      states.push(state);
    }
    // A call still in flight once the answers are in is held, for the relaunch that comes next.
    for (const actorId of pendingActors(state)) {
      const operation = actorOperation[actorId];
      if (operation !== undefined) arming.push({ type: "holdNext", operation });
    }
    for (const action of arming) steps.push({ action, expect: shown });
    shown = expectationOf(state, now);
    steps.push({ action: actionOf(trigger, answers, waitMs), expect: shown });
  }
  const output = state.output as { outcome: Scenario["outcome"] } | undefined;
  if (!output) return undefined;
  const scenario: Scenario = {
    name: `${describeAccount(account)}${steps.map((s) => describeAction(s.action)).join(" → ")}`,
    account,
    ...(timers ? { timers } : {}),
    steps,
    outcome: output.outcome,
  };
  const resting = new Set(restingStateIds());
  const targets = new Set(targetPairs());
  const pairs = events.flatMap((e) => {
    if (!isOutcomeEvent(e) || e.outcome.kind !== "code") return [];
    const operation = actorOperation[e.actorId];
    return operation === undefined ? [] : [pairKey(operation, e.outcome.code)];
  });
  return {
    scenario,
    covers: {
      transitions: transitionsTaken(events, timers),
      states: new Set(states.flatMap((s) => stateIdsOf(s.value)).filter((id) => resting.has(id))),
      pairs: new Set(pairs.filter((p) => targets.has(p))),
    },
  };
};

/** The time the waits of `steps` add up to. */
const elapsed = (steps: readonly ScenarioStep[]): number =>
  steps.reduce((sum, { action }) => sum + (action.type === "wait" ? action.ms : 0), 0);

/**
 * The kinds of action a page that follows the documented convention (`window.pimsSimulator` with
 * `failNext`, `setOffline` and `lastCode`) supports: every kind but `holdNext`, `relaunch`,
 * `misconfigure`, `throwNext` and `failNextAfter`.
 */
export const basicActions: readonly ActionKind[] = [
  "start",
  "typeCode",
  "resend",
  "retry",
  "cancel",
  "goOffline",
  "goOnline",
  "wait",
  "failNext",
];

const allActions: readonly ActionKind[] = [
  ...basicActions,
  "holdNext",
  "relaunch",
  "misconfigure",
  "throwNext",
  "failNextAfter",
];

const kindOf = (action: ScenarioAction): ActionKind =>
  action.type === "failNext" && action.after !== undefined ? "failNextAfter" : action.type;

const checkActions = (actions: readonly ActionKind[] | undefined): readonly ActionKind[] => {
  if (actions === undefined) return allActions;
  if (!Array.isArray(actions)) throw new TypeError("generateScenarios: actions must be an array");
  for (const kind of actions) {
    if (!allActions.includes(kind))
      throw new TypeError(
        `generateScenarios: ${String(kind)} is not a kind of action (${allActions.join(", ")})`,
      );
  }
  return actions;
};

/** Every scenario the model yields, each with what it covers (for tests and for choosing subsets). */
export const coveredScenarios = (options: GenerateScenariosOptions = {}): CoveredScenario[] => {
  const supported = checkActions(options.actions);
  const timers = { ...WAITING_TIMERS, ...options.timers };
  const byName = new Map<string, CoveredScenario>();
  for (const path of transitionPaths(scenarioEvents)) {
    const covered = toScenario(path, timers);
    if (covered && !byName.has(covered.scenario.name)) byName.set(covered.scenario.name, covered);
  }
  const all = [...byName.values()].filter(({ scenario }) =>
    scenario.steps.every(({ action }) => supported.includes(kindOf(action))),
  );
  return options.cover === undefined ? all : cheapestCover(all, options.cover);
};

const stepCount = (c: CoveredScenario) => c.scenario.steps.length;

/** Greedy set cover: the scenario with the most still uncovered, fewer steps breaking ties. */
const cheapestCover = (all: readonly CoveredScenario[], criteria: readonly Coverage[]): CoveredScenario[] => {
  const unitsOf = (c: CoveredScenario) => criteria.flatMap((k) => [...c.covers[k]].map((u) => `${k}:${u}`));
  const uncovered = new Set(all.flatMap(unitsOf));
  const chosen: CoveredScenario[] = [];
  while (uncovered.size > 0) {
    let best: CoveredScenario | undefined;
    let bestGain = 0;
    for (const candidate of all) {
      const gain = unitsOf(candidate).filter((u) => uncovered.has(u)).length;
      if (
        gain > bestGain ||
        (gain === bestGain && best && gain > 0 && stepCount(candidate) < stepCount(best))
      ) {
        best = candidate;
        bestGain = gain;
      }
    }
    if (!best) break;
    chosen.push(best);
    for (const unit of unitsOf(best)) uncovered.delete(unit);
  }
  return chosen;
};

/**
 * Scenarios generated from `enrollmentMachine` with `xstate/graph`: together they take every transition
 * of the statechart (what a person, the network, the simulator and the app make the flow take: faults,
 * relaunches, a refused config, an engine call that throws), and produce every documented (operation,
 * code) pair of the smscode API, 2305 and 2306. Plain JSON data, names unique. `actions` keeps the
 * scenarios a driver can run, `cover` a subset of them.
 */
export const generateScenarios = (options?: GenerateScenariosOptions): Scenario[] =>
  coveredScenarios(options).map((covered) => covered.scenario);
