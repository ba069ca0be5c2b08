import { chiSquareGoodnessOfFit, mean, StatsInputError, standardizedMeanDifference } from "@uplift/stats";
import type { AnalysisData } from "./analysis-data.js";
import type { AnalysisChecks, BalanceRow } from "./analysis-report.js";
import { WINSOR_SHARE } from "./robustness/winsorized.js";
import { unitMeansByArm } from "./unit-means.js";

/** Sample-ratio mismatch is flagged below this p-value (DESIGN: Statistics). */
export const SRM_ALPHA = 0.001;
/** |SMD| above this marks a covariate as imbalanced (Austin 2009). */
export const SMD_THRESHOLD = 0.1;

/** Covariate balance: each unit's mean covariate, compared between arms by SMD. */
function balanceRows(data: AnalysisData): BalanceRow[] {
  const { covariate, spec } = data;
  if (!covariate || !spec.covariate) return [];
  const { treatment, control } = unitMeansByArm(data, covariate);
  let smd: number | null;
  try {
    smd = standardizedMeanDifference(treatment, control);
  } catch (error) {
    if (!(error instanceof StatsInputError)) throw error;
    smd = null;
  }
  return [
    {
      covariate: spec.covariate,
      scale: spec.logCovariate ? "log" : "raw",
      treatment_mean: mean(treatment),
      control_mean: mean(control),
      smd,
      imbalanced: smd !== null && Math.abs(smd) > SMD_THRESHOLD,
    },
  ];
}

function analysisPeriod(data: AnalysisData): AnalysisChecks["analysis_period"] {
  const period = data.spec.period;
  if (!period) return null;
  const from = period.from?.toISOString() ?? null;
  const to = period.to?.toISOString() ?? null;
  const window = `rows with ${period.column} ${from ? `from ${from}` : ""}${from && to ? " " : ""}${to ? `before ${to}` : ""}`;
  return { column: period.column, from, to, note: period.reason ? `${window}; ${period.reason}` : window };
}

/**
 * The checks of an analysis: sample-ratio mismatch (χ² of units per arm against 1:1, flagged at
 * p < 0.001), covariate balance (SMD of per-unit covariate means), zero/negative outcome counts,
 * excluded rows, and how outliers were handled — each with a warning when it needs attention.
 */
export function analysisChecks(data: AnalysisData): AnalysisChecks {
  const treatmentUnits = data.units.filter((u) => u.treated).length;
  const controlUnits = data.units.length - treatmentUnits;
  const srm = chiSquareGoodnessOfFit([treatmentUnits, controlUnits], [0.5, 0.5]);
  const balance = balanceRows(data);
  const warnings: string[] = [];
  if (srm.pValue < SRM_ALPHA) {
    warnings.push(
      `sample-ratio mismatch: ${treatmentUnits} vs ${controlUnits} units (p = ${srm.pValue.toExponential(2)} < ${SRM_ALPHA}); units were lost or added unevenly, do not trust the effect before finding out why`,
    );
  }
  for (const row of balance) {
    if (row.imbalanced) {
      warnings.push(
        `covariate ${row.covariate} is imbalanced between arms (SMD ${row.smd?.toFixed(3)}); the covariate-adjusted estimate is the one to read`,
      );
    }
  }
  const { zero, negative } = data.outcomeValues;
  if (negative > 0) {
    warnings.push(
      `${negative} negative ${data.spec.outcome} value(s) are analysed as they are (absolute scale); a negative duration usually means clock skew or a wrong column`,
    );
  }
  const excluded = data.excluded;
  if (excluded.outside_period > 0) {
    warnings.push(
      `${excluded.outside_period} row(s) outside the analysis period left out (${analysisPeriod(data)?.note})`,
    );
  }
  const dropped = excluded.missing_outcome + excluded.missing_covariate;
  if (dropped > 0) {
    warnings.push(
      `${dropped} row(s) left out for an empty cell (${excluded.missing_outcome} outcome, ${excluded.missing_covariate} covariate)`,
    );
  }
  if (Math.min(treatmentUnits, controlUnits) < 10) {
    warnings.push(
      `only ${Math.min(treatmentUnits, controlUnits)} units in the smaller arm: intervals are wide and rest on the small-sample (CR2/Satterthwaite) corrections`,
    );
  }
  const percent = Math.round(WINSOR_SHARE * 100);
  return {
    srm_p_value: srm.pValue,
    srm_chi_square: srm.statistic,
    srm_flag: srm.pValue < SRM_ALPHA,
    balance,
    outcome_values: { zero, negative },
    excluded_rows: { ...excluded },
    analysis_period: analysisPeriod(data),
    non_inferiority: null,
    outliers: `no rows removed; ${data.spec.logOutcome ? "the log scale damps long tails; " : ""}robustness shows the estimate with values winsorized at the ${percent}th/${100 - percent}th percentiles, per-unit medians and ranks`,
    warnings,
  };
}
