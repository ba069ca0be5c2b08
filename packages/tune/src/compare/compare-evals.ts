import { createRng, percentileInterval } from "@uplift/stats";
import { metricOf, TASK_METRICS, type TaskMetric, type TaskResult } from "../eval/task-result.js";
import type { SavedEvalReport } from "./eval-report-file.js";

export interface CompareOptions {
  /** Bootstrap resamples (default 2,000). */
  resamples?: number;
  /** Seed of the resampling (default 1). */
  seed?: number;
  /** Confidence level of the intervals (default 0.95). */
  confidence?: number;
}

/** Paired difference (tuned − base) of one metric over the tasks both runs scored. */
export interface MetricDifference {
  /** Tasks in the pair that have the metric (pass@1: those with a test). */
  n: number;
  base: number | null;
  tuned: number | null;
  difference: number | null;
  /** Bootstrap percentile interval of the mean difference, resampling tasks; null when n < 2. */
  ci: [number, number] | null;
}

/** What `uplift tune compare --json` prints. */
export interface EvalComparison {
  base: { model: string; file: string; n: number };
  tuned: { model: string; file: string; n: number };
  n_paired: number;
  unmatched: { base_only: number; tuned_only: number };
  confidence: number;
  resamples: number;
  seed: number;
  method: string;
  metrics: Record<TaskMetric, MetricDifference>;
}

/**
 * Paired comparison of two eval runs: tasks matched by id, per metric the mean of
 * (tuned − base) over matched tasks and a bootstrap CI that resamples tasks with replacement
 * (Efron & Tibshirani 1993 — the task is the unit, so a task's two scores stay together),
 * percentile interval interpolated as R's boot.ci; seeded, so the same files give the same CI.
 */
export function compareEvals(
  base: SavedEvalReport,
  tuned: SavedEvalReport,
  options: CompareOptions = {},
): EvalComparison {
  const resamples = options.resamples ?? 2000;
  const seed = options.seed ?? 1;
  const confidence = options.confidence ?? 0.95;
  const baseById = new Map(base.tasks.map((t) => [t.id, t]));
  const tunedById = new Map(tuned.tasks.map((t) => [t.id, t]));
  const pairs: [TaskResult, TaskResult][] = [];
  for (const task of base.tasks) {
    const other = tunedById.get(task.id);
    if (other) pairs.push([task, other]);
  }
  const metrics = {} as Record<TaskMetric, MetricDifference>;
  for (const [index, metric] of TASK_METRICS.entries()) {
    const b: number[] = [];
    const t: number[] = [];
    for (const [x, y] of pairs) {
      const vb = metricOf(x, metric);
      const vt = metricOf(y, metric);
      if (vb === undefined || vt === undefined) continue;
      b.push(vb);
      t.push(vt);
    }
    metrics[metric] = pairedDifference(b, t, resamples, seed + index, confidence);
  }
  return {
    base: { model: base.model, file: base.file, n: base.tasks.length },
    tuned: { model: tuned.model, file: tuned.file, n: tuned.tasks.length },
    n_paired: pairs.length,
    unmatched: {
      base_only: base.tasks.filter((t) => !tunedById.has(t.id)).length,
      tuned_only: tuned.tasks.filter((t) => !baseById.has(t.id)).length,
    },
    confidence,
    resamples,
    seed,
    method: "paired bootstrap over tasks (percentile interval)",
    metrics,
  };
}

/** Mean paired difference and its bootstrap percentile interval. */
export function pairedDifference(
  base: readonly number[],
  tuned: readonly number[],
  resamples: number,
  seed: number,
  confidence: number,
): MetricDifference {
  const n = base.length;
  if (n === 0) return { n: 0, base: null, tuned: null, difference: null, ci: null };
  const diffs = base.map((b, i) => (tuned[i] as number) - b);
  const mean = (values: readonly number[]) => values.reduce((a, v) => a + v, 0) / values.length;
  let ci: [number, number] | null = null;
  if (n >= 2) {
    const rng = createRng(seed);
    const replicates = new Float64Array(resamples);
    for (let r = 0; r < resamples; r++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += diffs[rng.nextInt(n)] as number;
      replicates[r] = sum / n;
    }
    const [lo, hi] = percentileInterval(replicates, confidence);
    ci = [round(lo), round(hi)];
  }
  return { n, base: round(mean(base)), tuned: round(mean(tuned)), difference: round(mean(diffs)), ci };
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}
