import { prFact } from "../metrics/facts.js";
import {
  prCodingTimeHours,
  prCycleTimeHours,
  prMergeTimeHours,
  prPickupTimeHours,
  prReviewTimeHours,
} from "../metrics/pr-flow.js";
import { instantMs, measureSpan } from "../metrics/span.js";
import type { Incident, PullRequest } from "../records.js";
import type { ImportKind } from "./kinds.js";

const PR_SPANS = [
  ["pr_merge_time", prMergeTimeHours],
  ["pr_cycle_time", prCycleTimeHours],
  ["pr_coding_time", prCodingTimeHours],
  ["pr_pickup_time", prPickupTimeHours],
  ["pr_review_time", prReviewTimeHours],
] as const;

/**
 * The data-quality report of imported records: values the metrics will exclude, by
 * `reason:metric` (DESIGN: negative spans and missing ends are excluded and counted).
 */
export function anomaliesOf(
  kind: ImportKind,
  records: readonly Record<string, unknown>[],
): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  if (kind === "prs") {
    for (const record of records) {
      const pr = prFact(record as PullRequest);
      if (Number.isNaN(pr.merged)) {
        add("not_merged");
        continue;
      }
      for (const [metric, span] of PR_SPANS) {
        const result = span(pr);
        if (typeof result === "string") add(`${result}:${metric}`);
      }
    }
  } else if (kind === "incidents") {
    for (const record of records) {
      const incident = record as Incident;
      const result = measureSpan(instantMs(incident.started_at), instantMs(incident.resolved_at));
      if (typeof result === "string") add(`${result}:time_to_restore`);
    }
  }
  return counts;
}
