import type { CommitFact, DeploymentFact, IncidentFact, TelemetryFact } from "./facts.js";
import type { WorkItemFacts } from "./flow-facts.js";
import type { PrInput } from "./pr-columns.js";
import type { QualityFacts } from "./quality-facts.js";

/** `--group-by` keys (DESIGN: CLI contract). */
export const GROUP_KEYS = ["author", "team", "repo", "week", "arm"] as const;
export type GroupBy = (typeof GROUP_KEYS)[number];

/** The group of every row when no `--group-by` is given. */
export const ALL_GROUP = "all";

/** Joins the values of several `--group-by` keys into one group name, in the keys' order. */
export const GROUP_SEPARATOR = "|";

/**
 * One metric value of one group (DESIGN: `{ name, group, value, unit, n }`). Durations add their
 * distribution (`median`, `p75`, `p90`, `mean`, `mean_log`); every row names what was excluded.
 */
export interface MetricRow {
  name: string;
  group: string;
  value: number | null;
  unit: string;
  n: number;
  [extra: string]: unknown;
}

/** The records the metrics read, already narrowed to facts (see facts.ts). */
export interface MetricInputs {
  /** Objects (tests, simulations) or, from the loader, columns (`PrColumns`). */
  prs: PrInput;
  deployments: readonly DeploymentFact[];
  incidents: readonly IncidentFact[];
  telemetry: readonly TelemetryFact[];
  /** Commits each deployment shipped (deployment id → commits); undefined when never linked. */
  deploymentCommits?: ReadonlyMap<string, readonly CommitFact[]> | undefined;
  /** Work items with their status transitions (Flow metrics); undefined when none are loaded. */
  workItems?: WorkItemFacts | undefined;
  /** Merged PRs with their quality evidence (quality guardrails); undefined when not loaded. */
  quality?: QualityFacts | undefined;
}

export interface MetricOptions {
  /** One key, or several (`["author", "week"]`: one row per author-week, group "ann|2025-W10"). */
  groupBy?: GroupBy | readonly GroupBy[] | undefined;
  /** Window [fromMs, toMs): a value counts when its anchor (the end event) falls inside. */
  fromMs?: number | undefined;
  toMs?: number | undefined;
  /** A developer's team (by canonical login); "(no team)" when absent. */
  teamOf?: (login: string) => string | undefined;
  /** A developer's experiment arm; units outside the experiment are excluded (`no_arm`). */
  armOf?: (login: string) => string | undefined;
  includeDrafts?: boolean;
  includeBots?: boolean;
  /** How far before an incident a deployment of the same service may have caused it (default 24 h). */
  incidentWindowHours?: number;
  /** Environment names that count as production (case-insensitive; default production, prod). */
  productionEnvironments?: readonly string[];
}

/** Which way a metric improves (read by `experiment analyze` for guardrails). */
export type MetricDirection = "lower_is_better" | "higher_is_better";

/** A metric: its contract name, unit, exact definition, and the pure computation. */
export interface MetricDefinition {
  name: string;
  unit: string;
  definition: string;
  /** The `--group-by` keys this metric can be split by. */
  groupable: readonly GroupBy[];
  /** Which way is better; absent: lower for durations (unit "hours"), unstated otherwise. */
  direction?: MetricDirection;
  /**
   * Guardrail margin, relative to control: the treatment may not worsen the metric by more than
   * this share (0.10 = 10 %) for "no harm" to hold. Set on every quality guardrail.
   */
  non_inferiority_margin?: number;
  compute(inputs: MetricInputs, options: ResolvedOptions): MetricRow[];
}

/** MetricOptions with every default applied. */
export interface ResolvedOptions {
  /** The `--group-by` keys; empty: one "all" group. */
  groupBy: readonly GroupBy[];
  grouped: boolean;
  /** Whether one of the keys is the week (rates then take the week's days as their period). */
  byWeek: boolean;
  fromMs: number;
  toMs: number;
  teamOf: (login: string) => string | undefined;
  armOf: (login: string) => string | undefined;
  includeDrafts: boolean;
  includeBots: boolean;
  incidentWindowHours: number;
  productionEnvironments: ReadonlySet<string>;
}

export const DEFAULT_INCIDENT_WINDOW_HOURS = 24;
export const DEFAULT_PRODUCTION_ENVIRONMENTS = ["production", "prod"] as const;

export function resolveOptions(options: MetricOptions = {}): ResolvedOptions {
  const groupBy: readonly GroupBy[] =
    options.groupBy === undefined
      ? []
      : typeof options.groupBy === "string"
        ? [options.groupBy]
        : options.groupBy;
  return {
    groupBy,
    grouped: groupBy.length > 0,
    byWeek: groupBy.includes("week"),
    fromMs: options.fromMs ?? Number.NEGATIVE_INFINITY,
    toMs: options.toMs ?? Number.POSITIVE_INFINITY,
    teamOf: options.teamOf ?? (() => undefined),
    armOf: options.armOf ?? (() => undefined),
    includeDrafts: options.includeDrafts ?? false,
    includeBots: options.includeBots ?? false,
    incidentWindowHours: options.incidentWindowHours ?? DEFAULT_INCIDENT_WINDOW_HOURS,
    productionEnvironments: new Set(
      (options.productionEnvironments ?? DEFAULT_PRODUCTION_ENVIRONMENTS).map((env) => env.toLowerCase()),
    ),
  };
}
