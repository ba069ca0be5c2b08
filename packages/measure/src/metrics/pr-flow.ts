import type { PrFact } from "./facts.js";
import { inWindow } from "./grouping.js";
import { IndexedValues } from "./indexed-values.js";
import { PR_BOT, PR_DRAFT, type PrColumns, prColumns } from "./pr-columns.js";
import { prGroupIndex } from "./pr-groups.js";
import { measureSpan, type SpanExclusion } from "./span.js";
import { DURATION_LOG_FLOOR_HOURS } from "./summary.js";
import type { MetricDefinition, MetricInputs, MetricRow, ResolvedOptions } from "./types.js";

const POPULATION =
  "Population: pull requests merged in the window (a PR belongs to the day it was merged, UTC), " +
  "excluding bot authors (author_is_bot or a login ending in [bot]) and drafts unless asked; " +
  "PRs created in the window and not merged are counted as excluded `not_merged`. " +
  "A span that is negative or lacks its start or end is excluded and counted, never clamped (a Git squash merged without its head ref has no known creation: `missing_start`).";

/** Why a PR is outside a PR-flow metric's population, or undefined when it is in. */
export function prExclusion(pr: PrFact, options: ResolvedOptions): "bot" | "draft" | undefined {
  if (pr.bot && !options.includeBots) return "bot";
  if (pr.draft && !options.includeDrafts) return "draft";
  return undefined;
}

/** `prExclusion` of a PR's `PrColumns.flags`. */
export function prFlagsExclusion(flags: number, options: ResolvedOptions): "bot" | "draft" | undefined {
  if ((flags & PR_BOT) !== 0 && !options.includeBots) return "bot";
  if ((flags & PR_DRAFT) !== 0 && !options.includeDrafts) return "draft";
  return undefined;
}

export { prAnchor } from "./pr-groups.js";

type PrSpan = (pr: PrFact) => number | SpanExclusion;

/** The PR-flow spans, in hours (DESIGN: Metric definitions). */
export const prMergeTimeHours: PrSpan = (pr) => measureSpan(pr.created, pr.merged);
export const prCycleTimeHours: PrSpan = (pr) => measureSpan(pr.firstCommit, pr.merged);
export const prCodingTimeHours: PrSpan = (pr) => measureSpan(pr.firstCommit, pr.created);
export const prPickupTimeHours: PrSpan = (pr) => measureSpan(pr.created, pr.firstReview);
export const prReviewTimeHours: PrSpan = (pr) => measureSpan(pr.firstReview, pr.merged);

/** The start and end times of a span, as columns. */
type SpanColumns = (prs: PrColumns) => [start: Float64Array, end: Float64Array];

function prDuration(name: string, what: string, columns: SpanColumns): MetricDefinition {
  const definition = `${what} In hours; value = median, with n, p75, p90, mean and mean_log (ln, spans under 1 minute count as 1 minute in mean_log). ${POPULATION}`;
  return {
    name,
    unit: "hours",
    definition,
    groupable: ["author", "team", "repo", "week", "arm"],
    compute(inputs: MetricInputs, options: ResolvedOptions): MetricRow[] {
      const prs = prColumns(inputs.prs);
      const { names, ids } = prGroupIndex(prs, options);
      const values = new IndexedValues(names, prs.length);
      const { created, merged, flags } = prs;
      const [start, end] = columns(prs);
      for (let i = 0; i < prs.length; i++) {
        const mergedAt = merged[i] as number;
        const notMerged = Number.isNaN(mergedAt);
        const anchor = notMerged ? (created[i] as number) : mergedAt;
        if (!inWindow(options, anchor)) continue;
        const group = ids[i] as number;
        const excluded = notMerged ? "not_merged" : prFlagsExclusion(flags[i] as number, options);
        if (excluded) {
          values.exclude(group, excluded);
          continue;
        }
        const hours = measureSpan(start[i] as number, end[i] as number);
        if (typeof hours === "number") values.add(group, hours);
        else values.exclude(group, hours);
      }
      return values.rows({ name, unit: "hours", definition }, DURATION_LOG_FLOOR_HOURS, options.grouped);
    },
  };
}

export const prMergeTime = prDuration(
  "pr_merge_time",
  "PR created → merged (merged_at − created_at).",
  (prs) => [prs.created, prs.merged],
);
export const prCycleTime = prDuration(
  "pr_cycle_time",
  "First commit → merged (merged_at − first_commit_at); = coding + pickup + review time.",
  (prs) => [prs.firstCommit, prs.merged],
);
export const prCodingTime = prDuration(
  "pr_coding_time",
  "First commit → PR created (created_at − first_commit_at).",
  (prs) => [prs.firstCommit, prs.created],
);
export const prPickupTime = prDuration(
  "pr_pickup_time",
  "PR created → first review (first_review_at − created_at); a PR merged without review is excluded as missing_end.",
  (prs) => [prs.created, prs.firstReview],
);
export const prReviewTime = prDuration(
  "pr_review_time",
  "First review → merged (merged_at − first_review_at).",
  (prs) => [prs.firstReview, prs.merged],
);
