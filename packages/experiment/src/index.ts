/**
 * @uplift/experiment — randomized rollouts of developer tools: assignment design, power, and the
 * developer-clustered causal analysis, built on @uplift/stats.
 */
export type { AnalysisData, AnalysisUnit, ExcludedRows } from "./analysis/analysis-data.js";
export { prepareAnalysisData } from "./analysis/analysis-data.js";
export type { AnalysisRecord, WeeklyPoint } from "./analysis/analysis-record.js";
export { analysisRecord, weeklyTrend } from "./analysis/analysis-record.js";
export type {
  AnalysisChecks,
  AnalysisReport,
  ArmCount,
  BalanceRow,
  EffectEstimate,
  EffectScale,
  NonInferiority,
  PrimaryEffect,
  RobustnessEstimate,
  SampleSizes,
} from "./analysis/analysis-report.js";
export type { AnalysisPeriod, AnalysisSpec } from "./analysis/analysis-spec.js";
export { effectSentence, formatAnalysisText, formatEffect, formatPValue } from "./analysis/analysis-text.js";
export type { AnalyzeOptions } from "./analysis/analyze-experiment.js";
export { analyzeExperiment } from "./analysis/analyze-experiment.js";
export type { Heterogeneity, SubgroupEffect } from "./analysis/subgroup-effects.js";
export { subgroupEffects } from "./analysis/subgroup-effects.js";
export type { CsvTable } from "./csv/csv-table.js";
export { columnIndex, parseCsvTable, readCsvTable } from "./csv/csv-table.js";
export type { StagedFile } from "./csv/write-csv.js";
export { formatCsv, stageFile, writeFileAfter } from "./csv/write-csv.js";
export type { BalanceColumn, NumericAttribute } from "./design/balance-table.js";
export { balanceTable, maxAbsSmd } from "./design/balance-table.js";
export type {
  Assignment,
  DesignOptions,
  ExperimentDesign,
  StratumSummary,
} from "./design/design-experiment.js";
export { designExperiment } from "./design/design-experiment.js";
export { formatBalanceTable, formatDesignText } from "./design/design-text.js";
export type { StoredAssignment, StoredExperiment } from "./design/experiment-repository.js";
export { ExperimentRepository } from "./design/experiment-repository.js";
export type { LateAssignment } from "./design/late-assignment.js";
export { assignLate } from "./design/late-assignment.js";
export { seedStream } from "./design/seed-stream.js";
export type { StratumVariable } from "./design/strata.js";
export { formatStratify, parseStratify } from "./design/strata.js";
export type { DidEstimate, DidOptions, DidReport } from "./did/did-analysis.js";
export { analyzeDid } from "./did/did-analysis.js";
export type { DidPanel, DidSpec } from "./did/did-data.js";
export { prepareDidPanel } from "./did/did-data.js";
export { formatDidText } from "./did/did-text.js";
export { experimentMigrations } from "./migrations.js";
export type { DurationRow, PowerOptions, PowerReport } from "./power/power-analysis.js";
export { powerAnalysis } from "./power/power-analysis.js";
export { formatPowerText } from "./power/power-text.js";
export type { PrePeriodData, PrePeriodSpec } from "./power/pre-period-data.js";
export { readPrePeriod } from "./power/pre-period-data.js";
export type { SimulationResult } from "./power/simulated-power.js";
export type { VarianceProfile } from "./power/variance-profile.js";
export type { StripLayout, TrendLayout } from "./report/chart-layout.js";
export { niceTicks, stripLayout, trendLayout } from "./report/chart-layout.js";
export type { ReportInput } from "./report/render-report.js";
export { renderExperimentReport } from "./report/render-report.js";
export type { Multiplicity } from "./report/report-summary.js";
export { multiplicity, summarySentences } from "./report/report-summary.js";
export { standardErrorFromP, summaryMatchedSample } from "./reproduction/summary-matched-sample.js";
export type {
  GuardrailSetting,
  StoredAnalysisOptions,
  StoredAnalysisReport,
  StoredMetricAnalysis,
} from "./stored/analyze-stored.js";
export { analyzeStoredMetrics } from "./stored/analyze-stored.js";
export type { GuardrailRow, GuardrailVerdict } from "./stored/guardrail-verdict.js";
export { guardrailRow } from "./stored/guardrail-verdict.js";
export { formatStoredAnalysisText } from "./stored/stored-analysis-text.js";
export { storedSurveyAnswers, storedTelemetryDays } from "./stored/stored-feedback.js";
export type { StoredMetricRow, StoredMetricRows, StoredRowsOptions } from "./stored/stored-metric-rows.js";
export { storedMetricRows } from "./stored/stored-metric-rows.js";
export type { FeedbackColumns } from "./survey/feedback-csv.js";
export { surveyAnswersFromCsv, telemetryDaysFromCsv } from "./survey/feedback-csv.js";
export { formatSurveyText, formatTelemetryText } from "./survey/feedback-text.js";
export type {
  LikertAnswer,
  LikertArmSummary,
  LikertItemAnalysis,
  SurveyAnalysis,
  SurveyOptions,
} from "./survey/likert-analysis.js";
export { analyzeSurvey } from "./survey/likert-analysis.js";
export type {
  ArmTelemetry,
  TelemetryAnalysis,
  TelemetryDayRow,
  TelemetryOptions,
  WeeklyTelemetry,
} from "./telemetry/acceptance-analysis.js";
export { ACCEPTANCE_DEFINITION, analyzeTelemetry } from "./telemetry/acceptance-analysis.js";
