import { z } from "zod";
import { TASK_KINDS } from "../tasks/eval-task.js";

/** The score of one task (one line of a `--results` file; `tasks[]` of the eval report). */
export const taskResultSchema = z.object({
  id: z.string(),
  kind: z.enum(TASK_KINDS),
  repo: z.string(),
  path: z.string(),
  model: z.string(),
  completion: z.string(),
  exact_match: z.number(),
  edit_similarity: z.number(),
  identifier_match: z.number(),
  identifier_f1: z.number(),
  /** The task's test on the completed file: true/false; null when the task has no test. */
  passed: z.boolean().nullable(),
  test: z.object({ exit_code: z.number().nullable(), timed_out: z.boolean(), output: z.string() }).optional(),
  latency_ms: z.number(),
});

export type TaskResult = z.infer<typeof taskResultSchema>;

/** Per-task metrics, the ones `tune compare` pairs and `model promote` gates on. */
export const TASK_METRICS = [
  "exact_match",
  "edit_similarity",
  "identifier_match",
  "identifier_f1",
  "pass@1",
] as const;
export type TaskMetric = (typeof TASK_METRICS)[number];

/** A task's value of a metric; undefined for pass@1 without a test. */
export function metricOf(result: TaskResult, metric: TaskMetric): number | undefined {
  if (metric === "pass@1") return result.passed === null ? undefined : result.passed ? 1 : 0;
  return result[metric];
}
