import { type FlowRate, flowsOf, type Measurements } from "./measure";
import { type Spread, spreadOf } from "./statistics";
import type { Variant } from "./variants";

// The bench's targets and how they are judged.
//
// A speed target is a ratio of the engine's flows per second to another variant's. Each round measures both
// back to back, so a round's ratio is taken first and the target judges the median of those ratios over the
// rounds: a slow stretch of the shared machine slows both sides of a round alike, where it would shift one
// side's median more than the other's. Printed beside it, not judged: the ratio of the two medians, and the
// same per-round ratio by CPU time, which the machine's other processes do not disturb.
// The verdict looks at the middle half of the rounds (p25 to p75): PASS when all of it meets the target,
// FAIL when none of it does, NOISY when it straddles the threshold, which says this run cannot judge it.

export type Verdict = "pass" | "fail" | "noisy" | "not measured";

interface Target {
  readonly id: string;
  readonly name: string;
}

export interface RatioJudgement extends Target {
  readonly kind: "ratio";
  /** engine / other, per round. */
  readonly of: readonly [Variant, Variant];
  readonly atLeast: number;
  /** The judged figure: engine/other flows per wall-clock second, per round. */
  readonly perRound: readonly number[];
  readonly spread: Spread;
  readonly ratioOfMedians: number;
  /** Not judged: engine/other flows per CPU second, per round. */
  readonly byCpuTime: Spread;
  readonly verdict: Verdict;
}

export interface BytesJudgement extends Target {
  readonly kind: "bytes";
  readonly atMost: number;
  /** One measurement: heap bytes do not move with the machine's load as timings do. */
  readonly bytes: number | null;
  readonly verdict: Verdict;
}

export type Judgement = RatioJudgement | BytesJudgement;

/** kB as size-limit counts it: 1,000 bytes. */
const PARKED_ACTOR_BUDGET = 8_000;

const perRoundRatio = (
  measurements: Measurements,
  [engine, other]: readonly [Variant, Variant],
  basis: keyof FlowRate,
) => measurements.rounds.map((round) => round[engine][basis] / round[other][basis]);

/** A parked engine actor's own bytes: the parked flow minus what the simulator recorded for it. */
export const bytesPerParkedActor = ({ bytesPerParkedFlow }: Measurements): number | null =>
  bytesPerParkedFlow.engine === null || bytesPerParkedFlow.simulator === null
    ? null
    : bytesPerParkedFlow.engine - bytesPerParkedFlow.simulator;

const ratioTarget = (
  measurements: Measurements,
  target: Target & { readonly of: readonly [Variant, Variant]; readonly atLeast: number },
): RatioJudgement => {
  const [engine, other] = target.of;
  const perRound = perRoundRatio(measurements, target.of, "perSecond");
  const spread = spreadOf(perRound);
  const verdict: Verdict =
    spread.p25 >= target.atLeast ? "pass" : spread.p75 < target.atLeast ? "fail" : "noisy";
  const ratioOfMedians =
    spreadOf(flowsOf(measurements, engine, "perSecond")).median /
    spreadOf(flowsOf(measurements, other, "perSecond")).median;
  const byCpuTime = spreadOf(perRoundRatio(measurements, target.of, "perCpuSecond"));
  return { ...target, kind: "ratio", perRound, spread, ratioOfMedians, byCpuTime, verdict };
};

export const judge = (measurements: Measurements): readonly Judgement[] => {
  const bytes = bytesPerParkedActor(measurements);
  return [
    ratioTarget(measurements, {
      id: "engineVsBareXstate",
      name: "engine ≥ 1/1.5 of bare XState",
      of: ["engine", "bareXstate"],
      atLeast: 1 / 1.5,
    }),
    ratioTarget(measurements, {
      id: "engineVsReducer",
      name: "engine ≥ 1/5 of the reducer",
      of: ["engine", "reducer"],
      atLeast: 1 / 5,
    }),
    {
      id: "bytesPerParkedActor",
      name: "≤ 8 kB per parked actor (its own bytes, the simulator's records excluded)",
      kind: "bytes",
      atMost: PARKED_ACTOR_BUDGET,
      bytes,
      verdict: bytes === null ? "not measured" : bytes <= PARKED_ACTOR_BUDGET ? "pass" : "fail",
    },
  ];
};
