import { InputError } from "@uplift/core";
import { type CsvTable, columnIndex } from "../csv/csv-table.js";
import { lineList } from "../csv/line-list.js";
import { numericCell, textCell } from "../csv/numeric-cell.js";

/** Which columns of pre-period data (rows of developers, no arms yet) to plan with. */
export interface PrePeriodSpec {
  outcome: string;
  unit: string;
  covariate?: string | undefined;
  logOutcome: boolean;
  logCovariate: boolean;
}

/** Pre-period rows, validated and on the model scale, grouped by unit. */
export interface PrePeriodData {
  file: string;
  spec: PrePeriodSpec;
  y: number[];
  raw: number[];
  covariate: number[] | undefined;
  unitIndex: number[];
  /** Row indices of each unit, units in order of first appearance. */
  units: { id: string; rows: number[] }[];
  /** Rows with an empty outcome or covariate cell, left out. */
  missingRows: number;
}

/**
 * Reads pre-period data for power analysis. Bad input is `InputError` (exit 2) naming file, line
 * and column: unknown column, empty unit, non-numeric values, non-positive values under a log
 * (how many and which lines), fewer than 2 units, no unit with 2 rows (the intra-developer
 * correlation needs repeated rows), a constant outcome or covariate.
 */
export function readPrePeriod(table: CsvTable, spec: PrePeriodSpec): PrePeriodData {
  const outcomeCol = columnIndex(table, spec.outcome, "--outcome");
  const unitCol = columnIndex(table, spec.unit, "--unit");
  const covariateCol = spec.covariate === undefined ? -1 : columnIndex(table, spec.covariate, "--covariate");
  if (spec.logCovariate && covariateCol < 0) throw new InputError("--log-covariate needs --covariate COL");
  const data: PrePeriodData = {
    file: table.file,
    spec,
    y: [],
    raw: [],
    covariate: covariateCol >= 0 ? [] : undefined,
    unitIndex: [],
    units: [],
    missingRows: 0,
  };
  const byId = new Map<string, number>();
  const badOutcome: number[] = [];
  const badCovariate: number[] = [];
  table.rows.forEach((_, r) => {
    const line = table.lines[r] as number;
    const id = textCell(table, r, unitCol);
    if (id === "")
      throw new InputError(`${table.file} line ${line}, column "${spec.unit}": the unit is empty`);
    const outcome = numericCell(table, r, outcomeCol);
    const cov = covariateCol >= 0 ? numericCell(table, r, covariateCol) : 0;
    if (outcome === undefined || cov === undefined) {
      data.missingRows++;
      return;
    }
    if (spec.logOutcome && !(outcome > 0)) badOutcome.push(line);
    if (spec.logCovariate && !(cov > 0)) badCovariate.push(line);
    let u = byId.get(id);
    if (u === undefined) {
      u = data.units.length;
      byId.set(id, u);
      data.units.push({ id, rows: [] });
    }
    data.units[u]?.rows.push(data.y.length);
    data.unitIndex.push(u);
    data.raw.push(outcome);
    data.y.push(spec.logOutcome ? Math.log(outcome) : outcome);
    data.covariate?.push(spec.logCovariate ? Math.log(cov) : cov);
  });
  if (badOutcome.length > 0) {
    throw new InputError(
      `--log-outcome: ${badOutcome.length} row(s) of ${table.file} have ${spec.outcome} <= 0 (${lineList(badOutcome)}); the log needs positive values`,
    );
  }
  if (badCovariate.length > 0) {
    throw new InputError(
      `--log-covariate: ${badCovariate.length} row(s) of ${table.file} have ${spec.covariate} <= 0 (${lineList(badCovariate)}); the log needs positive values`,
    );
  }
  if (data.units.length < 2) {
    throw new InputError(
      `${table.file} has ${data.units.length} unit(s) with a usable ${spec.outcome}; power analysis needs at least 2`,
    );
  }
  if (data.units.every((u) => u.rows.length < 2)) {
    throw new InputError(
      `${table.file}: every unit has a single row, so the intra-${spec.unit} correlation cannot be estimated; use row-level pre-period data (e.g. one row per PR)`,
    );
  }
  if (data.y.every((v) => v === data.y[0])) {
    throw new InputError(
      `--outcome ${spec.outcome}: every row of ${table.file} has the same value; there is no variance to plan with`,
    );
  }
  if (data.covariate?.every((v) => v === data.covariate?.[0])) {
    throw new InputError(
      `--covariate ${spec.covariate}: every row of ${table.file} has the same value; drop --covariate`,
    );
  }
  return data;
}
