import { InputError, type Store } from "@uplift/core";
import { metricDefinitions } from "@uplift/measure";
import { mean } from "@uplift/stats";
import { prepareAnalysisData } from "../analysis/analysis-data.js";
import { type AnalysisRecord, analysisRecord } from "../analysis/analysis-record.js";
import type { AnalysisReport } from "../analysis/analysis-report.js";
import { type AnalyzeOptions, analyzeExperiment } from "../analysis/analyze-experiment.js";
import { ExperimentRepository } from "../design/experiment-repository.js";
import { type Multiplicity, multiplicity } from "../report/report-summary.js";
import { developerAttributes, subgroupLabel } from "./developer-attributes.js";
import { type GuardrailRow, guardrailRow } from "./guardrail-verdict.js";
import { storedMetricRows } from "./stored-metric-rows.js";
import { storedMetricTable } from "./stored-metric-table.js";

/** A guardrail setting: the relative margin and which way is better. */
export interface GuardrailSetting {
  margin: number;
  higherIsBetter: boolean;
}

export interface StoredAnalysisOptions
  extends Pick<AnalyzeOptions, "bootstrapReplicates" | "seed" | "confLevel"> {
  experiment: string;
  metrics: readonly string[];
  /** Arm values; default: the experiment's arms (control first, then the one treatment). */
  treatment?: string | undefined;
  control?: string | undefined;
  /** Log scale for every metric; default: log for durations (unit hours), absolute otherwise. */
  logOutcome?: boolean | undefined;
  /** Adjust for the pre-period mean (default true). */
  covariate?: boolean;
  /** Guardrails by metric, overriding the metric definitions' margins and directions. */
  guardrails?: ReadonlyMap<string, GuardrailSetting>;
  preDays?: number;
  to?: Date | undefined;
  includeRampUp?: boolean;
  /** Heterogeneous effects by these: team, role, repo, or a developer attribute. */
  by?: readonly string[];
}

/** One metric's analysis: the contract's `{ n, effect, robustness, checks }` plus its provenance. */
export interface StoredMetricAnalysis extends AnalysisReport {
  metric: string;
  role: "outcome" | "guardrail";
  unit: string;
  /** What one analysed row is: a record (PR, commit, user-day) or a developer-week. */
  grain: "record" | "developer-week";
  covariate: string;
  /** Records left out before the analysis (metric exclusions, developers not in the experiment, ramp-up). */
  left_out: Record<string, number>;
  /** Adjusted across the outcome metrics of this run; null for guardrails. */
  holm_p_value: number | null;
  bh_p_value: number | null;
}

/** `experiment analyze --experiment NAME --metric …` without `--data`. */
export interface StoredAnalysisReport {
  experiment: string;
  source: "store";
  arms: { treatment: string; control: string };
  window: {
    pre_from: string;
    start: string;
    analysis_from: string;
    analysis_to: string | null;
    note: string;
  };
  metrics: StoredMetricAnalysis[];
  multiplicity: { family: string[]; methods: string; adjusted: Multiplicity[] };
  guardrails: GuardrailRow[];
}

/** The guardrail setting of a metric: an explicit one, else its definition's margin and direction. */
function guardrailOf(metric: string, options: StoredAnalysisOptions): GuardrailSetting | undefined {
  const explicit = options.guardrails?.get(metric);
  if (explicit) return explicit;
  const definition = metricDefinitions().find((d) => d.name === metric);
  if (!definition || definition.non_inferiority_margin === null) return undefined;
  return {
    margin: definition.non_inferiority_margin,
    higherIsBetter: definition.direction === "higher_is_better",
  };
}

function resolveArms(arms: readonly string[], options: StoredAnalysisOptions) {
  const treatment = options.treatment ?? (arms.length === 2 ? arms[1] : undefined);
  if (treatment === undefined) {
    throw new InputError(
      `experiment ${options.experiment} has ${arms.length} arms (${arms.join(", ")}): name the treatment with --treatment VALUE`,
    );
  }
  const control = options.control ?? arms[0];
  for (const [flag, value] of [
    ["--treatment", treatment],
    ["--control", control],
  ] as const) {
    if (value === undefined || !arms.includes(value))
      throw new InputError(`${flag} ${value}: experiment ${options.experiment} has arms ${arms.join(", ")}`);
  }
  if (treatment === control) throw new InputError(`--treatment and --control are both "${treatment}"`);
  return { treatment, control: control as string };
}

/**
 * Analyses stored metrics of a designed experiment: for each metric, per-developer rows from
 * measure's drill-down with the arm from the stored assignment and the developer's pre-period mean
 * as covariate, the ramp-up left out; the same estimators as a CSV analysis; Holm and
 * Benjamini–Hochberg across the outcome metrics; guardrails (a non-inferiority margin from the
 * metric's definition or `guardrails`) tested for non-inferiority and given a verdict. Returns the
 * records for `--save` as well.
 */
