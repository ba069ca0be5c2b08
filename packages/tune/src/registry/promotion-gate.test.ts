import { describe, expect, it } from "vitest";
import type { EvalComparison, MetricDifference } from "../compare/compare-evals.js";
import { defaultGateRules, evaluateGate, parseMargins } from "./promotion-gate.js";

const metric = (difference: number, ci: [number, number] | null, n = 50): MetricDifference => ({
  n,
  base: 0.5,
  tuned: 0.5 + difference,
  difference,
  ci,
});
const comparison = (metrics: Partial<EvalComparison["metrics"]>): EvalComparison => ({
  base: { model: "base", file: "b", n: 50 },
  tuned: { model: "tuned", file: "t", n: 50 },
  n_paired: 50,
  unmatched: { base_only: 0, tuned_only: 0 },
  confidence: 0.95,
  resamples: 2000,
  seed: 1,
  method: "",
  metrics: {
    exact_match: metric(0, [-0.005, 0.005]),
    edit_similarity: metric(0.04, [0.01, 0.07]),
    identifier_match: metric(0, [-0.1, 0.1]),
    identifier_f1: metric(0, [-0.1, 0.1]),
    "pass@1": { n: 0, base: null, tuned: null, difference: null, ci: null },
    ...metrics,
  },
});

describe("promotion gate", () => {
  it("passes when the primary metric's CI is above 0 and guardrails are within their margins", () => {
    const decision = evaluateGate(comparison({}), defaultGateRules());
    expect(decision.passed).toBe(true);
    expect(decision.checks.map((c) => [c.metric, c.role, c.ok, c.skipped ?? false])).toEqual([
      ["edit_similarity", "primary", true, false],
      ["exact_match", "guardrail", true, false],
      ["pass@1", "guardrail", true, true],
    ]);
  });

  it("fails when the primary CI includes 0, or a guardrail may be worse than its margin", () => {
    const flat = evaluateGate(
      comparison({ edit_similarity: metric(0.02, [-0.01, 0.05]) }),
      defaultGateRules(),
    );
    expect(flat.passed).toBe(false);
    expect(flat.reasons[0]).toMatch(
      /edit_similarity not shown to improve: difference 0\.0200, CI -0\.0100 to 0\.0500/,
    );
    const worse = evaluateGate(comparison({ exact_match: metric(-0.03, [-0.05, -0.01]) }), {
      primary: "edit_similarity",
      margins: parseMargins(["exact_match=0.02"]),
    });
    expect(worse.passed).toBe(false);
    expect(worse.reasons[1]).toMatch(/exact_match may be worse than its margin 0\.02/);
    expect(
      evaluateGate(comparison({ exact_match: metric(-0.03, [-0.05, -0.01]) }), {
        primary: "edit_similarity",
        margins: parseMargins(["exact_match=0.1"]),
      }).passed,
    ).toBe(true);
  });

  it("fails a primary metric without an interval, and refuses bad margins", () => {
    const decision = evaluateGate(comparison({}), { primary: "pass@1", margins: {} });
    expect(decision.passed).toBe(false);
    expect(decision.reasons[0]).toMatch(/pass@1: no confidence interval \(0 paired tasks/);
    expect(() => parseMargins(["exact_match"])).toThrow(/expected METRIC=MARGIN/);
    expect(() => parseMargins(["bleu=0.1"])).toThrow(/unknown metric/);
    expect(() => parseMargins(["exact_match=-1"])).toThrow(/from 0 to 1/);
  });
});
