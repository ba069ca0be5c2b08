import { describe, expect, it } from "vitest";
import type { TaskResult } from "../eval/task-result.js";
import { compareEvals, pairedDifference } from "./compare-evals.js";

const result = (id: string, es: number, passed: boolean | null = null): TaskResult => ({
  id,
  kind: "next_line",
  repo: "r",
  path: "p",
  model: "m",
  completion: "",
  exact_match: es === 1 ? 1 : 0,
  edit_similarity: es,
  identifier_match: 0,
  identifier_f1: es,
  passed,
  latency_ms: 1,
});
const report = (model: string, tasks: TaskResult[]) => ({
  file: `${model}.json`,
  model,
  endpoint: "",
  tasks,
});

describe("paired comparison of two eval runs", () => {
  it("pairs tasks by id and counts the unmatched", () => {
    const base = report("base", [
      result("a", 0.5),
      result("b", 0.25),
      result("c", 0.5, true),
      result("x", 1),
    ]);
    const tuned = report("tuned", [
      result("c", 1, false),
      result("a", 0.75),
      result("b", 0.5),
      result("y", 0),
    ]);
    const c = compareEvals(base, tuned, { seed: 5 });
    expect(c.n_paired).toBe(3);
    expect(c.unmatched).toEqual({ base_only: 1, tuned_only: 1 });
    expect(c.metrics.edit_similarity).toMatchObject({
      n: 3,
      base: 0.416666667,
      tuned: 0.75,
      difference: 0.333333333,
    });
    expect(c.metrics["pass@1"]).toEqual({ n: 1, base: 1, tuned: 0, difference: -1, ci: null });
    expect(compareEvals(base, tuned, { seed: 5 })).toEqual(c);
  });

  it("gives a bootstrap CI that contains the mean and collapses when every difference is equal", () => {
    const equal = pairedDifference([0, 0.5, 1], [0.1, 0.6, 1.1], 500, 1, 0.95);
    expect(equal.difference).toBeCloseTo(0.1, 9);
    expect(equal.ci?.[0]).toBeCloseTo(0.1, 9);
    expect(equal.ci?.[1]).toBeCloseTo(0.1, 9);
    const base = Array.from({ length: 60 }, (_, i) => (i % 10) / 10);
    const tuned = base.map((v, i) => v + (i % 3 === 0 ? 0.3 : -0.05));
    const d = pairedDifference(base, tuned, 2000, 9, 0.95);
    expect(d.difference).toBeCloseTo((20 * 0.3 - 40 * 0.05) / 60, 9);
    const [lo, hi] = d.ci ?? [Number.NaN, Number.NaN];
    expect(lo).toBeLessThan(d.difference ?? 0);
    expect(hi).toBeGreaterThan(d.difference ?? 0);
    // the sd of the mean difference is sqrt(p(1-p))·0.35/√60 ≈ 0.0213: the 95 % interval spans ≈ ±0.042
    expect(hi - lo).toBeGreaterThan(0.06);
    expect(hi - lo).toBeLessThan(0.11);
  });
});
