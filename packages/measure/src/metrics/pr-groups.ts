import type { PrFact } from "./facts.js";
import { groupOf } from "./grouping.js";
import type { ResolvedOptions } from "./types.js";

const cache = new WeakMap<readonly PrFact[], WeakMap<ResolvedOptions, (string | undefined)[]>>();

/** The anchor of a PR in PR metrics: merged, else created (only for counting `not_merged`). */
export function prAnchor(pr: PrFact): number {
  return Number.isNaN(pr.merged) ? pr.created : pr.merged;
}

/**
 * Each PR's group (by index), computed once per report and shared by the seven PR metrics, which
 * all anchor a PR at its merge: an author-week report would otherwise build 7M group names.
 */
export function prGroups(prs: readonly PrFact[], options: ResolvedOptions): readonly (string | undefined)[] {
  let byOptions = cache.get(prs);
  if (!byOptions) {
    byOptions = new WeakMap();
    cache.set(prs, byOptions);
  }
  let groups = byOptions.get(options);
  if (!groups) {
    groups = prs.map((pr) => groupOf(options, { login: pr.author, repo: pr.repo }, prAnchor(pr)));
    byOptions.set(options, groups);
  }
  return groups;
}
