export interface RrfOptions {
  /** The smoothing constant k of the formula; 60 in the paper. */
  k?: number;
  /** One weight per list (default 1 each). */
  weights?: readonly number[];
}

export interface FusedItem {
  id: string;
  score: number;
}

/**
 * Reciprocal-rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009):
 * `score(d) = Σ_i w_i / (k + rank_i(d))` over the lists that contain d, with 1-based ranks.
 * Each list is ordered best first; a repeated id counts at its first position only.
 * Ties are broken by the earliest list position reached (min rank over lists), then by id.
 *
 * @example reciprocalRankFusion([["a", "b"], ["b", "c"]]) // b first: 1/62 + 1/61
 */
export function reciprocalRankFusion(
  lists: readonly (readonly string[])[],
  options: RrfOptions = {},
): FusedItem[] {
  const k = options.k ?? 60;
  if (!(k >= 0) || !Number.isFinite(k)) throw new RangeError(`RRF k must be a finite number ≥ 0, got ${k}`);
  const weights = options.weights;
  if (weights !== undefined && weights.length !== lists.length) {
    throw new RangeError(`RRF got ${weights.length} weights for ${lists.length} lists`);
  }
  const fused = new Map<string, { score: number; bestRank: number }>();
  lists.forEach((list, listIndex) => {
    const weight = weights?.[listIndex] ?? 1;
    const seen = new Set<string>();
    list.forEach((id, position) => {
      if (seen.has(id)) return;
      seen.add(id);
      const rank = position + 1;
      const entry = fused.get(id) ?? { score: 0, bestRank: Number.POSITIVE_INFINITY };
      entry.score += weight / (k + rank);
      entry.bestRank = Math.min(entry.bestRank, rank);
      fused.set(id, entry);
    });
  });
  return [...fused.entries()]
    .sort(
      ([idA, a], [idB, b]) =>
        b.score - a.score || a.bestRank - b.bestRank || (idA < idB ? -1 : idA > idB ? 1 : 0),
    )
    .map(([id, { score }]) => ({ id, score }));
}
