import {
  FACADE_CALLS_PER_ROUND,
  FLOWS_PER_ROUND,
  flowsOf,
  type Measurements,
  PARKED_ACTORS,
  ROUNDS,
} from "./measure";
import { type Spread, spreadOf } from "./statistics";
import { bytesPerParkedActor, type Judgement, type Verdict } from "./targets";
import { type Variant, variantNames } from "./variants";

// The bench's two outputs: the table a person reads, and `--json`. Both print the same figures.

const n = (value: number) => Math.round(value).toLocaleString("en-US");
const ratio = (value: number) => value.toFixed(2);
const middleHalf = (spread: Spread, format: (value: number) => string) =>
  `[${format(spread.p25)}–${format(spread.p75)}]`;

const VERDICT_LABELS: Record<Verdict, string> = {
  pass: "PASS ",
  fail: "FAIL ",
  noisy: "NOISY",
  "not measured": "SKIP ",
};

const targetLine = (judgement: Judgement): string => {
  const verdict = VERDICT_LABELS[judgement.verdict];
  if (judgement.kind === "bytes") {
    const figure =
      judgement.bytes === null
        ? "not measured (run with --expose-gc)"
        : `${n(judgement.bytes)} B (needs ≤ ${n(judgement.atMost)}; one measurement)`;
    return `  ${verdict}  ${judgement.name}: ${figure}`;
  }
  const [engine, other] = judgement.of;
  const figure = `${engine}/${other} = ${ratio(judgement.spread.median)} ${middleHalf(judgement.spread, ratio)}`;
  const needs = `needs ≥ ${ratio(judgement.atLeast)}`;
  const noisy = judgement.verdict === "noisy" ? "; the middle half straddles it: too noisy to judge" : "";
  return `  ${verdict}  ${judgement.name}: ${figure} (${needs}${noisy})`;
};

/** label, figure, its spread (or a note), and for flows the same by CPU time. */
type Row = readonly [string, string, string?, string?, string?];
const ALIGN_RIGHT = [false, true, false, true, false];

/** Columns padded to their widest cell; a row's last left-aligned cell runs on, so a note widens no column. */
const layout = (rows: readonly Row[]): string[] => {
  const counts = (row: Row, column: number) => ALIGN_RIGHT[column] === true || row.length > column + 1;
  const widths = ALIGN_RIGHT.map((_, column) =>
    Math.max(...rows.map((row) => (counts(row, column) ? (row[column]?.length ?? 0) : 0))),
  );
  return rows.map((row) =>
    row
      .map((cell, column) => {
        const text = cell ?? "";
        const width = widths[column] ?? 0;
        return ALIGN_RIGHT[column] ? text.padStart(width) : text.padEnd(width);
      })
      .join("  ")
      .trimEnd(),
  );
};

/** The table and the targets, as `npm run bench` prints them. */
export const table = (measurements: Measurements, judgements: readonly Judgement[]): string[] => {
  const parked = measurements.bytesPerParkedFlow;
  const bytes = (value: number | null) => (value === null ? "n/a (no --expose-gc)" : `${n(value)} B`);
  const own = (value: number | null) =>
    value === null || parked.simulator === null
      ? ""
      : `(${n(value - parked.simulator)} B without the simulator's share)`;
  const flows = (label: string, variant: Variant): Row => {
    const wall = spreadOf(flowsOf(measurements, variant, "perSecond"));
    const cpu = spreadOf(flowsOf(measurements, variant, "perCpuSecond"));
    return [label, `${n(wall.median)} flows/s`, middleHalf(wall, n), n(cpu.median), middleHalf(cpu, n)];
  };
  const ratioRows = judgements.flatMap((judgement): Row[] =>
    judgement.kind === "ratio"
      ? [
          [
            `    ${judgement.of.join("/")}, median of the rounds' ratios (judged)`,
            ratio(judgement.spread.median),
            middleHalf(judgement.spread, ratio),
            ratio(judgement.byCpuTime.median),
            middleHalf(judgement.byCpuTime, ratio),
          ],
          [`    ${judgement.of.join("/")}, ratio of the medians above`, ratio(judgement.ratioOfMedians)],
        ]
      : [],
  );
  const facade = spreadOf(measurements.facadeCallsPerSecond);
  const paths = measurements.pathGeneration;
  const pathMs = spreadOf(paths.ms);
  const rows: Row[] = [
    ["", "median", "[p25–p75]", "by CPU time", "[p25–p75]"],
    flows("(1) full flow, engine (createEnrollmentActor + simulator)", "engine"),
    flows("(2) full flow, bare XState machine of the same shape, no facade", "bareXstate"),
    flows("    for reference: (2) with machine.provide() per actor", "bareXstateProvided"),
    flows("(3) full flow, hand-written reducer", "reducer"),
    ...ratioRows,
    [
      '(4) facade pims.get("pims.authentication.trustedphonenumber")',
      `${n(facade.median)} calls/s`,
      middleHalf(facade, n),
    ],
    [
      `(5) heap per engine actor parked in awaitingCode (${n(PARKED_ACTORS)})`,
      bytes(bytesPerParkedActor(measurements)),
      "one measurement",
    ],
    ["    measured: engine flow parked, simulator's records included", bytes(parked.engine)],
    ["    of which the simulator's records for one flow", bytes(parked.simulator)],
    ["    for reference: bare XState flow parked", bytes(parked.bareXstate), own(parked.bareXstate)],
    [
      "    for reference: bare XState + provide() per actor, parked",
      bytes(parked.bareXstateProvided),
      own(parked.bareXstateProvided),
    ],
    ["    for reference: reducer flow parked", bytes(parked.reducer), own(parked.reducer)],
    [
      `(6) model-based path generation (${paths.paths} paths)`,
      `${n(pathMs.median)} ms`,
      `[${n(pathMs.min)}–${n(pathMs.max)}], ${paths.ms.length} runs`,
    ],
  ];
  return [
    `pims-enrollment bench — node ${measurements.node}, ${ROUNDS} rounds; each round runs ${FLOWS_PER_ROUND} flows of`,
    `each variant back to back, then ${n(FACADE_CALLS_PER_ROUND)} facade calls.`,
    "Each figure is the median over the rounds, then [p25–p75], the middle half of the rounds. Flows/s are",
    "by the wall clock; by CPU time (this process's, not judged) they are what the machine's other processes",
    "do not slow.",
    ...(measurements.gcExposed
      ? []
      : ["global.gc is not exposed (run with --expose-gc): memory is not measured"]),
    "",
    ...layout(rows),
    `    paths from: ${paths.source}`,
    "",
    "targets: a ratio is judged by the median of the rounds' ratios, wall clock (a round measures both sides",
    "back to back); PASS or FAIL when the whole middle half of the rounds is on one side of the threshold,",
    "NOISY when it straddles it:",
    ...judgements.map(targetLine),
  ];
};

