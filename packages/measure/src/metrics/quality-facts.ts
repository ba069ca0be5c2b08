/**
 * A merged PR as the quality guardrails read it (times epoch ms; NaN = unknown). Loaded by
 * `loadQualityFacts` from `prs` and the quality tables (quality_landings, quality_reverts,
 * sarif_*), joined by the commit that landed the PR (`prs.merge_sha`) or its number.
 */
export interface QualityPrFact {
  id: string;
  repo: string;
  author: string;
  merged: number;
  draft: boolean;
  bot: boolean;
  /** additions + deletions; NaN when unknown. */
  size: number;
  hotfix: boolean;
  /** Why it counts as a bug fix: "work_item", "label", "title"; "" when it does not. */
  bugFix: string;
  /** What reverted it (a revert commit or revert PR); "" when not reverted. */
  revertedBy: string;
  /** Whether the source records reviews (GitHub, GitLab, a CSV with review columns); Git-detected PRs do not. */
  reviewKnown: boolean;
  reviewed: boolean;
  approved: boolean;
  /** Review (inline) comments; NaN when unknown. */
  reviewComments: number;
  /** Lines the PR's landing added (lock files excluded); NaN when the landing was not analysed. */
  linesAdded: number;
  linesReworked: number;
  /** Whether the analysed history reaches 21 days past the landing. */
  reworkWindowClosed: boolean;
  /** New static-analysis findings (not at the base); NaN when no comparable analysis exists. */
  newFindings: number;
  newErrors: number;
  newWarnings: number;
  newNotes: number;
  /** New findings with security-severity ≥ 7 (high or critical, CodeQL's scale). */
  newSecurityHigh: number;
}

/** Facts of the quality guardrails; absent when the report did not ask for a quality metric. */
export interface QualityFacts {
  prs: readonly QualityPrFact[];
}
