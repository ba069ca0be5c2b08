import { groupIndex } from "./group-index.js";
import { countExclusion, type Exclusions, inWindow } from "./grouping.js";
import type { QualityPrFact } from "./quality-facts.js";
import { ALL_GROUP, type MetricRow, type ResolvedOptions } from "./types.js";

/** One PR's part of a ratio metric: value = Σ numerator / Σ denominator over the group's PRs. */
export interface RatioPart {
  numerator: number;
  denominator: number;
}

/** A PR's part, or the reason it is excluded (`no_review_data`, `rework_window_open`, …). */
export type PartOf = (pr: QualityPrFact, options: ResolvedOptions) => RatioPart | string;

/** What a quality metric declares to be computed as a ratio over merged PRs. */
export interface RatioMetricSpec {
  name: string;
  unit: string;
  definition: string;
  /** Multiplies the ratio (100 for "per 100 lines"). */
  scale?: number;
  part: PartOf;
  /** Extra per-group sums (e.g. new findings by level), named as they appear on the row. */
  extras?: Record<string, (pr: QualityPrFact) => number>;
}

/** Drafts and bots are left out as in the PR-flow metrics (unless asked for). */
export function qualityExclusion(pr: QualityPrFact, options: ResolvedOptions): string | undefined {
  if (pr.draft && !options.includeDrafts) return "draft";
  if (pr.bot && !options.includeBots) return "bot";
  return undefined;
}

/** A PR's part or exclusion under a spec: the common exclusions first, then the metric's own. */
export function ratioPart(
  spec: RatioMetricSpec,
  pr: QualityPrFact,
  options: ResolvedOptions,
): RatioPart | string {
  return qualityExclusion(pr, options) ?? spec.part(pr, options);
}

/**
 * Rows of a ratio metric over merged PRs anchored at the merge: per group `value = scale × Σ num /
 * Σ den`, `n` = PRs counted, `numerator`/`denominator` shown so a reader can recompute and pool,
 * and exclusions by reason. With `--group-by author,week` this is the per-developer-week value.
 */
export function ratioRows(
  spec: RatioMetricSpec,
  prs: readonly QualityPrFact[],
  options: ResolvedOptions,
): MetricRow[] {
  const { names, ids } = groupIndex(
    options,
    prs.length,
    (i, subject) => {
      const pr = prs[i] as QualityPrFact;
      subject.login = pr.author;
      subject.repo = pr.repo;
    },
    (i) => (prs[i] as QualityPrFact).merged,
  );
  const count = names.length;
  const numerator = new Float64Array(count);
  const denominator = new Float64Array(count);
  const n = new Int32Array(count);
  const seen = new Uint8Array(count);
  const excluded: Exclusions[] = Array.from({ length: count }, () => ({}));
  const extraNames = Object.keys(spec.extras ?? {});
  const extras = extraNames.map(() => new Float64Array(count));
  for (let i = 0; i < prs.length; i++) {
    const pr = prs[i] as QualityPrFact;
    if (!inWindow(options, pr.merged)) continue;
    const group = ids[i] as number;
    if (group < 0) continue;
    seen[group] = 1;
    const part = ratioPart(spec, pr, options);
    if (typeof part === "string") {
      countExclusion(excluded[group] as Exclusions, part);
      continue;
    }
    n[group] = (n[group] as number) + 1;
    numerator[group] = (numerator[group] as number) + part.numerator;
    denominator[group] = (denominator[group] as number) + part.denominator;
    extraNames.forEach((name, e) => {
      const sums = extras[e] as Float64Array;
      sums[group] = (sums[group] as number) + (spec.extras?.[name]?.(pr) ?? 0);
    });
  }
  const scale = spec.scale ?? 1;
  const rows: MetricRow[] = [];
  for (let g = 0; g < count; g++) {
    if (!seen[g]) continue;
    const den = denominator[g] as number;
    const row: MetricRow = {
      name: spec.name,
      group: names[g] as string,
      value: den > 0 ? (scale * (numerator[g] as number)) / den : null,
      unit: spec.unit,
      n: n[g] as number,
      numerator: numerator[g] as number,
      denominator: den,
      excluded: excluded[g] as Exclusions,
      definition: spec.definition,
    };
    extraNames.forEach((name, e) => {
      row[name] = (extras[e] as Float64Array)[g];
    });
    rows.push(row);
  }
  if (!options.grouped && rows.length === 0) {
    const row: MetricRow = {
      name: spec.name,
      group: ALL_GROUP,
      value: null,
      unit: spec.unit,
      n: 0,
      numerator: 0,
      denominator: 0,
      excluded: {},
      definition: spec.definition,
    };
    for (const name of extraNames) row[name] = 0;
    rows.push(row);
  }
  return rows;
}
