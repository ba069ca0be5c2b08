import { InputError } from "@uplift/core";
import {
  aggregateAtts,
  createRng,
  type DidControlGroup,
  type GroupTimeAtt,
  groupTimeAtts,
  normalCdf,
  normalQuantile,
  standardDeviation,
  studentTCdf,
  studentTQuantile,
  twoWayFixedEffects,
} from "@uplift/stats";
import type { EffectScale } from "../analysis/analysis-report.js";
import { effectScale, intervalToReportScale, toReportScale } from "../analysis/effect-scale.js";
import { assertFiniteReport } from "../analysis/finite-report.js";
import { withStatsInput } from "../analysis/stats-input.js";
import type { DidPanel } from "./did-data.js";

/** An effect with a normal or t interval on the reporting scale. */
export interface DidEstimate {
  estimate: number;
  ci: [number, number];
  p_value: number;
  /** On the model scale (log points with a log outcome). */
  std_error: number;
  scale: EffectScale;
  method: string;
}

/** `uplift experiment did --json`. */
export interface DidReport {
  /** Always "observational": treatment was not randomized; the estimate rests on parallel trends. */
  label: "observational";
  design: {
    units: number;
    periods: string[];
    cohorts: { first_treated: string; units: number }[];
    never_treated: number;
    /** Units treated from the first period: in two-way fixed effects only (no pre-period). */
    treated_from_start: number;
    control_group: DidControlGroup;
  };
  twfe: DidEstimate & { df: number; note: string };
  /** Callaway & Sant'Anna group-time ATTs, aggregated. */
  att: DidEstimate;
  event_study: { event_time: number; estimate: number; ci: [number, number]; cells: number }[];
  group_time: {
    cohort: string;
    period: string;
    event_time: number;
    estimate: number;
    ci: [number, number];
    treated_units: number;
    control_units: number;
  }[];
  /** Pre-treatment placebo cells (t < g): their joint picture is the parallel-trends check. */
  pre_trends: { cells: number; largest_abs_z: number | null; note: string };
  bootstrap: { replicates: number; seed: number; unit: "unit" };
  notes: DidPanel["notes"];
  warnings: string[];
}

export interface DidOptions {
  control?: DidControlGroup;
  replicates?: number;
  seed?: number;
  confLevel?: number;
}

/**
 * Difference-in-differences for a staggered, non-randomized rollout: two-way fixed effects (unit
 * and period effects, CR1 by unit) — shown because it is familiar, but biased when effects vary
 * across cohorts or over time under staggered adoption (Goodman-Bacon 2021) — and the Callaway &
 * Sant'Anna (2021) group-time ATTs with never-treated or not-yet-treated controls, aggregated over
 * post-treatment cells (cohort-size weights) and by event time. Their standard errors come from a
 * bootstrap over units (all of a unit's periods together: clustered by unit), intervals normal.
 * Labelled observational throughout.
 */
