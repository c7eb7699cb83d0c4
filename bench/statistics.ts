/** Where a figure's rounds lie: the median, the middle half of the rounds (p25 to p75) and the extremes. */
export interface Spread {
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly min: number;
  readonly max: number;
}

/** The q-quantile of sorted values, interpolated linearly between the two nearest ranks. */
const quantile = (sorted: readonly number[], q: number): number => {
  const rank = (sorted.length - 1) * q;
  const below = sorted[Math.floor(rank)];
  const above = sorted[Math.ceil(rank)];
  if (below === undefined || above === undefined) throw new Error("no values to take a quantile of");
  return below + (above - below) * (rank - Math.floor(rank));
};

export const spreadOf = (values: readonly number[]): Spread => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min: quantile(sorted, 0),
    max: quantile(sorted, 1),
  };
};
