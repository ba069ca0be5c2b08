import { InputError } from "@uplift/core";
import { quantiles } from "@uplift/stats";
import { type CsvTable, columnIndex } from "../csv/csv-table.js";
import { numericCell, textCell } from "../csv/numeric-cell.js";

/**
 * One stratification variable: a categorical column (`team`), or a numeric column cut into q
 * quantile groups (`activity:q4`). `cuts` (q − 1 upper bounds, type-7 quantiles of the units at
 * design time) are stored with the experiment so late joiners land in the same bins.
 */
export interface StratumVariable {
  column: string;
  quantiles?: number;
  cuts?: number[];
}

/** Parses `--stratify team,role,activity:q4`. */
export function parseStratify(text: string): StratumVariable[] {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new InputError("--stratify: give at least one column (e.g. --stratify team)");
  return parts.map((part) => {
    const match = /^(.+?):q(\d+)$/.exec(part);
    if (!match) return { column: part };
    const q = Number(match[2]);
    if (!(q >= 2 && q <= 20)) throw new InputError(`--stratify ${part}: quantile groups must be 2 to 20`);
    return { column: match[1] as string, quantiles: q };
  });
}

/** The spec as typed (`team,activity:q4`), for messages and storage. */
export function formatStratify(variables: readonly StratumVariable[]): string {
  return variables.map((v) => (v.quantiles ? `${v.column}:q${v.quantiles}` : v.column)).join(",");
}

/** Fills in the quantile cut points of numeric variables from the units being designed. */
export function fitStrata(table: CsvTable, variables: readonly StratumVariable[]): StratumVariable[] {
  return variables.map((v) => {
    if (!v.quantiles) return { column: v.column };
    const col = columnIndex(table, v.column, "--stratify");
    const values: number[] = [];
    table.rows.forEach((_, r) => {
      const value = numericCell(table, r, col);
      if (value !== undefined) values.push(value);
    });
    if (values.length === 0) {
      throw new InputError(
        `--stratify ${v.column}:q${v.quantiles}: column "${v.column}" of ${table.file} has no numbers`,
      );
    }
    const probs = Array.from({ length: v.quantiles - 1 }, (_, j) => (j + 1) / (v.quantiles as number));
    return { column: v.column, quantiles: v.quantiles, cuts: quantiles(values, probs) };
  });
}

/**
 * The stratum label of each row, e.g. "team=web|activity=q2" (a numeric value v is in group j
 * when cuts[j−2] < v <= cuts[j−1]; an empty cell is "missing").
 */
export function stratumLabels(table: CsvTable, variables: readonly StratumVariable[]): string[] {
  const columns = variables.map((v) => columnIndex(table, v.column, "--stratify"));
  return table.rows.map((_, r) =>
    variables
      .map((v, k) => {
        const col = columns[k] as number;
        if (!v.cuts) return `${v.column}=${textCell(table, r, col) || "missing"}`;
        const value = numericCell(table, r, col);
        if (value === undefined) return `${v.column}=missing`;
        const group = v.cuts.findIndex((cut) => value <= cut);
        return `${v.column}=q${group < 0 ? v.cuts.length + 1 : group + 1}`;
      })
      .join("|"),
  );
}
