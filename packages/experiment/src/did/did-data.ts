import { InputError } from "@uplift/core";
import type { PanelUnit } from "@uplift/stats";
import { type CsvTable, columnIndex } from "../csv/csv-table.js";
import { lineList } from "../csv/line-list.js";
import { isDecimalNumber, numericCell, textCell } from "../csv/numeric-cell.js";

/** Columns of a difference-in-differences panel (`experiment did`). */
export interface DidSpec {
  unit: string;
  time: string;
  /** The first period each unit is treated in; empty (or "never") for never-treated units. */
  treatedFrom: string;
  outcome: string;
  logOutcome: boolean;
}

/** A validated panel: one value per unit and period (rows of a unit-period averaged). */
export interface DidPanel {
  file: string;
  spec: DidSpec;
  /** Period labels in time order (numbers or ISO dates as in the file). */
  periods: string[];
  unitIds: string[];
  units: PanelUnit[];
  /** Row-level data for two-way fixed effects (one row per unit-period cell). */
  cells: { unit: number; period: number; y: number; treated: 0 | 1 }[];
  /** Rows averaged into a cell shared with another row, rows with an empty outcome. */
  notes: { averaged_rows: number; missing_outcome: number; treated_after_panel: number };
}

const NEVER = new Set(["", "never", "none", "na", "inf"]);

/** Orders period labels: numerically when every label is a number, else as ISO 8601 instants. */
function periodOrder(table: CsvTable, labels: Set<string>, flag: string): (a: string, b: string) => number {
  const values = [...labels];
  if (values.every(isDecimalNumber)) return (a, b) => Number(a) - Number(b);
  const bad = values.find((v) => Number.isNaN(Date.parse(v)));
  if (bad !== undefined)
    throw new InputError(
      `${flag}: "${bad}" in ${table.file} is neither a number nor an ISO 8601 date; periods must be one or the other`,
    );
  return (a, b) => Date.parse(a) - Date.parse(b);
}

/**
 * Reads a panel for difference-in-differences: rows of (unit, time, treated-from, outcome). Each
 * unit's cohort is the first period at or after its treated-from value (a unit treated after the
 * last period counts as not treated within the panel, and is counted). Several rows of one unit and
 * period are averaged (on the log scale with a log outcome). Refused with exit 2: unknown columns,
 * a treated-from value that changes within a unit, non-numeric or (under a log) non-positive
 * outcomes, fewer than 2 periods, no treated unit, no unit to compare with.
 */
export function prepareDidPanel(table: CsvTable, spec: DidSpec): DidPanel {
  const unitCol = columnIndex(table, spec.unit, "--unit");
  const timeCol = columnIndex(table, spec.time, "--time");
  const fromCol = columnIndex(table, spec.treatedFrom, "--treated-from");
  const outcomeCol = columnIndex(table, spec.outcome, "--outcome");
  if (table.rows.length === 0) throw new InputError(`${table.file} has a header but no data rows`);
  const labels = new Set<string>();
  const fromOf = new Map<string, { value: string; line: number }>();
  const nonPositive: number[] = [];
  let missing = 0;
  const kept: { unit: string; time: string; y: number }[] = [];
  table.rows.forEach((_, r) => {
    const line = table.lines[r] as number;
    const unit = textCell(table, r, unitCol);
    const time = textCell(table, r, timeCol);
    if (unit === "")
      throw new InputError(`${table.file} line ${line}, column "${spec.unit}": the unit is empty`);
    if (time === "")
      throw new InputError(`${table.file} line ${line}, column "${spec.time}": the time is empty`);
    const from = textCell(table, r, fromCol);
    const seen = fromOf.get(unit);
    if (seen === undefined) fromOf.set(unit, { value: from, line });
    else if (seen.value !== from) {
      throw new InputError(
        `${table.file}: unit "${unit}" has ${spec.treatedFrom} "${seen.value}" on line ${seen.line} but "${from}" on line ${line}; it must be the same on every row of a unit`,
      );
    }
    const y = numericCell(table, r, outcomeCol);
    if (y === undefined) {
      missing++;
      return;
    }
    if (spec.logOutcome && !(y > 0)) nonPositive.push(line);
    labels.add(time);
    kept.push({ unit, time, y: spec.logOutcome ? Math.log(y) : y });
  });
  if (nonPositive.length > 0) {
    throw new InputError(
      `--log-outcome: ${nonPositive.length} row(s) of ${table.file} have ${spec.outcome} <= 0 (${lineList(nonPositive)}); the log needs positive values`,
    );
  }
  const order = periodOrder(table, labels, "--time");
  const periods = [...labels].sort(order);
  if (periods.length < 2)
    throw new InputError(
      `--time ${spec.time}: ${table.file} has ${periods.length} period(s); difference-in-differences needs at least 2`,
    );
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const unitIds = [...new Set(kept.map((k) => k.unit))].sort();
  const unitIndex = new Map(unitIds.map((u, i) => [u, i]));
  let treatedAfterPanel = 0;
  const cohortOf = unitIds.map((id) => {
    const from = (fromOf.get(id)?.value ?? "").trim();
    if (NEVER.has(from.toLowerCase())) return null;
    if (!(isDecimalNumber(from) || !Number.isNaN(Date.parse(from)))) {
      throw new InputError(
        `--treated-from ${spec.treatedFrom}: "${from}" (unit "${id}", line ${fromOf.get(id)?.line}) is not a period; use the --time scale, or leave it empty for a never-treated unit`,
      );
    }
    const index = periods.findIndex((p) => order(p, from) >= 0);
    if (index < 0) treatedAfterPanel++;
    return index < 0 ? null : index;
  });
  const sums = new Map<string, { sum: number; n: number }>();
  for (const k of kept) {
    const key = `${unitIndex.get(k.unit)}\u001f${periodIndex.get(k.time)}`;
    const s = sums.get(key) ?? { sum: 0, n: 0 };
    s.sum += k.y;
    s.n++;
    sums.set(key, s);
  }
  const units: PanelUnit[] = unitIds.map((_, i) => ({
    cohort: cohortOf[i] ?? null,
    values: new Float64Array(periods.length).fill(Number.NaN),
  }));
  const cells: DidPanel["cells"] = [];
  let averaged = 0;
  for (const [key, s] of sums) {
    const [u, t] = key.split("\u001f").map(Number) as [number, number];
    const unit = units[u] as PanelUnit;
    (unit.values as Float64Array)[t] = s.sum / s.n;
    averaged += s.n - 1;
    cells.push({
      unit: u,
      period: t,
      y: s.sum / s.n,
      treated: unit.cohort !== null && t >= unit.cohort ? 1 : 0,
    });
  }
  const treated = units.filter((u) => u.cohort !== null && u.cohort > 0).length;
  if (treated === 0) {
    throw new InputError(
      `--treated-from ${spec.treatedFrom}: no unit of ${table.file} is treated after the first period; difference-in-differences needs units observed before and after their treatment starts`,
    );
  }
  const comparison = units.filter((u) => u.cohort === null).length;
  const cohorts = new Set(units.map((u) => u.cohort).filter((c) => c !== null));
  if (comparison === 0 && cohorts.size < 2) {
    throw new InputError(
      `${table.file}: every unit is treated at the same time and none is never treated; there is no comparison group`,
    );
  }
  return {
    file: table.file,
    spec,
    periods,
    unitIds,
    units,
    cells,
    notes: { averaged_rows: averaged, missing_outcome: missing, treated_after_panel: treatedAfterPanel },
  };
}
