import { InputError } from "@uplift/core";
import { type CsvTable, columnIndex } from "../csv/csv-table.js";
import { lineList } from "../csv/line-list.js";
import { instantCell, numericCell, textCell } from "../csv/numeric-cell.js";
import type { AnalysisSpec } from "./analysis-spec.js";

/** One randomization unit (developer) and its rows. */
export interface AnalysisUnit {
  id: string;
  treated: boolean;
  /** Indices into the row arrays of `AnalysisData`. */
  rows: number[];
}

/** Rows left out of the analysis, each kind counted (never dropped silently). */
export interface ExcludedRows {
  /** Empty outcome cell (e.g. a PR not merged yet). */
  missing_outcome: number;
  /** Empty covariate cell. */
  missing_covariate: number;
  /** Rows of arms other than treatment and control (with --control in a multi-arm file). */
  other_arms: number;
  /** Rows dated outside the analysis period (e.g. in the ramp-up window). */
  outside_period: number;
}

/** Validated, numeric analysis input: one entry per kept row, units in order of first appearance. */
export interface AnalysisData {
  file: string;
  spec: AnalysisSpec;
  /** The control arm's value (given or inferred). */
  control: string;
  /** Outcome on the analysis scale (log when `spec.logOutcome`). */
  y: number[];
  /** Outcome as in the file. */
  raw: number[];
  /** Covariate on the model scale, when there is one. */
  covariate: number[] | undefined;
  treated: boolean[];
  /** Index into `units` of each row. */
  unitIndex: number[];
  /** Cluster of each row for the standard errors when `spec.cluster` is set; else the unit (`unitIndex`). */
  clusterIndex?: number[] | undefined;
  /** Index into the table's `rows` of each kept row (for subgroup columns and other attributes). */
  sourceRows: number[];
  units: AnalysisUnit[];
  excluded: ExcludedRows;
  /** Zero and negative outcomes among kept rows (on the original scale). */
  outcomeValues: { zero: number; negative: number };
}

/** The control value: given, or the single value other than the treatment. */
function resolveControl(table: CsvTable, spec: AnalysisSpec, armCounts: Map<string, number>): string {
  const described = [...armCounts].map(([v, n]) => `"${v}" (${n} rows)`).join(", ");
  if (!armCounts.has(spec.treatment)) {
    throw new InputError(
      `--treatment ${spec.treatment}: column "${spec.arm}" of ${table.file} has no row with that value (values: ${described})`,
    );
  }
  if (spec.control !== undefined) {
    if (spec.control === spec.treatment)
      throw new InputError(`--control and --treatment are both "${spec.control}"; they must differ`);
    if (!armCounts.has(spec.control)) {
      throw new InputError(
        `--control ${spec.control}: column "${spec.arm}" of ${table.file} has no row with that value (values: ${described})`,
      );
    }
    return spec.control;
  }
  const others = [...armCounts.keys()].filter((v) => v !== spec.treatment);
  if (others.length === 0) {
    throw new InputError(
      `column "${spec.arm}" of ${table.file} has a single arm, "${spec.treatment}": an experiment needs a control arm too (check the file and --arm)`,
    );
  }
  if (others.length > 1) {
    throw new InputError(
      `column "${spec.arm}" of ${table.file} has ${others.length + 1} arms (${described}): say which is the control with --control VALUE`,
    );
  }
  return others[0] as string;
}

/**
 * Reads and validates the analysis columns of a table. Throws `InputError` (exit 2) naming the
 * file, line and column for: an unknown column, an empty arm or unit, a treatment or control value
 * that is absent, a single arm, a unit in both arms, a non-numeric value, non-positive values with
 * a log transform (how many and which lines), fewer than 2 units in an arm, a constant outcome or
 * covariate. Rows with an empty outcome or covariate cell, and rows of other arms, are left out
 * and counted in `excluded`.
 */
