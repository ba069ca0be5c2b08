import {
  clusterRobustCovariance,
  clusterRobustTest,
  holmAdjust,
  ols,
  StatsInputError,
  waldTest,
} from "@uplift/stats";
import type { AnalysisData } from "./analysis-data.js";
import type { EffectScale } from "./analysis-report.js";
import { effectScale, intervalToReportScale, toReportScale } from "./effect-scale.js";

/** The treatment effect within one subgroup (a team, a language, a seniority level). */
export interface SubgroupEffect {
  value: string;
  units: { treatment: number; control: number };
  rows: number;
  estimate: number;
  ci: [number, number];
  p_value: number;
  /** Holm-adjusted across the subgroups of this split. */
  holm_p_value: number;
  scale: EffectScale;
}

/** Effects by subgroup, and whether they differ (DESIGN: heterogeneous effects). */
export interface Heterogeneity {
  by: string;
  method: string;
  subgroups: SubgroupEffect[];
  /** H₀: the effect is the same in every subgroup; null with fewer than 2 estimable subgroups. */
  omnibus: {
    test: string;
    f_statistic: number;
    df1: number;
    df2: number;
    p_value: number;
  } | null;
  /** Subgroups left out of the model, and why (e.g. a single arm). */
  excluded: { value: string; rows: number; reason: string }[];
  multiplicity: string;
}

/**
 * Heterogeneous effects: one row-level OLS of the (log) outcome on a subgroup intercept and an
 * arm × subgroup interaction per subgroup (+ the covariate, common slope), errors clustered by
 * unit (CR2). Each subgroup's effect is its interaction coefficient with the CR2 Satterthwaite t
 * test; p-values Holm-adjusted across the subgroups; the omnibus test of "same effect everywhere"
 * is the cluster-robust Wald F of the K − 1 differences from the first subgroup on (K − 1, G − 1)
 * df (Cameron & Miller 2015). `labels` holds one subgroup value per row of `data`. Subgroups with
 * fewer than 2 units in an arm are left out and listed.
 */
export function subgroupEffects(
  data: AnalysisData,
  by: string,
  labels: readonly string[],
  confLevel: number,
): Heterogeneity {
  const { logOutcome } = data.spec;
  const scale = effectScale(logOutcome);
  const byValue = new Map<string, { rows: number[]; treated: Set<number>; control: Set<number> }>();
  labels.forEach((raw, i) => {
    const value = raw === "" ? "(missing)" : raw;
    const group = byValue.get(value) ?? { rows: [], treated: new Set(), control: new Set() };
    group.rows.push(i);
    (data.treated[i] ? group.treated : group.control).add(data.unitIndex[i] as number);
    byValue.set(value, group);
  });
  const excluded: Heterogeneity["excluded"] = [];
  const kept = [...byValue]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .filter(([value, g]) => {
      if (g.treated.size >= 2 && g.control.size >= 2) return true;
      excluded.push({
        value,
        rows: g.rows.length,
        reason: `${g.treated.size} treatment and ${g.control.size} control unit(s); an effect needs at least 2 in each arm`,
      });
      return false;
    });
  const method = `OLS of ${logOutcome ? `log(${data.spec.outcome})` : data.spec.outcome} on ${by} + arm × ${by}${data.covariate ? " + covariate" : ""}, errors clustered by ${data.spec.unit} (CR2, Satterthwaite df per subgroup)`;
  const multiplicity = `Holm across the ${kept.length} subgroups of ${by}; the omnibus F tests whether the effect differs at all — read subgroup effects as exploratory unless it does`;
  if (kept.length === 0) return { by, method, subgroups: [], omnibus: null, excluded, multiplicity };

  const k = kept.length;
  const rows = kept.flatMap(([, g]) => g.rows);
  const groupOf = new Map<number, number>();
  kept.forEach(([, g], j) => {
    for (const i of g.rows) groupOf.set(i, j);
  });
  const x = rows.map((i) => {
    const j = groupOf.get(i) as number;
    const row = new Array<number>(2 * k + (data.covariate ? 1 : 0)).fill(0);
    row[j] = 1;
    if (data.treated[i]) row[k + j] = 1;
    if (data.covariate) row[2 * k] = data.covariate[i] as number;
    return row;
  });
  const y = rows.map((i) => data.y[i] as number);
  const clusters = rows.map((i) => (data.clusterIndex ?? data.unitIndex)[i] as number);
  const fit = ols(y, x);
  const tests = kept.map((_, j) => clusterRobustTest(x, fit, clusters, k + j, { type: "CR2", confLevel }));
  const holm = holmAdjust(tests.map((t) => t.pValue));
  const subgroups = kept.map(([value, g], j): SubgroupEffect => {
    const t = tests[j] as (typeof tests)[number];
    return {
      value,
      units: { treatment: g.treated.size, control: g.control.size },
      rows: g.rows.length,
      estimate: toReportScale(logOutcome, t.estimate),
      ci: intervalToReportScale(logOutcome, t.confidenceInterval),
      p_value: t.pValue,
      holm_p_value: holm[j] as number,
      scale,
    };
  });
  let omnibus: Heterogeneity["omnibus"] = null;
  if (k >= 2) {
    const cov = clusterRobustCovariance(x, fit, clusters, "CR2");
    const restrictions = Array.from({ length: k - 1 }, (_, j) => {
      const r = new Array<number>(fit.k).fill(0);
      r[k] = -1;
      r[k + j + 1] = 1;
      return r;
    });
    try {
      const wald = waldTest(fit.coefficients, cov.covariance, restrictions, cov.clusterCount - 1);
      omnibus = {
        test: `cluster-robust Wald F (CR2) of equal effects across the ${k} subgroups, F(${k - 1}, ${cov.clusterCount - 1})`,
        f_statistic: wald.fStatistic,
        df1: wald.df1,
        df2: wald.df2,
        p_value: wald.pValue,
      };
    } catch (error) {
      if (!(error instanceof StatsInputError)) throw error;
    }
  }
  return { by, method, subgroups, omnibus, excluded, multiplicity };
}