export function analyzeDid(panel: DidPanel, options: DidOptions = {}): DidReport {
  const control = options.control ?? "never_treated";
  const replicates = options.replicates ?? 999;
  const seed = options.seed ?? 1;
  const confLevel = options.confLevel ?? 0.95;
  const { logOutcome, outcome } = panel.spec;
  const scale = effectScale(logOutcome);
  const z = normalQuantile(1 - (1 - confLevel) / 2);
  const response = logOutcome ? `log(${outcome})` : outcome;
  const warnings: string[] = [];

  const fit = withStatsInput(`cannot fit two-way fixed effects on ${panel.file}`, () =>
    twoWayFixedEffects(
      panel.cells.map((c) => c.y),
      panel.cells.map((c) => c.treated),
      panel.cells.map((c) => c.unit),
      panel.cells.map((c) => c.period),
    ),
  );
  const tq = studentTQuantile(1 - (1 - confLevel) / 2, fit.df);
  const twfe = {
    estimate: toReportScale(logOutcome, fit.estimate),
    ci: intervalToReportScale(logOutcome, [
      fit.estimate - tq * fit.standardError,
      fit.estimate + tq * fit.standardError,
    ]),
    p_value: 2 * studentTCdf(-Math.abs(fit.estimate / fit.standardError), fit.df),
    std_error: fit.standardError,
    scale,
    df: fit.df,
    method: `OLS of ${response} on unit and period fixed effects + treated, CR1 errors clustered by ${panel.spec.unit}, t(${fit.df})`,
    note: "two-way fixed effects compares later-treated with already-treated units too; with staggered adoption and effects that change over time it is biased (Goodman-Bacon 2021) — read the group-time estimate",
  };

  const periods = panel.periods.length;
  const cells = withStatsInput(`cannot compute group-time effects on ${panel.file}`, () =>
    groupTimeAtts(panel.units, periods, control),
  );
  const aggregated = withStatsInput(`cannot aggregate group-time effects on ${panel.file}`, () =>
    aggregateAtts(cells),
  );
  const key = (c: GroupTimeAtt) => `${c.cohort}:${c.period}`;
  const draws = new Map<string, number[]>(cells.map((c) => [key(c), []]));
  const overallDraws: number[] = [];
  const eventDraws = new Map<number, number[]>(aggregated.byEventTime.map((e) => [e.eventTime, []]));
  // resample units within their cohort (never-treated a cohort too), so every cohort keeps its size
  const strata = new Map<number | null, number[]>();
  panel.units.forEach((u, i) => {
    strata.set(u.cohort, [...(strata.get(u.cohort) ?? []), i]);
  });
  const rng = createRng(seed);
  const weights = new Float64Array(panel.units.length);
  let dropped = 0;
  for (let b = 0; b < replicates; b++) {
    weights.fill(0);
    for (const members of strata.values()) {
      for (let k = 0; k < members.length; k++) {
        const i = members[rng.nextInt(members.length)] as number;
        weights[i] = (weights[i] as number) + 1;
      }
    }
    const replicate = groupTimeAtts(panel.units, periods, control, weights);
    const byKey = new Map(replicate.map((c) => [key(c), c]));
    if (replicate.length !== cells.length || cells.some((c) => !byKey.has(key(c)))) {
      dropped++;
      continue;
    }
    for (const c of replicate) draws.get(key(c))?.push(c.att);
    const agg = aggregateAtts(replicate);
    overallDraws.push(agg.overall);
    for (const e of agg.byEventTime) eventDraws.get(e.eventTime)?.push(e.att);
  }
  if (dropped > 0) {
    warnings.push(
      `${dropped} of ${replicates} bootstrap replicates left out: a resample lost every unit observed in some cell`,
    );
  }
  const se = (values: readonly number[]) => (values.length >= 2 ? standardDeviation(values) : Number.NaN);
  const interval = (estimate: number, s: number): [number, number] =>
    intervalToReportScale(logOutcome, [estimate - z * s, estimate + z * s]);
  const overallSe = se(overallDraws);
  if (!Number.isFinite(overallSe) || overallSe === 0) {
    throw new InputError(
      `--bootstrap ${replicates}: too few usable bootstrap replicates (${overallDraws.length}) for a standard error; raise --bootstrap`,
    );
  }
  const att: DidEstimate = {
    estimate: toReportScale(logOutcome, aggregated.overall),
    ci: interval(aggregated.overall, overallSe),
    p_value: 2 * normalCdf(-Math.abs(aggregated.overall / overallSe)),
    std_error: overallSe,
    scale,
    method: `Callaway & Sant'Anna (2021) group-time ATTs of ${response}, ${control === "never_treated" ? "never-treated" : "not-yet-treated"} units as controls, averaged over post-treatment cells weighted by cohort size; standard error from ${overallDraws.length} bootstrap resamples of units within cohorts (clustered by ${panel.spec.unit}), normal interval`,
  };
  const preCells = cells.filter((c) => c.eventTime < 0);
  const preZ = preCells
    .map((c) => {
      const s = se(draws.get(key(c)) ?? []);
      return s > 0 ? Math.abs(c.att / s) : Number.NaN;
    })
    .filter(Number.isFinite);
  const largestZ = preZ.length ? Math.max(...preZ) : null;
  // Bonferroni over the placebo cells: with many of them one |z| > 1.96 is expected by chance
  const placeboLimit = normalQuantile(1 - (1 - confLevel) / (2 * Math.max(1, preZ.length)));
  if (largestZ !== null && largestZ > placeboLimit) {
    warnings.push(
      `a pre-treatment placebo effect is ${largestZ.toFixed(2)} standard errors from zero (Bonferroni limit ${placeboLimit.toFixed(2)} over ${preZ.length} cells): trends before treatment differ, so parallel trends (the assumption behind every estimate here) is in doubt`,
    );
  }
  const cohortUnits = new Map<number, number>();
  for (const u of panel.units)
    if (u.cohort !== null) cohortUnits.set(u.cohort, (cohortUnits.get(u.cohort) ?? 0) + 1);
  const report: DidReport = {
    label: "observational",
    design: {
      units: panel.units.length,
      periods: panel.periods,
      cohorts: [...cohortUnits]
        .sort(([a], [b]) => a - b)
        .map(([g, count]) => ({ first_treated: panel.periods[g] as string, units: count })),
      never_treated: panel.units.filter((u) => u.cohort === null).length,
      treated_from_start: cohortUnits.get(0) ?? 0,
      control_group: control,
    },
    twfe,
    att,
    event_study: aggregated.byEventTime.map((e) => {
      const s = se(eventDraws.get(e.eventTime) ?? []);
      return {
        event_time: e.eventTime,
        estimate: toReportScale(logOutcome, e.att),
        ci: interval(e.att, Number.isFinite(s) ? s : 0),
        cells: cells.filter((c) => c.eventTime === e.eventTime).length,
      };
    }),
    group_time: cells.map((c) => {
      const s = se(draws.get(key(c)) ?? []);
      return {
        cohort: panel.periods[c.cohort] as string,
        period: panel.periods[c.period] as string,
        event_time: c.eventTime,
        estimate: toReportScale(logOutcome, c.att),
        ci: interval(c.att, Number.isFinite(s) ? s : 0),
        treated_units: c.treatedWeight,
        control_units: c.controlWeight,
      };
    }),
    pre_trends: {
      cells: preCells.length,
      largest_abs_z: largestZ,
      note: "placebo effects before treatment (event time < 0) should be near zero if treated and control units trended alike; flagged when the largest |z| exceeds the Bonferroni limit over the placebo cells",
    },
    bootstrap: { replicates: overallDraws.length, seed, unit: "unit" },
    notes: panel.notes,
    warnings,
  };
  if (report.design.treated_from_start > 0) {
    warnings.push(
      `${report.design.treated_from_start} unit(s) treated from the first period have no pre-period: left out of the group-time estimate (two-way fixed effects keeps them)`,
    );
  }
  warnings.push(
    "observational: treatment was not randomized; these estimates are causal only if treated and comparison units would have trended alike (parallel trends) and nobody changed behaviour in anticipation",
  );
  assertFiniteReport(report);
  return report;
}
