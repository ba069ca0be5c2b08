import type { ExplainRecord } from "./explain.js";
import { groupOf, inWindow } from "./grouping.js";
import { qualitySpec } from "./quality-metrics.js";
import { ratioPart } from "./quality-rates.js";
import type { MetricInputs, ResolvedOptions } from "./types.js";

const iso = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms).toISOString());
const orNull = (value: number) => (Number.isNaN(value) ? null : value);

/** Whether `--explain NAME` is a quality guardrail (explained per merged PR). */
export function isQualityMetric(name: string): boolean {
  return qualitySpec(name) !== undefined;
}

/**
 * The merged PRs behind a quality metric: each PR's value (its own ratio), its numerator and
 * denominator, or why it was excluded, with the evidence (what reverted it, hotfix/bug-fix
 * evidence, review facts, lines added/reworked, new findings by level).
 */
export function explainQualityRecords(
  name: string,
  inputs: MetricInputs,
  options: ResolvedOptions,
): ExplainRecord[] {
  const spec = qualitySpec(name);
  if (!spec) return [];
  const scale = spec.scale ?? 1;
  const out: ExplainRecord[] = [];
  for (const pr of inputs.quality?.prs ?? []) {
    if (!inWindow(options, pr.merged)) continue;
    const part = ratioPart(spec, pr, options);
    const counted = typeof part !== "string";
    out.push({
      record: pr.id,
      group: groupOf(options, { login: pr.author, repo: pr.repo }, pr.merged) ?? null,
      at: iso(pr.merged) as string,
      value: counted && part.denominator > 0 ? (scale * part.numerator) / part.denominator : null,
      excluded: counted ? null : part,
      numerator: counted ? part.numerator : null,
      denominator: counted ? part.denominator : null,
      repo: pr.repo,
      author: pr.author,
      merged_at: iso(pr.merged),
      reverted_by: pr.revertedBy || null,
      hotfix: pr.hotfix,
      bug_fix: pr.bugFix || null,
      reviewed: pr.reviewKnown ? pr.reviewed : null,
      approved: pr.reviewKnown ? pr.approved : null,
      review_comments: orNull(pr.reviewComments),
      size: orNull(pr.size),
      lines_added: orNull(pr.linesAdded),
      lines_reworked: orNull(pr.linesReworked),
      new_findings: orNull(pr.newFindings),
      new_errors: orNull(pr.newErrors),
      new_warnings: orNull(pr.newWarnings),
      new_notes: orNull(pr.newNotes),
      security_high: orNull(pr.newSecurityHigh),
    });
  }
  return out;
}
