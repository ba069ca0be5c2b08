import { InputError, type Queryable } from "@uplift/core";
import {
  canonicalLogin,
  type ExplainRecord,
  explainMetric,
  loadIdentityMap,
  metricByName,
} from "@uplift/measure";
import type { StoredAssignment, StoredExperiment } from "../design/experiment-repository.js";

const DAY_MS = 86_400_000;

/** Metrics whose records are attributed to a developer (PR author, commit author, telemetry user). */
const TELEMETRY_PER_USER_DAY = new Set(["acceptance_rate"]);
/** Metrics analysed as one count per developer-week (weeks without a record count 0). */
const COUNT_PER_WEEK = new Set(["prs_per_developer_week"]);

/** One analysable value of a metric: a developer's PR (or commit, or user-day), or developer-week. */
export interface StoredMetricRow {
  unit: string;
  arm: string;
  value: number;
  /** The record's anchor (merge, deployment, telemetry day) or the week's Monday. */
  at: Date;
  /** The record's repository, when it has one (PRs, commits). */
  repo?: string | undefined;
}

/** Where the rows of a stored metric come from and how the windows were cut. */
export interface StoredMetricRows {
  metric: string;
  unit: string;
  definition: string;
  /** "record" (a PR, commit or user-day) or "developer-week". */
  grain: "record" | "developer-week";
  /** Analysis-period rows of assigned developers. */
  rows: StoredMetricRow[];
  /** Every developer's pre-period values (before their assignment), by unit. */
  pre: Map<string, number[]>;
  window: {
    pre_from: string;
    start: string;
    analysis_from: string;
    analysis_to: string | null;
    /** What the analysis period leaves out, in words (the ramp-up). */
    note: string;
  };
  /** Records left out before the analysis, each reason counted. */
  left_out: {
    excluded_by_metric: number;
    not_in_experiment: number;
    ramp_up: number;
    before_assignment: number;
  };
}

export interface StoredRowsOptions {
  experiment: StoredExperiment;
  assignments: readonly StoredAssignment[];
  /** Days before the start (or a late joiner's assignment) that form the pre-period. Default 90. */
  preDays?: number;
  /** End of the analysis period (exclusive); default: everything stored. */
  to?: Date | undefined;
  /** Keep the ramp-up window in the analysis (default: excluded, as DESIGN asks). */
  includeRampUp?: boolean;
}

function mondayMs(ms: number): number {
  const date = new Date(ms);
  const day = (date.getUTCDay() + 6) % 7;
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day);
}

/** When a developer's treatment starts: the experiment's start, or a late joiner's assignment. */
function ownStart(assignment: StoredAssignment, start: number): number {
  return assignment.batch > 0 ? Math.max(start, assignment.assignedAt.getTime()) : start;
}

/** The developer a record belongs to, or undefined when the metric's records name none. */
function developerOf(metric: string, record: ExplainRecord): string | undefined {
  if (typeof record.author === "string") return record.author;
  if (TELEMETRY_PER_USER_DAY.has(metric) && typeof record.user === "string") return record.user;
  return undefined;
}

/**
 * Per-developer rows of one stored metric for an experiment, through measure's public drill-down
 * (`explainMetric`: the same inclusion rules as `measure metrics`). Each assigned developer's arm
 * comes from the stored assignment (aliases resolved to canonical logins). Records anchored before
 * the developer's start (the experiment's start, or a late joiner's assignment) within `preDays`
 * form the pre-period; those in the ramp-up window are left out and counted; the rest are the
 * analysis rows. `prs_per_developer_week` becomes one count per developer and full analysis week
 * (0 for a week without PRs). Throws InputError for a metric that is not attributed to developers.
 */
