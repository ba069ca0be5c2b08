import { benjaminiHochbergAdjust, holmAdjust } from "@uplift/stats";
import type { AnalysisRecord } from "../analysis/analysis-record.js";
import { effectSentence, formatEffect } from "../analysis/analysis-text.js";

/** Adjusted p-values of the primary tests across the outcome metrics (guardrails are tested separately). */
export interface Multiplicity {
  metric: string;
  p: number;
  holm: number;
  bh: number;
}

/** Holm (family-wise) and Benjamini–Hochberg (false discovery rate) adjustment across the outcome metrics. */
export function multiplicity(analyses: readonly AnalysisRecord[]): Multiplicity[] {
  const outcomes = analyses.filter((a) => a.role === "outcome" && a.report.effect.p_value !== null);
  const p = outcomes.map((a) => a.report.effect.p_value as number);
  if (p.length === 0) return [];
  const holm = holmAdjust(p);
  const bh = benjaminiHochbergAdjust(p);
  return outcomes.map((a, i) => ({
    metric: a.metric,
    p: p[i] as number,
    holm: holm[i] as number,
    bh: bh[i] as number,
  }));
}

/**
 * Plain-language sentences that never overstate: an interval containing 0 reads "not
 * distinguishable from zero"; a result significant alone but not after Holm's correction says so;
 * a guardrail is "not worse by more than M" only when non-inferiority is shown.
 */
export function summarySentences(analyses: readonly AnalysisRecord[], alpha = 0.05): string[] {
  const adjusted = new Map(multiplicity(analyses).map((m) => [m.metric, m]));
  const family = adjusted.size;
  return analyses.map((a) => {
    const { report } = a;
    const base = effectSentence(report, a.metric);
    const flags: string[] = [];
    if (report.checks.srm_flag) flags.push("a sample-ratio mismatch makes this comparison unreliable");
    const m = adjusted.get(a.metric);
    if (m && family > 1 && m.p < alpha && m.holm >= alpha) {
      flags.push(
        `significant on its own, but not after correcting for ${family} metrics (Holm p = ${m.holm.toFixed(3)})`,
      );
    }
    const ni = report.checks.non_inferiority;
    if (ni) {
      const margin = formatEffect(Math.abs(ni.margin), report.effect.scale).replace(/^\+/, "");
      flags.push(
        ni.non_inferior
          ? `guardrail: not worse by ${margin} or more (non-inferiority shown, p = ${ni.p_value.toPrecision(2)})`
          : `guardrail: a worsening of ${margin} or more is not ruled out`,
      );
    }
    return flags.length ? `${base} Note: ${flags.join("; ")}.` : base;
  });
}
