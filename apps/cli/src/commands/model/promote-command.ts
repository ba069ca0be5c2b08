import {
  compareEvals,
  defaultGateRules,
  evaluateGate,
  type GateDecision,
  ModelRegistry,
  parseMargins,
  parseTaskMetric,
  readEvalReport,
  scoresOf,
} from "@uplift/tune";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { positiveInteger } from "../code/parse-flags.js";

interface PromoteOptions {
  eval: string;
  baseline: string;
  primary: string;
  margin: string[];
  resamples: string;
  seed: string;
}

/**
 * `uplift model promote NAME`: pairs the candidate's eval with the baseline's, applies the gate
 * and registers a new version only when it passes. The decision (passed or not) is printed and
 * stored; a failed gate exits 1 and registers nothing.
 */
export async function modelPromoteCommand(global: GlobalOptions, options: PromoteOptions, args: string[]) {
  const name = args[0] as string;
  const primary = parseTaskMetric("--primary", options.primary);
  const margins =
    options.margin.length > 0 ? parseMargins(options.margin) : defaultGateRules(primary).margins;
  const resamples = positiveInteger("--resamples", options.resamples, 1_000_000);
  const seed = positiveInteger("--seed", options.seed, 2 ** 31 - 1);
  const [tuned, base] = await Promise.all([
    readEvalReport(options.eval, "--eval"),
    readEvalReport(options.baseline, "--baseline"),
  ]);
  await withContext(global, async (ctx) => {
    const comparison = compareEvals(base, tuned, { resamples, seed });
    const decision = evaluateGate(comparison, { primary, margins });
    const registry = new ModelRegistry(await ctx.store());
    const { decisionId, version } = await registry.recordDecision({
      name,
      model: tuned.model,
      endpoint: tuned.endpoint,
      baselineModel: base.model,
      scores: scoresOf(tuned.tasks),
      comparison,
      decision,
    });
    const result = {
      name,
      decision: decision.passed ? "promoted" : "rejected",
      passed: decision.passed,
      version: version ?? null,
      decision_id: decisionId,
      model: tuned.model,
      baseline_model: base.model,
      n_paired: comparison.n_paired,
      primary: decision.primary,
      checks: decision.checks,
      reasons: decision.reasons,
    };
    ctx.print(result, () => renderDecision(name, version, decision));
    if (!decision.passed) {
      process.stderr.write(
        `uplift: gate failed for ${name}: nothing registered — ${decision.reasons.filter((_, i) => !decision.checks[i]?.ok).join("; ")}\n`,
      );
      process.exitCode = 1;
    }
  });
}

function renderDecision(name: string, version: number | undefined, decision: GateDecision): string {
  const head = decision.passed
    ? `PROMOTED ${name} as version ${version}`
    : `REJECTED ${name}: nothing registered`;
  return [
    head,
    ...decision.checks.map((c) => `  ${c.ok ? (c.skipped ? "–" : "✓") : "✗"} [${c.role}] ${c.reason}`),
  ].join("\n");
}
