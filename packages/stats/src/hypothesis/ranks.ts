/** Mid-ranks (ties get the average of the ranks they span) and the sizes of the tied groups. */
export interface RankResult {
  ranks: Float64Array;
  /** Size tⱼ of every group of tied values (including singletons). */
  tieSizes: number[];
}

/** 1-based mid-ranks of `values`, as R's `rank(ties.method = "average")`. */
export function midRanks(values: ArrayLike<number>): RankResult {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (values[a] as number) - (values[b] as number),
  );
  const ranks = new Float64Array(n);
  const tieSizes: number[] = [];
  let start = 0;
  while (start < n) {
    let end = start + 1;
    const v = values[order[start] as number] as number;
    while (end < n && values[order[end] as number] === v) end++;
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) ranks[order[i] as number] = rank;
    tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}

/** Σ(tⱼ³ − tⱼ) over tied groups, the tie correction of rank-test variances. */
export function tieCorrection(tieSizes: readonly number[]): number {
  let s = 0;
  for (const t of tieSizes) s += t * t * t - t;
  return s;
}