/** A figure for JSON: as measured, to `digits` decimals. */
const fixed = (value: number, digits: number) => Number(value.toFixed(digits));

const rounded = (spread: Spread, digits: number): Spread => ({
  median: fixed(spread.median, digits),
  p25: fixed(spread.p25, digits),
  p75: fixed(spread.p75, digits),
  min: fixed(spread.min, digits),
  max: fixed(spread.max, digits),
});

const byVariant = <T>(value: (variant: Variant) => T) =>
  Object.fromEntries(variantNames.map((variant) => [variant, value(variant)]));

const bytesOrNull = (value: number | null) => (value === null ? null : Math.round(value));

/** `npm run bench -- --json`: the same figures, the targets as judged, and every round's samples. */
export const asJson = (measurements: Measurements, judgements: readonly Judgement[]) => ({
  node: measurements.node,
  rounds: ROUNDS,
  flowsPerRound: FLOWS_PER_ROUND,
  flowsPerSec: byVariant((variant) => rounded(spreadOf(flowsOf(measurements, variant, "perSecond")), 1)),
  flowsPerCpuSec: byVariant((variant) =>
    rounded(spreadOf(flowsOf(measurements, variant, "perCpuSecond")), 1),
  ),
  facadeCallsPerSec: rounded(spreadOf(measurements.facadeCallsPerSecond), 1),
  bytesPerParkedFlow: Object.fromEntries(
    Object.entries(measurements.bytesPerParkedFlow).map(([parked, bytes]) => [parked, bytesOrNull(bytes)]),
  ),
  bytesPerParkedActor: bytesOrNull(bytesPerParkedActor(measurements)),
  pathGeneration: {
    paths: measurements.pathGeneration.paths,
    ms: rounded(spreadOf(measurements.pathGeneration.ms), 1),
  },
  targets: Object.fromEntries(
    judgements.map((judgement) => [
      judgement.id,
      judgement.kind === "ratio"
        ? {
            name: judgement.name,
            judged: `median over the rounds of ${judgement.of.join("/")}, each round's pair measured back to back`,
            atLeast: fixed(judgement.atLeast, 4),
            ...rounded(judgement.spread, 3),
            verdict: judgement.verdict,
            ratioOfMedians: fixed(judgement.ratioOfMedians, 3),
            byCpuTime: rounded(judgement.byCpuTime, 3),
            perRound: judgement.perRound.map((value) => fixed(value, 3)),
          }
        : {
            name: judgement.name,
            atMost: judgement.atMost,
            bytes: bytesOrNull(judgement.bytes),
            verdict: judgement.verdict,
          },
    ]),
  ),
  samples: {
    flowsPerSec: measurements.rounds.map((round) =>
      byVariant((variant) => fixed(round[variant].perSecond, 1)),
    ),
    flowsPerCpuSec: measurements.rounds.map((round) =>
      byVariant((variant) => fixed(round[variant].perCpuSecond, 1)),
    ),
    facadeCallsPerSec: measurements.facadeCallsPerSecond.map((value) => fixed(value, 1)),
  },
});
