import { type AnyMachineSnapshot, getInitialSnapshot, getNextSnapshot } from "xstate";
import { documentedPairs, type ErrorCode, type Operation } from "../errors/index.js";
import { enrollmentMachine } from "../machines/enrollment.machine.js";
import type { EnrollmentEvent, EnrollmentInput } from "../machines/types.js";
import type { SimulatorOptions } from "../services/simulator/types.js";
import { toViewModel } from "../view/toViewModel.js";
import { restingStateIds, stateIdsOf, transitionsTaken } from "./coverage.js";
import {
  actorOperation,
  isOutcomeEvent,
  MALFORMED_CODE,
  type ModelEvent,
  type ModelPath,
  type OutcomeEvent,
  outcomeEvent,
  pendingActors,
  replay,
  type SuccessVariant,
  transitionPaths,
} from "./model.js";
import { describeAction } from "./run.js";
import { scenarioEvents, scenarioOutcomes } from "./scenario-model.js";
import type {
  Coverage,
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
const accountOf = (events: readonly ModelEvent[]): SimulatorOptions | undefined => {
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

/**
 * The failure an answer needs armed on the simulator before the action that makes the call; none for a
 * success, a wrong code's 2305 (the code typed is wrong) or a 2202 while offline (the simulator is).
 */
const armed = (event: OutcomeEvent, online: boolean): ScenarioAction | undefined => {
  const { outcome, actorId } = event;
  if (outcome.kind !== "code") return undefined;
  if (outcome.code === 2202 && !online) return undefined;
  if (actorId === "validateCode" && outcome.code === 2305) return undefined;
  const operation = actorOperation[actorId] ?? "smscode.set";
  return { type: "failNext", operation, code: outcome.code };
};

const actionOf = (
  event: EnrollmentEvent,
  answers: readonly OutcomeEvent[],
  waitMs: number,
): ScenarioAction => {
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
        (a) => a.actorId === "validateCode" && a.outcome.kind === "code" && a.outcome.code === 2305,
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
      // Sent by a restored actor only (a validation waiting with the code it no longer holds); the
      // scenario model makes no restore, so a path with it is a bug of the model.
      throw new Error(
        "a scenario cannot lose the typed code: it comes from a restore, which no scenario makes",
      );
  }
};

const describeAccount = (account: SimulatorOptions): string => {
  const entries = Object.entries(account);
  return entries.length === 0 ? "" : `[${entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", ")}] `;
};

/** The events of a path grouped by what sets them off: a person's or the clock's event, then the answers. */
const triggered = (events: readonly ModelEvent[]) => {
  const groups: { trigger: EnrollmentEvent; answers: OutcomeEvent[] }[] = [];
  for (const event of events) {
    if (isOutcomeEvent(event)) groups.at(-1)?.answers.push(event);
    else groups.push({ trigger: event, answers: [] });
  }
  return groups;
};

// biome-ignore lint/suspicious/noExplicitAny: done events are not in the machine's event union
const logic = enrollmentMachine as any;

/**
 * A path that ends with a call in flight goes on as the simulator would answer: the success the path's
 * account gives (2202 while offline), until no call is in flight.
 */
const settled = (events: readonly ModelEvent[]): ModelEvent[] => {
  const done = [...events];
  const variants = new Set(
    done.flatMap((e) => (isOutcomeEvent(e) && e.outcome.kind === "ok" ? [e.outcome.variant] : [])),
  );
  for (;;) {
    const state = replay(done).at(-1)?.state;
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
const toScenario = (path: ModelPath, waitingTimers: EnrollmentInput): CoveredScenario | undefined => {
  let pathEvents = settled(path.map((step) => step.event));
  // A flow still on its first screen (the network changed there) is started, to end it with `cancel`.
  if (replay(pathEvents).at(-1)?.state.value === "idle")
    pathEvents = settled([...pathEvents, { type: "start" }]);
  const account = accountOf(pathEvents);
  if (!account) return undefined;
  const waits = pathEvents.some((e) => !isOutcomeEvent(e) && e.type.startsWith("deadline."));
  const timers = waits ? waitingTimers : undefined;
  const groups = triggered(pathEvents);
  if (replay(pathEvents).at(-1)?.state.status === "active")
    groups.push({ trigger: { type: "cancel" }, answers: [] });

  // Replayed with the scenario's limits, each answer dated at the scenario's clock, as a driver's actor dates them.
  let now = 0;
  let state: AnyMachineSnapshot = getInitialSnapshot(logic, timers);
  const events: ModelEvent[] = [];
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
      const failure = armed(answer, state.context.online);
      if (failure) arming.push(failure);
      const dated = outcomeEvent(answer.actorId, answer.outcome, now);
      events.push(dated);
      state = getNextSnapshot(logic, state, dated);
      states.push(state);
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

/** Every scenario the model yields, each with what it covers (for tests and for choosing subsets). */
export const coveredScenarios = (options: GenerateScenariosOptions = {}): CoveredScenario[] => {
  const timers = { ...WAITING_TIMERS, ...options.timers };
  const byName = new Map<string, CoveredScenario>();
  for (const path of transitionPaths(scenarioEvents)) {
    const covered = toScenario(path, timers);
    if (covered && !byName.has(covered.scenario.name)) byName.set(covered.scenario.name, covered);
  }
  const all = [...byName.values()];
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
 * a person, the network and the simulator can make the flow take, and produce every documented
 * (operation, code) pair of the smscode API, 2305 and 2306. Plain JSON data, names unique.
 */
export const generateScenarios = (options?: GenerateScenariosOptions): Scenario[] =>
  coveredScenarios(options).map((covered) => covered.scenario);
