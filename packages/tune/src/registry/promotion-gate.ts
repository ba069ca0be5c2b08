import { InputError } from "@uplift/core";
import type { EvalComparison } from "../compare/compare-evals.js";
import { TASK_METRICS, type TaskMetric } from "../eval/task-result.js";

/** Default non-inferiority margin of a guardrail metric (absolute, on a 0–1 scale). */
export const DEFAULT_GUARDRAIL_MARGIN = 0.01;

export interface GateRules {
  /** Must improve: the lower bound of its CI above 0. */
  primary: TaskMetric;
  /** Guardrails: must not be worse than −margin (lower CI bound above −margin). */
  margins: Partial<Record<TaskMetric, number>>;
}

export interface GateCheck {
  metric: TaskMetric;
  role: "primary" | "guardrail";
  rule: string;
  n: number;
  difference: number | null;
  ci: [number, number] | null;
  margin?: number;
  ok: boolean;
  /** ok but not checked (no task has the metric). */
  skipped?: boolean;
  reason: string;
}

export interface GateDecision {
  passed: boolean;
  primary: TaskMetric;
  checks: GateCheck[];
  reasons: string[];
}

/** Default rules: primary edit similarity; exact match and pass@1 as guardrails with the default margin. */
export function defaultGateRules(primary: TaskMetric = "edit_similarity"): GateRules {
  const margins: Partial<Record<TaskMetric, number>> = {};
  for (const metric of ["exact_match", "pass@1"] as const)
    if (metric !== primary) margins[metric] = DEFAULT_GUARDRAIL_MARGIN;
  return { primary, margins };
}

/** A metric name of the contract, or an InputError naming the flag. */
export function parseTaskMetric(flag: string, value: string): TaskMetric {
  if (!(TASK_METRICS as readonly string[]).includes(value))
    throw new InputError(`${flag} ${value}: unknown metric; expected one of ${TASK_METRICS.join(", ")}`);
  return value as TaskMetric;
}

/** `METRIC=MARGIN` flags (repeatable) into margins; the margin is ≥ 0 on the metric's 0–1 scale. */
export function parseMargins(values: readonly string[]): Partial<Record<TaskMetric, number>> {
  const margins: Partial<Record<TaskMetric, number>> = {};
  for (const value of values) {
    const match = /^([^=]+)=(.+)$/.exec(value);
    if (!match) throw new InputError(`--margin ${value}: expected METRIC=MARGIN, e.g. exact_match=0.01`);
    const metric = parseTaskMetric("--margin", (match[1] as string).trim());
    const margin = Number(match[2]);
    if (!Number.isFinite(margin) || margin < 0 || margin > 1)
      throw new InputError(`--margin ${value}: the margin must be a number from 0 to 1`);
    margins[metric] = margin;
  }
  return margins;
}

/**
 * The promotion gate over a paired comparison: the primary metric must improve with confidence
 * (lower bound of the bootstrap CI of tuned − base > 0), and every guardrail must be
 * non-inferior (lower bound > −margin). A guardrail no task measures (pass@1 without tests) is
 * skipped and says so; a primary metric no task measures fails the gate.
 */
export function evaluateGate(comparison: EvalComparison, rules: GateRules): GateDecision {
  const checks: GateCheck[] = [];
  const pct = (v: number) => v.toFixed(4);
  const primary = comparison.metrics[rules.primary];
  const lower = primary.ci?.[0];
  checks.push({
    metric: rules.primary,
    role: "primary",
    rule: "CI lower bound > 0",
    n: primary.n,
    difference: primary.difference,
    ci: primary.ci,
    ok: lower !== undefined && lower > 0,
    reason:
      lower === undefined
        ? `${rules.primary}: no confidence interval (${primary.n} paired tasks; at least 2 needed)`
        : lower > 0
          ? `${rules.primary} improved by ${pct(primary.difference ?? 0)} (CI ${pct(lower)} to ${pct(primary.ci?.[1] ?? 0)}, above 0)`
          : `${rules.primary} not shown to improve: difference ${pct(primary.difference ?? 0)}, CI ${pct(lower)} to ${pct(primary.ci?.[1] ?? 0)} includes or is below 0`,
  });
  for (const [metric, margin] of Object.entries(rules.margins) as [TaskMetric, number][]) {
    if (metric === rules.primary) continue;
    const m = comparison.metrics[metric];
    const bound = m.ci?.[0];
    if (m.n === 0 || bound === undefined) {
      checks.push({
        metric,
        role: "guardrail",
        rule: `CI lower bound > −${margin}`,
        n: m.n,
        difference: m.difference,
        ci: m.ci,
        margin,
        ok: true,
        skipped: true,
        reason: `${metric}: not checked (${m.n} paired tasks measure it)`,
      });
      continue;
    }
    const ok = bound > -margin;
    checks.push({
      metric,
      role: "guardrail",
      rule: `CI lower bound > −${margin}`,
      n: m.n,
      difference: m.difference,
      ci: m.ci,
      margin,
      ok,
      reason: ok
        ? `${metric} not worse than its margin ${margin} (difference ${pct(m.difference ?? 0)}, CI lower bound ${pct(bound)})`
        : `${metric} may be worse than its margin ${margin}: difference ${pct(m.difference ?? 0)}, CI lower bound ${pct(bound)}`,
    });
  }
  const passed = checks.every((c) => c.ok);
  return { passed, primary: rules.primary, checks, reasons: checks.map((c) => c.reason) };
}
