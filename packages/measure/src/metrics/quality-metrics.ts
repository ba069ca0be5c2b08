import type { QualityPrFact } from "./quality-facts.js";
import { type RatioMetricSpec, ratioRows } from "./quality-rates.js";
import type { GroupBy, MetricDefinition } from "./types.js";

const ALL_KEYS: readonly GroupBy[] = ["author", "team", "repo", "week", "arm"];
const MERGED =
  "Population: PRs merged in the window (anchor: merge; its author, repo and week), drafts and bots excluded as in PR-flow metrics.";
const one = (hit: boolean) => ({ numerator: hit ? 1 : 0, denominator: 1 });

const specs = {
  revert_rate: {
    name: "revert_rate",
    unit: "ratio",
    definition:
      'Share of merged PRs reverted later: a commit saying "This reverts commit X" where X landed with the PR (its merge, ' +
      'squash or one of its commits; `uplift measure quality git`), or a GitHub revert PR whose body says "Reverts owner/repo#N". ' +
      `Attributed to the reverted PR. ${MERGED}`,
    part: (pr) => one(pr.revertedBy !== ""),
  },
  rework_rate: {
    name: "rework_rate",
    unit: "ratio",
    definition:
      "Lines changed again within 21 days of being merged / lines added, summed over the group's merged PRs (line-weighted). " +
      "Line origins are tracked over the first-parent history (`uplift measure quality git`); a later landing that deletes or " +
      "rewrites a line within 21 days of the line's landing reworks it; lock files are not counted. Attributed to the PR that " +
      "wrote the lines. Excluded: no_rework_analysis (the PR's landing was not analysed), rework_window_open (the history " +
      `does not reach 21 days past the merge), no_lines_added. ${MERGED}`,
    part: (pr) => {
      if (Number.isNaN(pr.linesAdded)) return "no_rework_analysis";
      if (!pr.reworkWindowClosed) return "rework_window_open";
      if (pr.linesAdded === 0) return "no_lines_added";
      return { numerator: pr.linesReworked, denominator: pr.linesAdded };
    },
  },
  hotfix_rate: {
    name: "hotfix_rate",
    unit: "ratio",
    definition:
      'Share of merged PRs that are hotfixes: a hotfix label, a hotfix/… head branch or "hotfix" in the title (patterns ' +
      `configurable: --hotfix-pattern). Attributed to the hotfix PR's author. ${MERGED}`,
    part: (pr) => one(pr.hotfix),
  },
  bug_fix_share: {
    name: "bug_fix_share",
    unit: "ratio",
    definition:
      "Share of merged PRs that fix a bug: linked from a bug work item (work_items.linked_prs, type bug/defect/incident), " +
      'else a bug label, else a fix title ("fix: …", "Fix …"; patterns configurable: --bug-pattern). The evidence is shown ' +
      `per PR under --explain. ${MERGED}`,
    part: (pr) => one(pr.bugFix !== ""),
  },
  new_findings_per_pr: {
    name: "new_findings_per_pr",
    unit: "findings/PR",
    definition:
      "New static-analysis findings per merged PR: SARIF results of the PR (or of its merge commit) whose fingerprint is not in " +
      "the same tool's analysis of the base commit (else the tool's baselineState \"new\"); levels error, warning and note " +
      "(by_level), security-severity ≥ 7 in security_high. Excluded: no_sarif_analysis (no comparable analysis). " +
      MERGED,
    part: (pr) =>
      Number.isNaN(pr.newFindings) ? "no_sarif_analysis" : { numerator: pr.newFindings, denominator: 1 },
    extras: {
      new_errors: (pr) => pr.newErrors,
      new_warnings: (pr) => pr.newWarnings,
      new_notes: (pr) => pr.newNotes,
      security_high: (pr) => pr.newSecurityHigh,
    },
  },
  unreviewed_merge_rate: {
    name: "unreviewed_merge_rate",
    unit: "ratio",
    definition:
      "Share of merged PRs merged without a review by someone other than the author (no first_review_at, no approved_at). " +
      "Excluded: no_review_data (the source records no reviews, e.g. PRs detected in local Git history). " +
      MERGED,
    part: (pr) => (pr.reviewKnown ? one(!pr.reviewed) : "no_review_data"),
  },
  review_comments_per_100_lines: {
    name: "review_comments_per_100_lines",
    unit: "comments/100 lines",
    definition:
      "Review (inline) comments per 100 changed lines (additions + deletions), summed over the group's merged PRs. A review " +
      "signal without a better direction: few comments can mean clean code or a thin review. Excluded: no_review_data, " +
      `no_review_comment_count, missing_size, no_lines_changed. ${MERGED}`,
    scale: 100,
    part: (pr) => {
      if (!pr.reviewKnown) return "no_review_data";
      if (Number.isNaN(pr.reviewComments)) return "no_review_comment_count";
      if (Number.isNaN(pr.size)) return "missing_size";
      if (pr.size === 0) return "no_lines_changed";
      return { numerator: pr.reviewComments, denominator: pr.size };
    },
  },
  approval_without_comments_rate: {
    name: "approval_without_comments_rate",
    unit: "ratio",
    definition:
      "Share of approved merged PRs whose reviews left no inline comment (a rubber-stamp approval). Excluded: no_review_data, " +
      `not_approved, no_review_comment_count. ${MERGED}`,
    part: (pr) => {
      if (!pr.reviewKnown) return "no_review_data";
      if (!pr.approved) return "not_approved";
      if (Number.isNaN(pr.reviewComments)) return "no_review_comment_count";
      return one(pr.reviewComments === 0);
    },
  },
} satisfies Record<string, RatioMetricSpec>;

