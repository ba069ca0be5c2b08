import { StatsInputError } from "../errors.js";

/** The treatment coefficient of a two-way fixed-effects regression with unit-clustered errors. */
export interface TwoWayFixedEffectsFit {
  estimate: number;
  /** CR1 standard error clustered by unit. */
  standardError: number;
  /** G − 1 (clusters minus one), the usual reference df for CR1. */
  df: number;
  clusters: number;
  /** Alternating-projection sweeps until the demeaning converged. */
  iterations: number;
}

/** Subtracts group means (by `groups`) from `values` in place; returns the largest change. */
function demean(values: Float64Array, groups: Int32Array, count: number): number {
  const sum = new Float64Array(count);
  const n = new Float64Array(count);
  for (let i = 0; i < values.length; i++) {
    const g = groups[i] as number;
    sum[g] = (sum[g] as number) + (values[i] as number);
    n[g] = (n[g] as number) + 1;
  }
  let change = 0;
  for (let i = 0; i < values.length; i++) {
    const g = groups[i] as number;
    const m = (sum[g] as number) / (n[g] as number);
    values[i] = (values[i] as number) - m;
    change = Math.max(change, Math.abs(m));
  }
  return change;
}

/**
 * y_it = α_i + λ_t + β·D_it + ε_it by the Frisch–Waugh–Lovell theorem: y and D are swept of unit
 * and period means by alternating projections (Guimarães & Portugal 2010; exact for unbalanced
 * panels at convergence), then β = ΣD̃ỹ/ΣD̃². Standard error: CR1 clustered by unit, with the
 * small-sample factor G/(G − 1)·(n − 1)/(n − k), k = period effects + 1 (unit effects are nested
 * in the clusters and not counted, as reghdfe does), df G − 1. `unit` and `period` are 0-based
 * indices. Throws when D has no variation left after removing the fixed effects.
 */
export function twoWayFixedEffects(
  y: ArrayLike<number>,
  treated: ArrayLike<number>,
  unit: ArrayLike<number>,
  period: ArrayLike<number>,
  tolerance = 1e-12,
): TwoWayFixedEffectsFit {
  const n = y.length;
  if (treated.length !== n || unit.length !== n || period.length !== n)
    throw new StatsInputError("twoWayFixedEffects: y, treated, unit and period must have the same length");
  const units = Int32Array.from(unit as ArrayLike<number>);
  const periods = Int32Array.from(period as ArrayLike<number>);
  const unitCount = units.reduce((m, v) => Math.max(m, v), -1) + 1;
  const periodCount = periods.reduce((m, v) => Math.max(m, v), -1) + 1;
  const ty = Float64Array.from(y);
  const td = Float64Array.from(treated);
  const scale = ty.reduce((m, v) => Math.max(m, Math.abs(v)), 1);
  let iterations = 0;
  for (; iterations < 10_000; iterations++) {
    const change = Math.max(
      demean(ty, units, unitCount),
      demean(ty, periods, periodCount),
      demean(td, units, unitCount),
      demean(td, periods, periodCount),
    );
    if (change <= tolerance * scale) break;
  }
  let sdd = 0;
  let sdy = 0;
  for (let i = 0; i < n; i++) {
    sdd += (td[i] as number) ** 2;
    sdy += (td[i] as number) * (ty[i] as number);
  }
  if (!(sdd > 1e-12 * n)) {
    throw new StatsInputError(
      "twoWayFixedEffects: the treatment indicator has no variation within units and periods (every unit treated, or none, or all at once)",
    );
  }
  const estimate = sdy / sdd;
  const score = new Float64Array(unitCount);
  for (let i = 0; i < n; i++) {
    const e = (ty[i] as number) - estimate * (td[i] as number);
    const g = units[i] as number;
    score[g] = (score[g] as number) + (td[i] as number) * e;
  }
  const clusters = new Set(units).size;
  const k = periodCount + 1;
  const factor = (clusters / (clusters - 1)) * ((n - 1) / (n - k));
  const meat = Array.from(score).reduce((s, v) => s + v * v, 0);
  const standardError = Math.sqrt((factor * meat) / (sdd * sdd));
  return { estimate, standardError, df: clusters - 1, clusters, iterations: iterations + 1 };
}
