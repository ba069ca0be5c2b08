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
export { experimentMigrations } from "./migrations.js";
export type { DurationRow, PowerOptions, PowerReport } from "./power/power-analysis.js";
export { powerAnalysis } from "./power/power-analysis.js";
export { formatPowerText } from "./power/power-text.js";
export type { PrePeriodData, PrePeriodSpec } from "./power/pre-period-data.js";
export { readPrePeriod } from "./power/pre-period-data.js";
export type { SimulationResult } from "./power/simulated-power.js";
export type { VarianceProfile } from "./power/variance-profile.js";
export type { ReportInput } from "./report/render-report.js";
export { renderExperimentReport } from "./report/render-report.js";
export type { Multiplicity } from "./report/report-summary.js";
export { multiplicity, summarySentences } from "./report/report-summary.js";
