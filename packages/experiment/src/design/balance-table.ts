import { mean, StatsInputError, standardizedMeanDifference } from "@uplift/stats";

/** Balance of one numeric unit attribute across arms. */
export interface BalanceColumn {
  column: string;
  /** Units with an empty cell (left out of this row). */
  missing: number;
  /** Mean per arm (null for an arm without values). */
  means: Record<string, number | null>;
  /** SMD of each other arm against the first (reference) arm; null when undefined (constant). */
  smd_by_arm: Record<string, number | null>;
  /** The SMD largest in absolute value among `smd_by_arm` (the only one with two arms). */
  smd: number | null;
}

/** A numeric attribute of the units: one value (or undefined when missing) per unit. */
export interface NumericAttribute {
  column: string;
  values: readonly (number | undefined)[];
}

function smdOrNull(x: number[], y: number[]): number | null {
  if (x.length < 2 || y.length < 2) return null;
  try {
    return standardizedMeanDifference(x, y);
  } catch (error) {
    if (error instanceof StatsInputError) return null;
    throw error;
  }
}

/**
 * Balance table: for each attribute, the mean per arm and the standardized mean difference of each
 * arm against the first (Austin 2009). An assignment is usually called balanced when every
 * |SMD| < 0.1.
 */
export function balanceTable(
  attributes: readonly NumericAttribute[],
  armOf: readonly number[],
  arms: readonly string[],
): BalanceColumn[] {
  return attributes.map(({ column, values }) => {
    const byArm = arms.map(() => [] as number[]);
    let missing = 0;
    values.forEach((v, i) => {
      if (v === undefined) missing++;
      else byArm[armOf[i] as number]?.push(v);
    });
    const reference = byArm[0] as number[];
    const means: Record<string, number | null> = {};
    const smdByArm: Record<string, number | null> = {};
    let smd: number | null = null;
    arms.forEach((arm, a) => {
      const vs = byArm[a] as number[];
      means[arm] = vs.length ? mean(vs) : null;
      if (a === 0) return;
      const d = smdOrNull(vs, reference);
      smdByArm[arm] = d;
      if (d !== null && (smd === null || Math.abs(d) > Math.abs(smd))) smd = d;
    });
    return { column, missing, means, smd_by_arm: smdByArm, smd };
  });
}

/** max |SMD| over a balance table (0 when nothing can be compared): the re-randomization criterion. */
export function maxAbsSmd(table: readonly BalanceColumn[]): number {
  let worst = 0;
  for (const row of table)
    for (const d of Object.values(row.smd_by_arm)) if (d !== null) worst = Math.max(worst, Math.abs(d));
  return worst;
}