export async function analyzeStoredMetrics(
  store: Store,
  options: StoredAnalysisOptions,
): Promise<{ report: StoredAnalysisReport; records: AnalysisRecord[] }> {
  if (options.metrics.length === 0) throw new InputError("--metric: name at least one metric to analyse");
  const repository = new ExperimentRepository(store);
  const experiment = await repository.get(options.experiment);
  const assignments = await repository.assignments(experiment.name);
  const arms = resolveArms(experiment.arms, options);
  const developers = options.by?.length ? await developerAttributes(store, options.by) : new Map();
  const analyses: StoredMetricAnalysis[] = [];
  const records: AnalysisRecord[] = [];
  const guardrails: GuardrailRow[] = [];
  let window: StoredAnalysisReport["window"] | undefined;
  for (const metric of new Set(options.metrics)) {
    const stored = await storedMetricRows(store, metric, {
      experiment,
      assignments,
      preDays: options.preDays,
      to: options.to,
      includeRampUp: options.includeRampUp,
    });
    window = stored.window;
    const logOutcome = options.logOutcome ?? stored.unit === "hours";
    const subgroups = (options.by ?? []).map((by) => ({ by, labelOf: subgroupLabel(by, developers) }));
    const laid = storedMetricTable(stored, { ...arms, logOutcome, covariate: options.covariate, subgroups });
    if (laid.table.rows.length === 0) {
      throw new InputError(
        `--metric ${metric}: no ${stored.grain === "record" ? "records" : "developer-weeks"} of assigned developers in the analysis period (from ${stored.window.analysis_from}; left out: ${stored.left_out.excluded_by_metric} excluded by the metric's definition, e.g. a missing timestamp, ${stored.left_out.not_in_experiment} of developers not in the experiment, ${stored.left_out.ramp_up} in the ramp-up); import data (uplift measure import …) or check --to`,
      );
    }
    const data = prepareAnalysisData(laid.table, laid.spec);
    const guardrail = guardrailOf(metric, options);
    // a relative margin on an absolute-scale metric (a rate) becomes margin × control mean
    const controlMean = mean(data.raw.filter((_, i) => !data.treated[i]));
    const margin =
      guardrail === undefined ? undefined : logOutcome ? guardrail.margin : guardrail.margin * controlMean;
    const report = analyzeExperiment(data, {
      bootstrapReplicates: options.bootstrapReplicates,
      seed: options.seed,
      confLevel: options.confLevel,
      nonInferiorityMargin: margin !== undefined && margin > 0 ? margin : undefined,
      higherIsBetter: guardrail?.higherIsBetter ?? false,
      subgroups: subgroups.map(({ by }, j) => ({
        by,
        labels: data.sourceRows.map((r) => laid.table.rows[r]?.[5 + j] ?? ""),
      })),
    });
    if (laid.nonPositive > 0) {
      report.checks.warnings.push(
        `${laid.nonPositive} row(s) with ${metric} ≤ 0 left out: the log scale needs positive values (analyse with --absolute to keep them)`,
      );
    }
    if (guardrail && !logOutcome) {
      report.checks.warnings.push(
        `guardrail margin ${guardrail.margin} is relative: on the absolute scale it is ${guardrail.margin} × the control mean ${controlMean.toPrecision(3)} = ${(margin ?? 0).toPrecision(3)} (the control mean taken as fixed)`,
      );
    }
    const record = analysisRecord(metric, laid.table, data, report);
    records.push(record);
    const row = guardrail ? guardrailRow(metric, report, guardrail.margin) : undefined;
    if (row) guardrails.push(row);
    analyses.push({
      metric,
      role: record.role,
      unit: stored.unit,
      grain: stored.grain,
      covariate: laid.covariateNote,
      left_out: stored.left_out,
      ...report,
      holm_p_value: null,
      bh_p_value: null,
    });
  }
  const adjusted = multiplicity(records);
  for (const m of adjusted) {
    const analysis = analyses.find((a) => a.metric === m.metric);
    if (analysis) {
      analysis.holm_p_value = m.holm;
      analysis.bh_p_value = m.bh;
    }
  }
  return {
    report: {
      experiment: experiment.name,
      source: "store",
      arms,
      window: window as StoredAnalysisReport["window"],
      metrics: analyses,
      multiplicity: {
        family: adjusted.map((m) => m.metric),
        methods:
          "Holm (family-wise error) and Benjamini–Hochberg (false discovery rate) across the outcome metrics of this run; guardrails are tested for non-inferiority and left out of the family",
        adjusted,
      },
      guardrails,
    },
    records,
  };
}
