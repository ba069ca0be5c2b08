import { geometricMean, mean } from "@uplift/stats";
import type { AnalysisData } from "./analysis-data.js";
import type { AnalysisReport, PrimaryEffect, RobustnessEstimate, SampleSizes } from "./analysis-report.js";
import { analysisChecks } from "./checks.js";
import { clusteredArmEffect } from "./clustered-model.js";
import { effectScale, intervalToReportScale, toReportScale } from "./effect-scale.js";
import { assertFiniteReport } from "./finite-report.js";
import { nonInferiority } from "./non-inferiority.js";
import { medianBootstrap } from "./robustness/median-bootstrap.js";
import { primaryBootstrap } from "./robustness/primary-bootstrap.js";
import { rankShift } from "./robustness/rank-shift.js";
import { unitMeansAncova } from "./robustness/unit-ancova.js";
import { unitMeansWelch } from "./robustness/unit-welch.js";
import { winsorizedEffect } from "./robustness/winsorized.js";
import { withStatsInput } from "./stats-input.js";
import { subgroupEffects } from "./subgroup-effects.js";

export interface AnalyzeOptions {
  /** Cluster-bootstrap replicates for the bootstrap robustness entries; 0 skips them. Default 2000. */
  bootstrapReplicates?: number;
  /** Seed of the bootstrap resampling. Default 1 (so the same data always give the same output). */
  seed?: number;
  /** Default 0.95. */
  confLevel?: number;
  /** Non-inferiority margin for a guardrail (relative with a log outcome); none by default. */
  nonInferiorityMargin?: number | undefined;
  /** The metric improves upwards (default: lower is better, as durations and failure rates). */
  higherIsBetter?: boolean;
  /** Subgroup splits for heterogeneous effects: a name and one label per row of the data. */
  subgroups?: readonly { by: string; labels: readonly string[] }[];
}

const optional = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

function sampleSizes(data: AnalysisData): SampleSizes {
  const count = (treated: boolean) => {
    const units = data.units.filter((u) => u.treated === treated);
    return { units: units.length, rows: units.reduce((s, u) => s + u.rows.length, 0) };
  };
  return {
    treatment: { value: data.spec.treatment, ...count(true) },
    control: { value: data.control, ...count(false) },
    units: data.units.length,
    rows: data.y.length,
  };
}

function primaryMethod(data: AnalysisData): string {
  const { spec } = data;
  const response = spec.logOutcome ? `log(${spec.outcome})` : spec.outcome;
  const covariate = spec.covariate
    ? ` + ${spec.logCovariate ? `log(${spec.covariate})` : spec.covariate}`
    : "";
  const scale = spec.logOutcome ? "; relative effect exp(β) − 1" : "; absolute effect β";
  return `OLS of ${response} on arm${covariate}, rows clustered by ${spec.cluster ?? spec.unit}: CR2 standard error with Satterthwaite df${scale}`;
}

function primaryEffect(data: AnalysisData, confLevel: number): PrimaryEffect {
  const { logOutcome } = data.spec;
  const fit = withStatsInput(`cannot estimate the effect on ${data.spec.outcome} in ${data.file}`, () =>
    clusteredArmEffect(data, data.y, confLevel),
  );
  const byArm = (treated: boolean) => data.raw.filter((_, i) => data.treated[i] === treated);
  const location = logOutcome ? geometricMean : mean;
  return {
    estimate: toReportScale(logOutcome, fit.coefficient),
    ci: intervalToReportScale(logOutcome, fit.ci),
    p_value: fit.pValue,
    scale: effectScale(logOutcome),
    method: primaryMethod(data),
    coefficient: fit.coefficient,
    coefficient_ci: fit.ci,
    std_error: fit.stdError,
    df: fit.df,
    conf_level: confLevel,
    clusters: fit.clusters,
    baseline: {
      statistic: logOutcome ? "geometric mean" : "mean",
      treatment: location(byArm(true)),
      control: location(byArm(false)),
    },
  };
}

/**
 * The full analysis of a randomized experiment on row-level data (PRs of developers): the primary
 * estimate (OLS of the (log) outcome on the arm, + covariate, CR2 clustered by unit, Satterthwaite
 * df), the robustness block (per-unit Welch, Mann–Whitney/Hodges–Lehmann, winsorized, medians and
 * primary with cluster-bootstrap intervals) and the checks (SRM, balance, zeros, exclusions).
 * Deterministic for a given seed. Every number in the result is finite.
 */
export function analyzeExperiment(data: AnalysisData, options: AnalyzeOptions = {}): AnalysisReport {
  const { bootstrapReplicates = 2000, seed = 1, confLevel = 0.95 } = options;
  const effect = primaryEffect(data, confLevel);
  const settings = { replicates: bootstrapReplicates, seed, confLevel };
  // with units randomized inside clusters the arms share clusters: the bootstrap resamples of
  // whole units within arms would break the clusters apart, so they are left out (and said so)
  const bootstrap = bootstrapReplicates > 0 && data.spec.cluster === undefined;
  const robustness: RobustnessEstimate[] = [
    unitMeansWelch(data, confLevel),
    ...optional(unitMeansAncova(data, confLevel)),
    rankShift(data, confLevel),
    winsorizedEffect(data, confLevel),
    ...(bootstrap ? [medianBootstrap(data, settings), primaryBootstrap(data, settings)] : []),
  ];
  const report: AnalysisReport = { n: sampleSizes(data), effect, robustness, checks: analysisChecks(data) };
  if (data.spec.cluster !== undefined) {
    report.checks.warnings.push(
      `--cluster ${data.spec.cluster}: ${data.spec.unit}s were randomized within ${data.spec.cluster}s; only the primary estimate is clustered by ${data.spec.cluster}, the robustness estimates treat ${data.spec.unit}s as independent and the cluster bootstrap is skipped`,
    );
  }
  if (options.nonInferiorityMargin !== undefined) {
    const check = nonInferiority(
      effect,
      options.nonInferiorityMargin,
      Boolean(options.higherIsBetter),
      data.spec.logOutcome,
    );
    report.checks.non_inferiority = check;
    if (!check.non_inferior) {
      report.checks.warnings.push(
        `non-inferiority not shown: a worsening of ${check.margin} or more is not ruled out (bound ${check.bound.toPrecision(3)}, p = ${check.p_value.toPrecision(2)})`,
      );
    }
  }
  if (options.subgroups?.length) {
    report.heterogeneity = options.subgroups.map(({ by, labels }) =>
      withStatsInput(`cannot estimate the effects by ${by} in ${data.file}`, () =>
        subgroupEffects(data, by, labels, confLevel),
      ),
    );
  }
  if (bootstrapReplicates === 0 && data.spec.cluster === undefined) {
    report.checks.warnings.push("--cluster-bootstrap 0: the bootstrap robustness estimates were skipped");
  }
  assertFiniteReport(report);
  return report;
}
