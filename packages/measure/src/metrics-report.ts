import { InputError, type Queryable } from "@uplift/core";
import { type ExplainRecord, explainRecords } from "./metrics/explain.js";
import { QUALITY_METRIC_NAMES } from "./metrics/quality-metrics.js";
import { computeMetrics, METRICS, metricByName, type SkippedMetric } from "./metrics/registry.js";
import { type GroupBy, type MetricRow, resolveOptions } from "./metrics/types.js";
import { type QualityRules, qualityRules } from "./quality/quality-rules.js";
import { tableExists } from "./store/catalog.js";
import { loadExperimentArms } from "./store/experiment-arms.js";
import { loadFacts } from "./store/load-facts.js";

/** A metrics query, as `uplift measure metrics` and the HTTP API take it. */
export interface MetricsQuery {
  /** First day (YYYY-MM-DD, UTC, inclusive) or an ISO 8601 instant. */
  from?: string | undefined;
  /** Last day (YYYY-MM-DD, UTC, inclusive) or an ISO 8601 instant (exclusive). */
  to?: string | undefined;
  /** One key or several (one row per combination; group = values joined by "|"). */
  groupBy?: GroupBy | readonly GroupBy[] | undefined;
  metrics?: readonly string[] | undefined;
  /** For `groupBy: "arm"`: the experiment whose arms to use (default: the latest). */
  experiment?: string | undefined;
  includeDrafts?: boolean | undefined;
  includeBots?: boolean | undefined;
  incidentWindowHours?: number | undefined;
  productionEnvironments?: readonly string[] | undefined;
  /** Hotfix / bug-fix patterns over the defaults (quality guardrails). */
  qualityRules?: Partial<QualityRules> | undefined;
}

export interface MetricsReport {
  window: { from: string | null; to: string | null };
  /** The keys, comma-joined ("author,week"), or null. */
  group_by: string | null;
  experiment?: string;
  metrics: MetricRow[];
  skipped: SkippedMetric[];
}

const DAY_MS = 86_400_000;

/** Parses a `--from`/`--to` bound to epoch ms: a date is a whole UTC day (`--to` inclusive). */
export function parseBound(text: string | undefined, flag: "--from" | "--to"): number | undefined {
  if (text === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    if (!Number.isNaN(ms)) return flag === "--to" ? ms + DAY_MS : ms;
  } else if (/^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) {
    return Date.parse(text);
  }
  throw new InputError(`${flag} ${text}: expected a date YYYY-MM-DD or an ISO 8601 time with offset`);
}

async function prepare(db: Queryable, query: MetricsQuery, withIds = false) {
  const fromMs = parseBound(query.from, "--from");
  const toMs = parseBound(query.to, "--to");
  if (fromMs !== undefined && toMs !== undefined && toMs <= fromMs)
    throw new InputError(`--to ${query.to} is not after --from ${query.from}`);
  for (const name of query.metrics ?? []) metricByName(name);
  const withQuality = query.metrics?.length
    ? query.metrics.some((name) => QUALITY_METRIC_NAMES.includes(name))
    : await hasQualityEvidence(db);
  const keys =
    query.groupBy === undefined ? [] : typeof query.groupBy === "string" ? [query.groupBy] : query.groupBy;
  const facts = await loadFacts(db, {
    fromMs,
    toMs,
    withIds,
    // a report not grouped by repository does not read the PRs' (1M of them: ~0.3 s on PGlite)
    withRepos: withIds || keys.includes("repo"),
    withQuality,
    qualityRules: qualityRules(query.qualityRules),
    withFlow: query.metrics?.length ? query.metrics.some((name) => name.startsWith("flow_")) : true,
  });
  let experiment: string | undefined;
  let arms: Map<string, string> | undefined;
  if (keys.includes("arm"))
    ({ experiment, arms } = await loadExperimentArms(db, query.experiment, facts.resolve));
  const options = {
    groupBy: query.groupBy,
    fromMs,
    toMs,
    teamOf: (login: string) => facts.teams.get(login),
    armOf: (login: string) => arms?.get(login),
    includeDrafts: query.includeDrafts,
    includeBots: query.includeBots,
    incidentWindowHours: query.incidentWindowHours,
    productionEnvironments: query.productionEnvironments,
  };
  return { facts, options, experiment, fromMs, toMs, withQuality };
}

/** Reads the records and computes the metrics of a query (DESIGN: `uplift measure metrics`). */
export async function metricsReport(db: Queryable, query: MetricsQuery = {}): Promise<MetricsReport> {
  const { facts, options, experiment, fromMs, toMs, withQuality } = await prepare(db, query);
  // without quality data the guardrails are listed as skipped: not computed at all (a pass over every PR)
  const names = query.metrics?.length
    ? query.metrics
    : withQuality
      ? undefined
      : METRICS.map((m) => m.name).filter((n) => !QUALITY_METRIC_NAMES.includes(n));
  const computed = computeMetrics(facts, { ...options, metrics: names });
  // metrics named with --metric are all that was asked for: no guardrail is listed as skipped
  const { metrics, skipped } = withQuality || query.metrics?.length ? computed : withoutQuality(computed);
  return {
    window: { from: isoOrNull(fromMs), to: isoOrNull(toMs) },
    group_by: query.groupBy === undefined ? null : [query.groupBy].flat().join(","),
    ...(experiment === undefined ? {} : { experiment }),
    metrics,
    skipped,
  };
}

export interface MetricExplanation {
  name: string;
  unit: string;
  definition: string;
  /** The metric's values (one per group) … */
  values: MetricRow[];
  /** … and every record behind them, with what it contributed or why it was excluded. */
  records: ExplainRecord[];
}

/** The definition of one metric and the records behind its values (`--explain METRIC`). */
export async function explainMetric(
  db: Queryable,
  name: string,
  query: MetricsQuery = {},
  group?: string,
): Promise<MetricExplanation> {
  const metric = metricByName(name);
  const { facts, options } = await prepare(db, { ...query, metrics: [name] }, true);
  const { metrics } = computeMetrics(facts, { ...options, metrics: [name] });
  const records = explainRecords(name, facts, resolveOptions(options));
  return {
    name,
    unit: metric.unit,
    definition: metric.definition,
    values: group === undefined ? metrics : metrics.filter((row) => row.group === group),
    records: group === undefined ? records : records.filter((record) => record.group === group),
  };
}

function isoOrNull(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

/**
 * The quality guardrails read one more pass over the window's merged PRs (docs/measure-quality.md);
 * a report of all metrics includes them once quality data was imported (`measure quality git`,
 * `measure import sarif`), otherwise they are listed as skipped — naming one with `--metric`
 * always computes it.
 */
async function hasQualityEvidence(db: Queryable): Promise<boolean> {
  if (!(await tableExists(db, "quality_landings"))) return false;
  const { rows } = await db.query<{ found: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM quality_landings) OR EXISTS (SELECT 1 FROM quality_reverts)
         OR EXISTS (SELECT 1 FROM sarif_analyses) AS found`,
  );
  return rows[0]?.found === true;
}

/** Lists the guardrails as skipped; none of them was computed (`prepare` sets `withQuality` when one is named). */
function withoutQuality(report: { metrics: MetricRow[]; skipped: SkippedMetric[] }) {
  return {
    metrics: report.metrics,
    skipped: [
      ...report.skipped,
      ...QUALITY_METRIC_NAMES.map((name) => ({
        name,
        reason:
          "no quality data imported yet (uplift measure quality git, uplift measure import sarif); name it with --metric to compute it from PRs alone",
      })),
    ],
  };
}
