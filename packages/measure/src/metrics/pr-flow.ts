import type { PrFact } from "./facts.js";
import { inWindow } from "./grouping.js";
import { IndexedValues } from "./indexed-values.js";
import { prAnchor, prGroupIndex } from "./pr-groups.js";
import { measureSpan, type SpanExclusion } from "./span.js";
import { DURATION_LOG_FLOOR_HOURS } from "./summary.js";
import type { MetricDefinition, MetricInputs, MetricRow, ResolvedOptions } from "./types.js";

const POPULATION =
  "Population: pull requests merged in the window (a PR belongs to the day it was merged, UTC), " +
  "excluding bot authors (author_is_bot or a login ending in [bot]) and drafts unless asked; " +
  "PRs created in the window and not merged are counted as excluded `not_merged`. " +
  "A span that is negative or lacks an end is excluded and counted, never clamped.";

/** Why a PR is outside a PR-flow metric's population, or undefined when it is in. */
export function prExclusion(pr: PrFact, options: ResolvedOptions): "bot" | "draft" | undefined {
  if (pr.bot && !options.includeBots) return "bot";
  if (pr.draft && !options.includeDrafts) return "draft";
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

function prDuration(name: string, what: string, span: PrSpan): MetricDefinition {
  const definition = `${what} In hours; value = median, with n, p75, p90, mean and mean_log (ln, spans under 1 minute count as 1 minute in mean_log). ${POPULATION}`;
  return {
    name,
    unit: "hours",
    definition,
    groupable: ["author", "team", "repo", "week", "arm"],
    compute(inputs: MetricInputs, options: ResolvedOptions): MetricRow[] {
      const { names, ids } = prGroupIndex(inputs.prs, options);
      const values = new IndexedValues(names, inputs.prs.length);
      for (let i = 0; i < inputs.prs.length; i++) {
        const pr = inputs.prs[i] as PrFact;
        if (!inWindow(options, prAnchor(pr))) continue;
        const group = ids[i] as number;
        const excluded = Number.isNaN(pr.merged) ? "not_merged" : prExclusion(pr, options);
        if (excluded) {
          values.exclude(group, excluded);
          continue;
        }
        const hours = span(pr);
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
  prMergeTimeHours,
);
export const prCycleTime = prDuration(
  "pr_cycle_time",
  "First commit → merged (merged_at − first_commit_at); = coding + pickup + review time.",
  prCycleTimeHours,
);
export const prCodingTime = prDuration(
  "pr_coding_time",
  "First commit → PR created (created_at − first_commit_at).",
  prCodingTimeHours,
);
export const prPickupTime = prDuration(
  "pr_pickup_time",
  "PR created → first review (first_review_at − created_at); a PR merged without review is excluded as missing_end.",
  prPickupTimeHours,
);
export const prReviewTime = prDuration(
  "pr_review_time",
  "First review → merged (merged_at − first_review_at).",
  prReviewTimeHours,
);
