import { InputError } from "@uplift/core";
import type { CsvTable } from "../csv/csv-table.js";
import { type BalanceColumn, balanceTable, maxAbsSmd } from "./balance-table.js";
import { seedStream } from "./seed-stream.js";
import { fitStrata, formatStratify, type StratumVariable, stratumLabels } from "./strata.js";
import { stratifiedDraw } from "./stratified-draw.js";
import { numericAttributes, unitIds } from "./units-table.js";

export interface DesignOptions {
  name: string;
  /** Arm names; the first is the reference (control) arm of the balance table. */
  arms: string[];
  /** Column of the units file holding the unit id. */
  unitColumn: string;
  stratify: StratumVariable[];
  seed: number;
  /** Number of stratified draws to choose from (1 = plain stratified randomization). */
  rerandomize: number;
  /** Numeric columns for the balance table and the re-randomization criterion; default every numeric column. */
  balance?: string[] | undefined;
  rampUpDays: number;
  startsAt: Date;
}

export interface Assignment {
  unit: string;
  arm: string;
  stratum: string;
}

export interface StratumSummary {
  stratum: string;
  units: number;
  counts: Record<string, number>;
}

/** A designed experiment: the stored definition, the assignment and its balance. */
export interface ExperimentDesign {
  name: string;
  arms: string[];
  seed: number;
  unit_column: string;
  /** Stratification variables, quantile cut points included. */
  stratify: StratumVariable[];
  balance_columns: string[];
  ramp_up_days: number;
  starts_at: string;
  rerandomization: {
    draws: number;
    /** 0-based index of the draw kept. */
    chosen_draw: number;
    /** max |SMD| of the first draw (what plain stratification would have given). */
    first_draw_max_abs_smd: number;
    criterion: string;
  };
  units: number;
  counts: Record<string, number>;
  strata: StratumSummary[];
  balance: BalanceColumn[];
  max_abs_smd: number;
  assignments: Assignment[];
}

function countArms(
  arms: readonly string[],
  armOf: readonly number[],
  members?: readonly number[],
): Record<string, number> {
  const counts = Object.fromEntries(arms.map((a) => [a, 0]));
  for (const i of members ?? armOf.keys()) {
    const arm = arms[armOf[i] as number] as string;
    counts[arm] = (counts[arm] as number) + 1;
  }
  return counts;
}

/**
 * Stratified, optionally re-randomized assignment of the units in `table` (Morgan & Rubin 2012:
 * among `rerandomize` seeded stratified draws keep the one with the smallest max |SMD| over the
 * balance columns). Deterministic for a seed; independent of the row order of the file.
 */
export function designExperiment(table: CsvTable, options: DesignOptions): ExperimentDesign {
  const { arms, seed, rerandomize } = options;
  if (arms.length < 2 || new Set(arms).size !== arms.length) {
    throw new InputError(
      `--arms ${arms.join(",")}: give at least two distinct arm names (e.g. control,treatment)`,
    );
  }
  if (table.rows.length < arms.length) {
    throw new InputError(
      `${table.file} lists ${table.rows.length} unit(s); ${arms.length} arms need at least ${arms.length}`,
    );
  }
  const ids = unitIds(table, options.unitColumn);
  const stratify = fitStrata(table, options.stratify);
  const labels = stratumLabels(table, stratify);
  const categorical = stratify.filter((v) => !v.quantiles).map((v) => v.column);
  const attributes = numericAttributes(table, options.balance, [options.unitColumn, ...categorical]);
  if (rerandomize > 1 && attributes.length === 0) {
    throw new InputError(
      `--rerandomize ${rerandomize}: ${table.file} has no numeric column to balance; name one with --balance COL`,
    );
  }
  let best: { draw: number; armOf: number[]; balance: BalanceColumn[]; worst: number } | undefined;
  let firstWorst = 0;
  for (let draw = 0; draw < rerandomize; draw++) {
    const armOf = stratifiedDraw(ids, labels, arms.length, seedStream(seed, "draw", draw));
    const balance = balanceTable(attributes, armOf, arms);
    const worst = maxAbsSmd(balance);
    if (draw === 0) firstWorst = worst;
    if (!best || worst < best.worst) best = { draw, armOf, balance, worst };
  }
  const chosen = best as NonNullable<typeof best>;
  const byStratum = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const members = byStratum.get(label);
    if (members) members.push(i);
    else byStratum.set(label, [i]);
  });
  return {
    name: options.name,
    arms,
    seed,
    unit_column: options.unitColumn,
    stratify,
    balance_columns: attributes.map((a) => a.column),
    ramp_up_days: options.rampUpDays,
    starts_at: options.startsAt.toISOString(),
    rerandomization: {
      draws: rerandomize,
      chosen_draw: chosen.draw,
      first_draw_max_abs_smd: firstWorst,
      criterion: `smallest max |SMD| over ${attributes.map((a) => a.column).join(", ") || "no columns"} among ${rerandomize} stratified draw(s) by ${formatStratify(stratify)}`,
    },
    units: ids.length,
    counts: countArms(arms, chosen.armOf),
    strata: [...byStratum.keys()].sort().map((stratum) => {
      const members = byStratum.get(stratum) as number[];
      return { stratum, units: members.length, counts: countArms(arms, chosen.armOf, members) };
    }),
    balance: chosen.balance,
    max_abs_smd: chosen.worst,
    assignments: ids.map((unit, i) => ({
      unit,
      arm: arms[chosen.armOf[i] as number] as string,
      stratum: labels[i] as string,
    })),
  };
}
