import { InputError } from "@uplift/core";
import { compareEvals, type EvalComparison, readEvalReport } from "@uplift/tune";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { positiveInteger } from "../code/parse-flags.js";

interface CompareOptions {
  resamples: string;
  seed: string;
  confidence: string;
}

/** `uplift tune compare BASE.json TUNED.json`: paired differences with bootstrap CIs. */
export async function tuneCompareCommand(global: GlobalOptions, options: CompareOptions, args: string[]) {
  const [baseFile, tunedFile] = args as [string, string];
  const resamples = positiveInteger("--resamples", options.resamples, 1_000_000);
  const seed = positiveInteger("--seed", options.seed, 2 ** 31 - 1);
  const confidence = Number(options.confidence);
  if (!(confidence > 0 && confidence < 1))
    throw new InputError(`--confidence ${options.confidence}: expected a number between 0 and 1`);
  const [base, tuned] = await Promise.all([
    readEvalReport(baseFile, "BASE"),
    readEvalReport(tunedFile, "TUNED"),
  ]);
  await withContext(global, async (ctx) => {
    const comparison = compareEvals(base, tuned, { resamples, seed, confidence });
    if (comparison.n_paired === 0) ctx.logger.warn("no task id is in both files: nothing to compare");
    ctx.print(comparison, renderComparison);
  });
}

/** The comparison as a table: metric, base, tuned, difference and CI. */
export function renderComparison(c: EvalComparison): string {
  const f = (v: number | null) => (v === null ? "—" : v.toFixed(4));
  const lines = [
    `${c.tuned.model} vs ${c.base.model}: ${c.n_paired} paired tasks (unmatched: ${c.unmatched.base_only} base only, ${c.unmatched.tuned_only} tuned only)`,
    `  ${"metric".padEnd(18)}${"n".padStart(6)}${"base".padStart(9)}${"tuned".padStart(9)}${"diff".padStart(9)}  ${Math.round(c.confidence * 100)}% CI`,
  ];
  for (const [metric, m] of Object.entries(c.metrics)) {
    lines.push(
      `  ${metric.padEnd(18)}${String(m.n).padStart(6)}${f(m.base).padStart(9)}${f(m.tuned).padStart(9)}${f(m.difference).padStart(9)}  ${m.ci ? `[${f(m.ci[0])}, ${f(m.ci[1])}]` : "—"}`,
    );
  }
  return lines.join("\n");
}