export function prepareAnalysisData(table: CsvTable, spec: AnalysisSpec): AnalysisData {
  const outcomeCol = columnIndex(table, spec.outcome, "--outcome");
  const armCol = columnIndex(table, spec.arm, "--arm");
  const unitCol = columnIndex(table, spec.unit, "--unit");
  const clusterCol = spec.cluster === undefined ? -1 : columnIndex(table, spec.cluster, "--cluster");
  const covariateCol = spec.covariate === undefined ? -1 : columnIndex(table, spec.covariate, "--covariate");
  if (spec.logCovariate && covariateCol < 0) throw new InputError("--log-covariate needs --covariate COL");
  const period = spec.period;
  const dateCol = period ? columnIndex(table, period.column, "--date") : -1;
  if (table.rows.length === 0) throw new InputError(`${table.file} has a header but no data rows`);

  const armCounts = new Map<string, number>();
  table.rows.forEach((_, r) => {
    const arm = textCell(table, r, armCol);
    if (arm === "") {
      throw new InputError(`${table.file} line ${table.lines[r]}, column "${spec.arm}": the arm is empty`);
    }
    armCounts.set(arm, (armCounts.get(arm) ?? 0) + 1);
  });
  const control = resolveControl(table, spec, armCounts);

  const excluded: ExcludedRows = {
    missing_outcome: 0,
    missing_covariate: 0,
    other_arms: 0,
    outside_period: 0,
  };
  const y: number[] = [];
  const raw: number[] = [];
  const covariate: number[] | undefined = covariateCol >= 0 ? [] : undefined;
  const treated: boolean[] = [];
  const unitIndex: number[] = [];
  const clusterIndex: number[] = [];
  const clusterByKey = new Map<string, number>();
  const sourceRows: number[] = [];
  const units: AnalysisUnit[] = [];
  const unitByKey = new Map<string, number>();
  const armOfUnit = new Map<string, { arm: string; line: number }>();
  const nonPositiveOutcome: number[] = [];
  const nonPositiveCovariate: number[] = [];
  const outcomeValues = { zero: 0, negative: 0 };

  table.rows.forEach((_, r) => {
    const line = table.lines[r] as number;
    const arm = textCell(table, r, armCol);
    if (arm !== spec.treatment && arm !== control) {
      excluded.other_arms++;
      return;
    }
    const unit = textCell(table, r, unitCol);
    if (unit === "")
      throw new InputError(`${table.file} line ${line}, column "${spec.unit}": the unit is empty`);
    const seen = armOfUnit.get(unit);
    if (seen === undefined) armOfUnit.set(unit, { arm, line });
    else if (seen.arm !== arm) {
      throw new InputError(
        `${table.file}: unit "${unit}" appears in both arms ("${seen.arm}" on line ${seen.line}, "${arm}" on line ${line}); each unit must stay in the arm it was assigned`,
      );
    }
    if (period) {
      const date = instantCell(table, r, dateCol);
      if (!date) {
        throw new InputError(`${table.file} line ${line}, column "${period.column}": the date is empty`);
      }
      if ((period.from && date < period.from) || (period.to && date >= period.to)) {
        excluded.outside_period++;
        return;
      }
    }
    const outcome = numericCell(table, r, outcomeCol);
    const cov = covariateCol >= 0 ? numericCell(table, r, covariateCol) : 0;
    if (outcome === undefined) {
      excluded.missing_outcome++;
      return;
    }
    if (cov === undefined) {
      excluded.missing_covariate++;
      return;
    }
    const isTreated = arm === spec.treatment;
    let u = unitByKey.get(unit);
    if (u === undefined) {
      u = units.length;
      unitByKey.set(unit, u);
      units.push({ id: unit, treated: isTreated, rows: [] });
    }
    if (outcome === 0) outcomeValues.zero++;
    if (outcome < 0) outcomeValues.negative++;
    if (spec.logOutcome && !(outcome > 0)) nonPositiveOutcome.push(line);
    if (spec.logCovariate && !(cov > 0)) nonPositiveCovariate.push(line);
    (units[u] as AnalysisUnit).rows.push(y.length);
    raw.push(outcome);
    y.push(spec.logOutcome ? Math.log(outcome) : outcome);
    covariate?.push(spec.logCovariate ? Math.log(cov) : cov);
    treated.push(isTreated);
    unitIndex.push(u);
    if (clusterCol >= 0) {
      const key = textCell(table, r, clusterCol);
      if (key === "")
        throw new InputError(`${table.file} line ${line}, column "${spec.cluster}": the cluster is empty`);
      let c = clusterByKey.get(key);
      if (c === undefined) {
        c = clusterByKey.size;
        clusterByKey.set(key, c);
      }
      clusterIndex.push(c);
    } else clusterIndex.push(u);
    sourceRows.push(r);
  });

  if (nonPositiveOutcome.length > 0) {
    throw new InputError(
      `--log-outcome: ${nonPositiveOutcome.length} row(s) of ${table.file} have ${spec.outcome} <= 0 (${lineList(nonPositiveOutcome)}); the log needs positive values: drop or fix those rows (e.g. a zero-duration PR), or analyse without --log-outcome`,
    );
  }
  if (nonPositiveCovariate.length > 0) {
    throw new InputError(
      `--log-covariate: ${nonPositiveCovariate.length} row(s) of ${table.file} have ${spec.covariate} <= 0 (${lineList(nonPositiveCovariate)}); the log needs positive values`,
    );
  }
  const perArm = (isTreated: boolean) => units.filter((u) => u.treated === isTreated).length;
  for (const [name, isTreated] of [
    [spec.treatment, true],
    [control, false],
  ] as const) {
    const count = perArm(isTreated);
    if (count < 2) {
      throw new InputError(
        `arm "${name}" of ${table.file} has ${count} unit(s) with a usable ${spec.outcome} (column "${spec.unit}"); the analysis needs at least 2 units per arm`,
      );
    }
  }
  if (isConstant(y)) {
    throw new InputError(
      `--outcome ${spec.outcome}: every analysed row of ${table.file} has the same value (${raw[0]}); there is no variation to analyse`,
    );
  }
  if (covariate && isConstant(covariate)) {
    throw new InputError(
      `--covariate ${spec.covariate}: every analysed row of ${table.file} has the same value; a constant covariate adjusts nothing, drop --covariate`,
    );
  }
  return {
    file: table.file,
    spec,
    control,
    y,
    raw,
    covariate,
    treated,
    unitIndex,
    ...(clusterCol >= 0 ? { clusterIndex } : {}),
    sourceRows,
    units,
    excluded,
    outcomeValues,
  };
}

function isConstant(values: readonly number[]): boolean {
  const first = values[0];
  return values.every((v) => v === first);
}
