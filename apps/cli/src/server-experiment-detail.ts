import {
  type AnalysisRecord,
  type ExperimentRepository,
  effectSentence,
  guardrailRow,
  multiplicity,
  stripLayout,
  summarySentences,
  trendLayout,
} from "@uplift/experiment";
import type {
  ExperimentAnalysisResponse,
  ExperimentDetailResponse,
  ExperimentMetricDetailResponse,
} from "@uplift/server";

const DAY_MS = 86_400_000;
const finiteOrNull = (v: number | null | undefined) =>
  v !== null && v !== undefined && Number.isFinite(v) ? v : null;

/**
 * One experiment as `uplift experiment report` shows it, as data: the same stored design,
 * assignments, analyses and feedback, the same summary sentences, Holm/BH and guardrail verdicts,
 * and the report's chart geometry (stripLayout, trendLayout) for the dashboard to draw.
 */
export async function experimentDetail(
  repository: ExperimentRepository,
  name: string,
): Promise<ExperimentDetailResponse> {
  const experiment = await repository.get(name);
  const [design, assignments, analyses, feedback] = await Promise.all([
    repository.design(name),
    repository.assignments(name),
    repository.analyses(name),
    repository.feedback(name),
  ]);
  const rampUp = {
    days: experiment.rampUpDays,
    from: experiment.startsAt.toISOString().slice(0, 10),
    to: new Date(experiment.startsAt.getTime() + experiment.rampUpDays * DAY_MS).toISOString().slice(0, 10),
  };
  const adjusted = new Map(multiplicity(analyses).map((m) => [m.metric, m]));
  const metrics = analyses.map((a): ExperimentMetricDetailResponse => {
    const { effect, n, checks } = a.report;
    const m = adjusted.get(a.metric);
    return {
      ...analysisSummary(a),
      holm_p_value: m?.holm ?? null,
      bh_q_value: m?.bh ?? null,
      rows: n.rows,
      srm_p_value: checks.srm_p_value,
      analysis_period: checks.analysis_period?.note ?? null,
      robustness: a.report.robustness.map((r) => ({
        name: r.name,
        estimate: r.estimate,
        ci: r.ci,
        p_value: r.p_value,
        scale: r.scale,
        note: r.note ?? r.method,
      })),
      subgroups: (a.report.heterogeneity ?? []).map((h) => ({
        by: h.by,
        omnibus: h.omnibus
          ? {
              f_statistic: h.omnibus.f_statistic,
              df1: h.omnibus.df1,
              df2: h.omnibus.df2,
              p_value: h.omnibus.p_value,
            }
          : null,
        rows: h.subgroups.map((g) => ({
          value: g.value,
          estimate: g.estimate,
          ci: g.ci,
          p_value: g.p_value,
          holm_p_value: g.holm_p_value,
          units: g.units,
        })),
      })),
      distribution: stripLayout(a.unitMeans, effect.scale === "relative") ?? null,
      trend: trendLayout(a.weekly, { from: rampUp.from, to: rampUp.to }) ?? null,
    };
  });
  const guardrails = analyses.flatMap((a) => {
    const ni = a.report.checks.non_inferiority;
    const row = ni ? guardrailRow(a.metric, a.report, Math.abs(ni.margin)) : undefined;
    return row ? [row] : [];
  });
  return {
    name,
    arms: experiment.arms,
    seed: experiment.seed,
    starts_at: experiment.startsAt.toISOString(),
    created_at: experiment.createdAt.toISOString(),
    ramp_up: rampUp,
    design: {
      developers: assignments.length,
      per_arm: Object.fromEntries(
        experiment.arms.map((arm) => [arm, assignments.filter((x) => x.arm === arm).length]),
      ),
      stratified_by: experiment.stratify.map((v) =>
        v.quantiles ? `${v.column} (${v.quantiles} quantile groups)` : v.column,
      ),
      rerandomization_draws: design.rerandomization.draws,
      max_abs_smd: finiteOrNull(design.max_abs_smd),
      late_joiners: assignments.filter((x) => x.batch > 0).length,
      leavers: assignments.filter((x) => x.leftAt !== null).length,
      balance: design.balance.map((b) => ({
        column: b.column,
        means: Object.fromEntries(experiment.arms.map((arm) => [arm, finiteOrNull(b.means[arm])])),
        smd: finiteOrNull(b.smd),
        missing: b.missing,
      })),
      strata: design.strata.map((s) => ({ stratum: s.stratum, units: s.units, counts: s.counts })),
    },
    summary: summarySentences(analyses),
    metrics,
    guardrails: guardrails.map((g) => ({
      metric: g.metric,
      margin: g.margin,
      scale: g.scale,
      direction: g.direction,
      estimate: g.estimate,
      ci: g.ci,
      p_value: g.p_value,
      verdict: g.verdict,
    })),
    survey: feedback.survey ?? null,
    telemetry: feedback.telemetry ?? null,
  };
}

/** One stored analysis as the experiments list shows it (the detail view adds to it). */
export function analysisSummary(record: AnalysisRecord): ExperimentAnalysisResponse {
  const { effect, n, checks } = record.report;
  return {
    metric: record.metric,
    role: record.role,
    summary: effectSentence(record.report, record.metric),
    effect: {
      estimate: effect.estimate,
      ci: effect.ci,
      p_value: effect.p_value,
      scale: effect.scale,
      conf_level: effect.conf_level,
      method: effect.method,
    },
    units: { treatment: n.treatment.units, control: n.control.units },
    srm_flag: checks.srm_flag,
    warnings: checks.warnings,
  };
}
