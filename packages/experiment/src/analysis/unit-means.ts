import type { AnalysisData } from "./analysis-data.js";

/** Each unit's mean of `values` (one per row), split by arm: the developer-level aggregation. */
export function unitMeansByArm(
  data: AnalysisData,
  values: readonly number[],
): { treatment: number[]; control: number[] } {
  const treatment: number[] = [];
  const control: number[] = [];
  for (const unit of data.units) {
    let sum = 0;
    for (const i of unit.rows) sum += values[i] as number;
    (unit.treated ? treatment : control).push(sum / unit.rows.length);
  }
  return { treatment, control };
}
