import { InputError } from "@uplift/core";
import { changeFailureRate } from "./change-failure-rate.js";
import { deploymentFrequency } from "./deployment-frequency.js";
import { flowDistribution } from "./flow-distribution.js";
import { flowEfficiency } from "./flow-efficiency.js";
import { flowLoad } from "./flow-load.js";
import { flowTime } from "./flow-time.js";
import { flowVelocity } from "./flow-velocity.js";
import { leadTimeForChange } from "./lead-time.js";
import { prCodingTime, prCycleTime, prMergeTime, prPickupTime, prReviewTime } from "./pr-flow.js";
import { prSize } from "./pr-size.js";
import { prsPerDeveloperWeek } from "./prs-per-developer-week.js";
import { QUALITY_METRICS } from "./quality-metrics.js";
import {
  acceptanceRate,
  activeUsers,
  retainedUsers,
  suggestionsAccepted,
  suggestionsShown,
} from "./telemetry.js";
import { timeToRestore, timeToRestoreFromDeploy } from "./time-to-restore.js";
import {
  type MetricDefinition,
  type MetricInputs,
  type MetricOptions,
  type MetricRow,
  resolveOptions,
} from "./types.js";

/** Every metric, in report order (DESIGN: Metric definitions; the names are the contract). */
export const METRICS: readonly MetricDefinition[] = [
  prMergeTime,
  prCycleTime,
  prCodingTime,
  prPickupTime,
  prReviewTime,
  prSize,
  prsPerDeveloperWeek,
  leadTimeForChange,
  deploymentFrequency,
  changeFailureRate,
  timeToRestore,
  timeToRestoreFromDeploy,
  suggestionsShown,
  suggestionsAccepted,
  acceptanceRate,
  activeUsers,
  retainedUsers,
  flowTime,
  flowVelocity,
  flowLoad,
  flowEfficiency,
  flowDistribution,
  ...QUALITY_METRICS,
];

export function metricByName(name: string): MetricDefinition {
  const metric = METRICS.find((m) => m.name === name);
  if (!metric) {
    throw new InputError(
      `--metric ${name}: unknown metric (one of ${METRICS.map((m) => m.name).join(", ")})`,
    );
  }
  return metric;
}

/** A metric left out of a grouped report, and why. */
export interface SkippedMetric {
  name: string;
  reason: string;
}

/**
 * Computes the named metrics (default: all) over facts; pure. A metric that cannot be split by
 * the requested `groupBy` (deployments have no author) is listed in `skipped`, not guessed.
 */
export function computeMetrics(
  inputs: MetricInputs,
  options: MetricOptions & { metrics?: readonly string[] | undefined } = {},
): { metrics: MetricRow[]; skipped: SkippedMetric[] } {
  const resolved = resolveOptions(options);
  const chosen = options.metrics?.length ? options.metrics.map(metricByName) : METRICS;
  const parts: MetricRow[][] = [];
  const skipped: SkippedMetric[] = [];
  for (const metric of chosen) {
    const unsupported = resolved.groupBy.filter((key) => !metric.groupable.includes(key));
    if (unsupported.length > 0) {
      skipped.push({
        name: metric.name,
        reason: `cannot be grouped by ${unsupported.join(", ")} (groupable by ${metric.groupable.join(", ")})`,
      });
      continue;
    }
    parts.push(metric.compute(inputs, resolved));
  }
  // one copy into an array of the final size: an author-week report has 2.4M rows
  return { metrics: parts.length === 1 ? (parts[0] as MetricRow[]) : parts.flat(), skipped };
}
