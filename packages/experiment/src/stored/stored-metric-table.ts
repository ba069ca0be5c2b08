import type { AnalysisSpec } from "../analysis/analysis-spec.js";
import type { CsvTable } from "../csv/csv-table.js";
import type { StoredMetricRow, StoredMetricRows } from "./stored-metric-rows.js";

/** The analysis table of a stored metric, with the spec that reads it and what was left out. */
export interface StoredMetricTable {
  table: CsvTable;
  spec: AnalysisSpec;
  /** How the covariate was formed, or why there is none. */
  covariateNote: string;
  /** Analysis rows with a non-positive value left out because the metric is analysed on the log scale. */
  nonPositive: number;
}

export interface StoredTableOptions {
  treatment: string;
  control: string;
  logOutcome: boolean;
  /** Adjust for each developer's pre-period mean (CUPED/ANCOVA). Default true. */
  covariate?: boolean;
  /** Subgroup columns to add (for `--by`): a name and each row's label. */
  subgroups?: readonly { by: string; labelOf: (row: StoredMetricRow) => string }[];
}

/**
 * Lays the stored rows out as the table `prepareAnalysisData` reads, so stored metrics go through
 * exactly the validation and estimators of a CSV analysis. Columns: `developer`, `arm`, the metric,
 * `pre_<metric>` (the developer's pre-period mean of the metric on the analysis scale — mean of
 * logs with a log outcome; empty when the developer has no pre-period value, so the row is left out
 * and counted as `missing_covariate`; 0 for a count per week), `at` (ISO anchor). Under a log,
 * zero values (e.g. a zero-duration PR) are left out and counted in `nonPositive`.
 */
export function storedMetricTable(stored: StoredMetricRows, options: StoredTableOptions): StoredMetricTable {
  const { metric } = stored;
  const withCovariate = options.covariate ?? true;
  const covariateColumn = `pre_${metric}`;
  const preMean = new Map<string, number>();
  for (const [unit, values] of stored.pre) {
    const usable = options.logOutcome ? values.filter((v) => v > 0).map(Math.log) : values;
    if (usable.length > 0) preMean.set(unit, usable.reduce((s, v) => s + v, 0) / usable.length);
  }
  const subgroups = options.subgroups ?? [];
  const header = ["developer", "arm", metric, covariateColumn, "at", ...subgroups.map((g) => g.by)];
  const rows: string[][] = [];
  const lines: number[] = [];
  let nonPositive = 0;
  for (const row of stored.rows) {
    if (row.arm !== options.treatment && row.arm !== options.control) continue;
    if (options.logOutcome && !(row.value > 0)) {
      nonPositive++;
      continue;
    }
    const pre = preMean.get(row.unit) ?? (stored.grain === "developer-week" ? 0 : undefined);
    rows.push([
      row.unit,
      row.arm,
      String(row.value),
      pre === undefined ? "" : String(pre),
      row.at.toISOString(),
      ...subgroups.map((g) => g.labelOf(row)),
    ]);
    lines.push(rows.length + 1);
  }
  const scale = options.logOutcome ? `mean of log(${metric})` : `mean of ${metric}`;
  const covariateNote = !withCovariate
    ? "no pre-period covariate (--no-covariate)"
    : stored.grain === "developer-week"
      ? `${covariateColumn}: the developer's ${metric.replace(/_per_developer_week$/, "")} count in the pre-period (${stored.window.pre_from.slice(0, 10)} to the start; 0 when none)`
      : `${covariateColumn}: the developer's ${scale} over the pre-period (${stored.window.pre_from.slice(0, 10)} to the start, before assignment); developers without a pre-period value are left out (missing_covariate)`;
  return {
    table: { file: `stored metric ${metric}`, header, rows, lines },
    spec: {
      outcome: metric,
      arm: "arm",
      treatment: options.treatment,
      control: options.control,
      unit: "developer",
      covariate: withCovariate ? covariateColumn : undefined,
      logOutcome: options.logOutcome,
      logCovariate: false,
      period: {
        column: "at",
        from: new Date(stored.window.analysis_from),
        to: stored.window.analysis_to === null ? undefined : new Date(stored.window.analysis_to),
        reason: stored.window.note,
      },
    },
    covariateNote,
    nonPositive,
  };
}
