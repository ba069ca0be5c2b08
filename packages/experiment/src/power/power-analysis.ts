import { InputError } from "@uplift/core";
import { mdeTwoSample, powerTwoSample, sampleSizeTwoSample } from "@uplift/stats";
import { withStatsInput } from "../analysis/stats-input.js";
import type { PrePeriodData } from "./pre-period-data.js";
import { type SimulationResult, simulatePower } from "./simulated-power.js";
import { unitSums } from "./unit-sums.js";
import { unitVariance, type VarianceProfile, varianceProfile } from "./variance-profile.js";

export interface PowerOptions {
  /** Developers per arm; default half the pre-period's units. */
  nPerArm?: number | undefined;
  alpha: number;
  power: number;
  /** A relative effect to plan for (e.g. −0.17): developers per arm needed, power at nPerArm. */
  effect?: number | undefined;
  /** Rows (PRs) per developer expected in the analysis period; default the pre-period's mean. */
  rowsPerUnit?: number | undefined;
  /** Weeks the pre-period data cover: adds a table by analysis duration. */
  dataWeeks?: number | undefined;
  /** Simulated experiments (0: analytic only). */
  simulate: number;
  seed: number;
}

export interface DurationRow {
  weeks: number;
  rows_per_unit: number;
  mde_relative: number;
  developers_per_arm?: number;
}

/** JSON of `uplift experiment power` (DESIGN: CLI contract: `{ "mde_relative": x, … }`). */
export interface PowerReport {
  /** Smallest relative increase detectable with `power` at `alpha` (two-sided). */
  mde_relative: number;
  /** The same on the decrease side (exp(−δ) − 1 for a log outcome). */
  mde_relative_decrease: number;
  /** δ on the model scale (log units, or outcome units without a log). */
  mde_model_scale: number;
  n_per_arm: number;
  alpha: number;
  power: number;
  rows_per_unit: number;
  /** SD of one developer's contribution to an arm mean (after covariate adjustment). */
  sd_per_unit: number;
  effect?: number;
  /** Developers per arm needed to detect `effect` (rounded up). */
  developers_per_arm?: number;
  /** Power to detect `effect` with `n_per_arm` developers per arm. */
  power_at_effect?: number;
  by_weeks?: DurationRow[];
  simulation?: SimulationResult & { effect: number; n_per_arm: number };
  profile: VarianceProfile;
  method: string;
}

const WEEKS = [2, 4, 6, 8, 12, 16];

/**
 * Minimum detectable effect and sample size from pre-period data (DESIGN: Statistics): the
 * per-developer variance of the primary estimator, σ²_b,adj(1 + CV²) + σ²_w,adj/m, goes into the
 * two-sample t power of @uplift/stats (`mdeTwoSample`, `sampleSizeTwoSample`, noncentral t with
 * 2(G − 1) df); optionally checked by simulation with the primary estimator itself.
 */
export function powerAnalysis(data: PrePeriodData, options: PowerOptions): PowerReport {
  const { alpha, power, effect } = options;
  const logOutcome = data.spec.logOutcome;
  const profile = varianceProfile(data);
  const nPerArm = options.nPerArm ?? Math.floor(profile.units / 2);
  if (nPerArm < 2) throw new InputError(`--n-per-arm ${nPerArm}: at least 2 developers per arm are needed`);
  const rowsPerUnit = options.rowsPerUnit ?? profile.rows_per_unit;
  if (effect !== undefined && (!(effect > -1) || effect === 0 || !Number.isFinite(effect))) {
    throw new InputError(`--effect ${effect}: a relative change such as -0.17 (greater than -1, not 0)`);
  }
  const toRelative = (delta: number) => (logOutcome ? Math.expm1(delta) : delta / profile.outcome_mean);
  const effectDelta = (e: number) =>
    logOutcome ? Math.abs(Math.log1p(e)) : Math.abs(e * profile.outcome_mean);
  const sdAt = (m: number) => Math.sqrt(unitVariance(profile, m));
  const what = `power for ${data.spec.outcome}`;
  const mdeAt = (m: number) =>
    withStatsInput(what, () => mdeTwoSample({ nPerArm, sd: sdAt(m), alpha, power }));
  const needAt = (m: number, e: number) =>
    Math.ceil(
      withStatsInput(what, () => sampleSizeTwoSample({ delta: effectDelta(e), sd: sdAt(m), alpha, power })),
    );
  const delta = mdeAt(rowsPerUnit);
  const report: PowerReport = {
    mde_relative: toRelative(delta),
    mde_relative_decrease: logOutcome ? Math.expm1(-delta) : -delta / profile.outcome_mean,
    mde_model_scale: delta,
    n_per_arm: nPerArm,
    alpha,
    power,
    rows_per_unit: rowsPerUnit,
    sd_per_unit: sdAt(rowsPerUnit),
    profile,
    method: `two-sample t power (noncentral t, df 2(n − 1)) with per-${data.spec.unit} SD √(σ²_b,adj(1 + CV²) + σ²_w,adj/m) from the pre-period${data.spec.covariate ? ` adjusted for ${data.spec.covariate}` : ""}; ${logOutcome ? "log outcome, relative effects exp(±δ) − 1" : "absolute outcome, relative to the pre-period mean"}`,
  };
  if (effect !== undefined) {
    report.effect = effect;
    report.developers_per_arm = needAt(rowsPerUnit, effect);
    report.power_at_effect = withStatsInput(what, () =>
      powerTwoSample({ nPerArm, delta: effectDelta(effect), sd: sdAt(rowsPerUnit), alpha }),
    );
  }
  if (options.dataWeeks !== undefined) {
    const perWeek = profile.rows_per_unit / options.dataWeeks;
    report.by_weeks = WEEKS.map((weeks) => {
      const m = perWeek * weeks;
      return {
        weeks,
        rows_per_unit: m,
        mde_relative: toRelative(mdeAt(m)),
        ...(effect !== undefined ? { developers_per_arm: needAt(m, effect) } : {}),
      };
    });
  }
  if (options.simulate > 0) {
    const simulatedEffect = effect ?? report.mde_relative_decrease;
    const shift = logOutcome ? Math.log1p(simulatedEffect) : simulatedEffect * profile.outcome_mean;
    report.simulation = {
      effect: simulatedEffect,
      n_per_arm: nPerArm,
      ...simulatePower(unitSums(data), {
        runs: options.simulate,
        nPerArm,
        shift,
        alpha,
        seed: options.seed,
        withCovariate: data.covariate !== undefined,
      }),
    };
  }
  return report;
}
