/** Code-quality guardrails: rework and reverts from local Git history, SARIF import (docs/measure-quality.md). */
export {
  type AnalyzeGitQualityOptions,
  analyzeGitQuality,
  type GitQualityResult,
} from "./analyze-git-quality.js";
export { qualityMigrations } from "./migrations.js";
export { DEFAULT_QUALITY_RULES, type QualityRules } from "./quality-rules.js";
export { DEFAULT_EXCLUDED_FILES, REWORK_WINDOW_DAYS } from "./rework-tracker.js";
export { type ImportSarifOptions, importSarif, type SarifImportResult } from "./sarif/import-sarif.js";