export async function storedMetricRows(
  db: Queryable,
  metric: string,
  options: StoredRowsOptions,
): Promise<StoredMetricRows> {
  const definition = metricByName(metric);
  const { experiment, assignments } = options;
  const preDays = options.preDays ?? 90;
  const start = experiment.startsAt.getTime();
  const rampMs = options.includeRampUp ? 0 : experiment.rampUpDays * DAY_MS;
  const analysisFrom = start + rampMs;
  const toMs = options.to?.getTime();
  if (toMs !== undefined && toMs <= analysisFrom) {
    throw new InputError(
      `--to ${options.to?.toISOString()}: the analysis period of experiment ${experiment.name} starts ${new Date(analysisFrom).toISOString()} (start + ${experiment.rampUpDays}-day ramp-up); nothing to analyse before it`,
    );
  }
  const identities = await loadIdentityMap(db);
  const arms = new Map<string, StoredAssignment>();
  for (const a of assignments) arms.set(canonicalLogin(identities, a.unit), a);

  const preFrom = start - preDays * DAY_MS;
  const explanation = await explainMetric(db, metric, {
    from: new Date(preFrom).toISOString(),
    to: toMs === undefined ? undefined : new Date(toMs).toISOString(),
  });
  const leftOut = { excluded_by_metric: 0, not_in_experiment: 0, ramp_up: 0, before_assignment: 0 };
  const rows: StoredMetricRow[] = [];
  const pre = new Map<string, number[]>();
  let attributed = 0;
  for (const record of explanation.records) {
    const login = developerOf(metric, record);
    if (login === undefined) continue;
    attributed++;
    if (record.value === null) {
      leftOut.excluded_by_metric++;
      continue;
    }
    const assignment = arms.get(login);
    if (!assignment) {
      leftOut.not_in_experiment++;
      continue;
    }
    const at = Date.parse(record.at);
    const own = ownStart(assignment, start);
    if (at < own) {
      if (at >= own - preDays * DAY_MS) pre.set(login, [...(pre.get(login) ?? []), record.value]);
      else if (at >= start) leftOut.before_assignment++;
      continue;
    }
    if (at < own + rampMs) {
      leftOut.ramp_up++;
      continue;
    }
    const repo = typeof record.repo === "string" ? record.repo : undefined;
    rows.push({ unit: login, arm: assignment.arm, value: record.value, at: new Date(at), repo });
  }
  if (explanation.records.length > 0 && attributed === 0) {
    throw new InputError(
      `--metric ${metric}: its records are not attributed to developers (e.g. deployments have no author), so it cannot be analysed per developer`,
    );
  }
  const grain = COUNT_PER_WEEK.has(metric) ? "developer-week" : "record";
  return {
    metric,
    unit: definition.unit,
    definition: definition.definition,
    grain,
    rows: grain === "developer-week" ? weeklyCounts(rows, arms, analysisFrom, toMs) : rows,
    pre: grain === "developer-week" ? weeklyPreCounts(pre) : pre,
    window: {
      pre_from: new Date(preFrom).toISOString(),
      start: experiment.startsAt.toISOString(),
      analysis_from: new Date(analysisFrom).toISOString(),
      analysis_to: toMs === undefined ? null : new Date(toMs).toISOString(),
      note: options.includeRampUp
        ? `the ramp-up of experiment ${experiment.name} is included (--include-ramp-up)`
        : `the ${experiment.rampUpDays}-day ramp-up after the start of experiment ${experiment.name} (from ${experiment.startsAt.toISOString().slice(0, 10)}, or from a late joiner's assignment) is excluded; ${leftOut.ramp_up} record(s) in it left out`,
    },
    left_out: leftOut,
  };
}

/**
 * One row per assigned developer and full ISO week of the analysis period: the number of records
 * (PRs) anchored in it. The period ends at `toMs`, or before the last record's week (the end of the data may cut it short).
 */
function weeklyCounts(
  rows: readonly StoredMetricRow[],
  arms: ReadonlyMap<string, StoredAssignment>,
  fromMs: number,
  toMs: number | undefined,
): StoredMetricRow[] {
  const WEEK = 7 * DAY_MS;
  const first = mondayMs(fromMs) === fromMs ? fromMs : mondayMs(fromMs) + WEEK;
  const lastRecord = rows.reduce((m, r) => Math.max(m, r.at.getTime()), Number.NEGATIVE_INFINITY);
  // the week of the last record may be cut short by the data's end: only weeks before it count
  const end = toMs ?? (Number.isFinite(lastRecord) ? mondayMs(lastRecord) : first);
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.unit}\u001f${mondayMs(r.at.getTime())}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: StoredMetricRow[] = [];
  for (const [unit, assignment] of arms) {
    const late = assignment.batch > 0;
    const own = late ? Math.max(first, mondayMs(assignment.assignedAt.getTime()) + WEEK) : first;
    for (let week = own; week + WEEK <= end; week += WEEK) {
      out.push({
        unit,
        arm: assignment.arm,
        value: counts.get(`${unit}\u001f${week}`) ?? 0,
        at: new Date(week),
      });
    }
  }
  return out;
}

/** Pre-period PRs per week of each developer: the count over the pre-period's span in weeks. */
function weeklyPreCounts(pre: ReadonlyMap<string, number[]>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [unit, values] of pre) out.set(unit, [values.length]);
  return out;
}
