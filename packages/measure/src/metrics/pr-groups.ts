import type { PrFact } from "./facts.js";
import { type GroupIndex, groupIndex } from "./group-index.js";
import type { ResolvedOptions } from "./types.js";

export type { GroupIndex } from "./group-index.js";

const cache = new WeakMap<readonly PrFact[], WeakMap<ResolvedOptions, GroupIndex>>();

/** The anchor of a PR in PR metrics: merged, else created (only for counting `not_merged`). */
export function prAnchor(pr: PrFact): number {
  return Number.isNaN(pr.merged) ? pr.created : pr.merged;
}

/**
 * Each PR's group, computed once per report and shared by the seven PR metrics, which all anchor a
 * PR at its merge. Groups are numbered through each key's distinct values, so a composite group's
 * name ("ann|2025-W10") is built once per group, not once per PR (an author-week report has 1M
 * PRs in 300k groups), and the metrics tally into typed arrays indexed by group.
 */
export function prGroupIndex(prs: readonly PrFact[], options: ResolvedOptions): GroupIndex {
  let byOptions = cache.get(prs);
  if (!byOptions) {
    byOptions = new WeakMap();
    cache.set(prs, byOptions);
  }
  let index = byOptions.get(options);
  if (!index) {
    index = groupIndex(
      options,
      prs.length,
      (i, subject) => {
        const pr = prs[i] as PrFact;
        subject.login = pr.author;
        subject.repo = pr.repo;
      },
      (i) => prAnchor(prs[i] as PrFact),
    );
    byOptions.set(options, index);
  }
  return index;
}
