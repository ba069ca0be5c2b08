import { StatsInputError } from "../errors.js";

/**
 * A unit of a panel: the period index it is first treated in (null: never treated) and its outcome
 * in each observed period (`values[t]`, NaN when not observed).
 */
export interface PanelUnit {
  cohort: number | null;
  values: ArrayLike<number>;
}

/** Which units serve as controls for cohort g at period t. */
export type DidControlGroup = "never_treated" | "not_yet_treated";

/** One group-time average treatment effect on the treated. */
export interface GroupTimeAtt {
  /** First treated period (index) of the cohort. */
  cohort: number;
  period: number;
  /** The comparison period: g − 1 for t ≥ g, t − 1 before (CS "varying" base for pre-trends). */
  base: number;
  /** period − cohort (negative: a pre-treatment placebo). */
  eventTime: number;
  att: number;
  /** Weight of the treated units used (sum of unit weights), and of the controls. */
  treatedWeight: number;
  controlWeight: number;
}

/** The aggregated effects of the group-time ATTs. */
export interface AggregatedAtt {
  /** Σ ATT(g,t)·w over post-treatment cells, w ∝ the cohort's weight (CS "simple" aggregation). */
  overall: number;
  /** Average ATT by event time e = t − g, cohorts weighted by their size. */
  byEventTime: { eventTime: number; att: number }[];
}

function weightedMeanDiff(
  units: readonly PanelUnit[],
  weights: ArrayLike<number>,
  select: (u: PanelUnit) => boolean,
  t: number,
  base: number,
): { mean: number; weight: number } {
  let sum = 0;
  let weight = 0;
  units.forEach((unit, i) => {
    const w = weights[i] as number;
    if (w === 0 || !select(unit)) return;
    const now = unit.values[t] as number;
    const before = unit.values[base] as number;
    if (Number.isNaN(now) || Number.isNaN(before)) return;
    sum += w * (now - before);
    weight += w;
  });
  return { mean: weight > 0 ? sum / weight : Number.NaN, weight };
}

/**
 * Group-time ATTs of Callaway & Sant'Anna (2021, J. Econometrics 225:200–230), unconditional
 * (no covariates): ATT(g,t) = E[Y_t − Y_b | G = g] − E[Y_t − Y_b | C], b = g − 1 for t ≥ g (and
 * t − 1 before g, for pre-trend placebos), C the never-treated units or the not-yet-treated ones
 * (G > max(t, b), not in g). Each unit counts with `weights[i]` (1 by default; bootstrap counts
 * otherwise) and must be observed at t and b. Cells without treated or control units are omitted.
 * Time-invariant unit effects and common period shocks cancel; under staggered adoption this is
 * unbiased where two-way fixed effects is not (Goodman-Bacon 2021).
 */
export function groupTimeAtts(
  units: readonly PanelUnit[],
  periods: number,
  control: DidControlGroup,
  weights: ArrayLike<number> = new Float64Array(units.length).fill(1),
): GroupTimeAtt[] {
  if (weights.length !== units.length)
    throw new StatsInputError(`groupTimeAtts: ${weights.length} weights for ${units.length} units`);
  const cohorts = [...new Set(units.map((u) => u.cohort).filter((g): g is number => g !== null))].sort(
    (a, b) => a - b,
  );
  const out: GroupTimeAtt[] = [];
  for (const g of cohorts) {
    if (g < 1) continue; // treated from the first period: no pre-period to compare with
    for (let t = 1; t < periods; t++) {
      const base = t >= g ? g - 1 : t - 1;
      const treated = weightedMeanDiff(units, weights, (u) => u.cohort === g, t, base);
      const latest = Math.max(t, base);
      const controls = weightedMeanDiff(
        units,
        weights,
        control === "never_treated"
          ? (u) => u.cohort === null
          : (u) => u.cohort === null || (u.cohort !== g && u.cohort > latest),
        t,
        base,
      );
      if (treated.weight === 0 || controls.weight === 0) continue;
      out.push({
        cohort: g,
        period: t,
        base,
        eventTime: t - g,
        att: treated.mean - controls.mean,
        treatedWeight: treated.weight,
        controlWeight: controls.weight,
      });
    }
  }
  return out;
}

/**
 * Aggregates group-time ATTs (Callaway & Sant'Anna 2021, §3.3): the overall ATT averages every
 * post-treatment cell with weights proportional to its cohort's treated weight; the event-study
 * ATT(e) averages the cells with t − g = e the same way. Throws when there is no post-treatment cell.
 */
export function aggregateAtts(cells: readonly GroupTimeAtt[]): AggregatedAtt {
  const post = cells.filter((c) => c.eventTime >= 0);
  if (post.length === 0)
    throw new StatsInputError(
      "aggregateAtts: no post-treatment cell has both treated and control units (no controls left?)",
    );
  const weighted = (list: readonly GroupTimeAtt[]) => {
    const total = list.reduce((s, c) => s + c.treatedWeight, 0);
    return list.reduce((s, c) => s + c.att * c.treatedWeight, 0) / total;
  };
  const events = [...new Set(cells.map((c) => c.eventTime))].sort((a, b) => a - b);
  return {
    overall: weighted(post),
    byEventTime: events.map((e) => ({ eventTime: e, att: weighted(cells.filter((c) => c.eventTime === e)) })),
  };
}