export type QualityMetricName = keyof typeof specs;

/** The spec of a quality metric by name (explain), undefined for other metrics. */
export function qualitySpec(name: string): RatioMetricSpec | undefined {
  return (specs as Record<string, RatioMetricSpec>)[name];
}

function qualityMetric(
  spec: RatioMetricSpec,
  direction: MetricDefinition["direction"],
  margin: number | undefined,
): MetricDefinition {
  return {
    name: spec.name,
    unit: spec.unit,
    definition: spec.definition,
    groupable: ALL_KEYS,
    ...(direction ? { direction } : {}),
    ...(margin === undefined ? {} : { non_inferiority_margin: margin }),
    compute: (inputs, options) => ratioRows(spec, inputs.quality?.prs ?? NO_PRS, options),
  };
}

const NO_PRS: readonly QualityPrFact[] = [];

/*
 * Default non-inferiority margins (relative to control; docs/measure-quality.md "Margins"):
 * rare events (reverts, hotfixes: 1–5 % of PRs) get 25 % — a tighter margin on so rare an outcome
 * needs more PRs than a 300-developer, few-week rollout produces; common, line-weighted or
 * count outcomes (rework, findings, bug-fix share, approvals without comments) get 10–15 %;
 * unreviewed merges, a policy-like rate, 10 %.
 */
export const revertRate = qualityMetric(specs.revert_rate, "lower_is_better", 0.25);
export const reworkRate = qualityMetric(specs.rework_rate, "lower_is_better", 0.1);
export const hotfixRate = qualityMetric(specs.hotfix_rate, "lower_is_better", 0.25);
export const bugFixShare = qualityMetric(specs.bug_fix_share, "lower_is_better", 0.15);
export const newFindingsPerPr = qualityMetric(specs.new_findings_per_pr, "lower_is_better", 0.15);
export const unreviewedMergeRate = qualityMetric(specs.unreviewed_merge_rate, "lower_is_better", 0.1);
export const reviewCommentsPer100Lines = qualityMetric(
  specs.review_comments_per_100_lines,
  undefined,
  undefined,
);
export const approvalWithoutCommentsRate = qualityMetric(
  specs.approval_without_comments_rate,
  "lower_is_better",
  0.15,
);

/** Every quality metric, in report order. */
export const QUALITY_METRICS: readonly MetricDefinition[] = [
  revertRate,
  reworkRate,
  hotfixRate,
  bugFixShare,
  newFindingsPerPr,
  unreviewedMergeRate,
  reviewCommentsPer100Lines,
  approvalWithoutCommentsRate,
];

export const QUALITY_METRIC_NAMES: readonly string[] = QUALITY_METRICS.map((metric) => metric.name);
