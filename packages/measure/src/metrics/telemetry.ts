import { entryOf } from "./entry.js";
import type { TelemetryFact } from "./facts.js";
import { groupOf, inWindow, sortedGroups } from "./grouping.js";
import { ALL_GROUP, type MetricDefinition, type MetricRow, type ResolvedOptions } from "./types.js";
import { weekBounds } from "./window-span.js";

const DAY_MS = 86_400_000;
/** The default period of retained_users when the window has no start: the last 28 days of data. */
export const RETENTION_DAYS = 28;

const SOURCE =
  "From assistant telemetry per user per day (date in UTC); a user is active on a day with ≥ 1 suggestion shown.";

interface Totals {
  shown: number;
  accepted: number;
  userDays: number;
  activeUsers: Set<string>;
}

const totalsCache = new WeakMap<readonly TelemetryFact[], WeakMap<ResolvedOptions, Map<string, Totals>>>();

/** The totals per group, computed once per report and read by the four metrics built on them. */
function totalsByGroup(telemetry: readonly TelemetryFact[], options: ResolvedOptions): Map<string, Totals> {
  let byOptions = totalsCache.get(telemetry);
  if (!byOptions) {
    byOptions = new WeakMap();
    totalsCache.set(telemetry, byOptions);
  }
  let totals = byOptions.get(options);
  if (!totals) {
    totals = computeTotals(telemetry, options);
    byOptions.set(options, totals);
  }
  return totals;
}

function computeTotals(telemetry: readonly TelemetryFact[], options: ResolvedOptions): Map<string, Totals> {
  const groups = new Map<string, Totals>();
  for (const day of telemetry) {
    if (!inWindow(options, day.day)) continue;
    const group = groupOf(options, { login: day.user }, day.day);
    if (group === undefined) continue;
    const entry = entryOf(groups, group, () => ({
      shown: 0,
      accepted: 0,
      userDays: 0,
      activeUsers: new Set(),
    }));
    entry.shown += day.shown;
    entry.accepted += day.accepted;
    entry.userDays++;
    if (day.shown > 0) entry.activeUsers.add(day.user);
  }
  if (!options.grouped && !groups.has(ALL_GROUP))
    groups.set(ALL_GROUP, { shown: 0, accepted: 0, userDays: 0, activeUsers: new Set() });
  return groups;
}

function telemetryMetric(
  name: string,
  unit: string,
  definition: string,
  row: (totals: Totals) => { value: number | null; n: number; [extra: string]: unknown },
): MetricDefinition {
  return {
    name,
    unit,
    definition,
    groupable: ["author", "team", "week", "arm"],
    compute(inputs, options) {
      return sortedGroups(totalsByGroup(inputs.telemetry, options)).map(
        ([group, totals]): MetricRow => ({ name, group, unit, ...row(totals), definition }),
      );
    },
  };
}

export const suggestionsShown = telemetryMetric(
  "suggestions_shown",
  "suggestions",
  `Sum of suggestions shown. n = user-days. ${SOURCE}`,
  (t) => ({ value: t.shown, n: t.userDays }),
);

export const suggestionsAccepted = telemetryMetric(
  "suggestions_accepted",
  "suggestions",
  `Sum of suggestions accepted. n = user-days. ${SOURCE}`,
  (t) => ({ value: t.accepted, n: t.userDays }),
);

export const acceptanceRate = telemetryMetric(
  "acceptance_rate",
  "ratio",
  "Accepted / shown, pooled: the sum of suggestions accepted divided by the sum shown over all user-days of the group " +
    `(not a mean of per-user rates); null when nothing was shown. n = user-days. ${SOURCE}`,
  (t) => ({
    value: t.shown > 0 ? t.accepted / t.shown : null,
    n: t.userDays,
    shown: t.shown,
    accepted: t.accepted,
  }),
);

export const activeUsers = telemetryMetric(
  "active_users",
  "users",
  `Distinct users active on ≥ 1 day of the window (or week). n = users. ${SOURCE}`,
  (t) => ({ value: t.activeUsers.size, n: t.activeUsers.size }),
);

const retainedDefinition =
  "Users active in the period P who were also active in the period of equal length just before P. P = the window " +
  `(--from/--to; without --from, the last ${RETENTION_DAYS} days up to --to or the last day of data), or the week under ` +
  `--group-by week. Also previous_active and retention_rate = value / previous_active. ${SOURCE}`;

/** retained_users: users active in a period and in the one before it. */
export const retainedUsers: MetricDefinition = {
  name: "retained_users",
  unit: "users",
  definition: retainedDefinition,
  groupable: ["author", "team", "week", "arm"],
  compute(inputs, options) {
    const active = inputs.telemetry.filter((day) => day.shown > 0);
    let end = options.toMs;
    if (!Number.isFinite(end))
      end = active.reduce((max, day) => Math.max(max, day.day + DAY_MS), Number.NEGATIVE_INFINITY);
    const start = Number.isFinite(options.fromMs) ? options.fromMs : end - RETENTION_DAYS * DAY_MS;
    const length = end - start;
    const periods = new Map<
      string,
      { group: string; from: number; to: number; current: Set<string>; previous: Set<string> }
    >();
    const entry = (group: string, from: number, to: number) => {
      const key = `${group}\u0000${from}`;
      return entryOf(periods, key, () => ({
        group,
        from,
        to,
        current: new Set<string>(),
        previous: new Set<string>(),
      }));
    };
    for (const day of active) {
      if (options.byWeek) {
        // the day's week is a period P (when in the window) and the "previous period" of the week after
        const [from, to] = weekBounds(day.day);
        const thisWeek = groupOf(options, { login: day.user }, from);
        const nextWeek = groupOf(options, { login: day.user }, to);
        if (thisWeek !== undefined && day.day >= start && day.day < end)
          entry(thisWeek, from, to).current.add(day.user);
        if (nextWeek !== undefined && to >= start && to < end)
          entry(nextWeek, to, to + 7 * DAY_MS).previous.add(day.user);
        continue;
      }
      const group = groupOf(options, { login: day.user }, day.day);
      if (group === undefined) continue;
      if (day.day >= start && day.day < end) entry(group, start, end).current.add(day.user);
      else if (day.day >= start - length && day.day < start) entry(group, start, end).previous.add(day.user);
    }
    const rows = new Map<string, MetricRow>();
    for (const { group, from, to, current, previous } of periods.values()) {
      if (current.size === 0 && options.grouped) continue;
      let retained = 0;
      for (const user of current) if (previous.has(user)) retained++;
      rows.set(group, {
        name: "retained_users",
        group,
        value: retained,
        unit: "users",
        n: current.size,
        previous_active: previous.size,
        retention_rate: previous.size > 0 ? retained / previous.size : null,
        period: { from: isoDay(from), to: isoDay(to - DAY_MS) },
        definition: retainedDefinition,
      });
    }
    if (!options.grouped && !rows.has(ALL_GROUP))
      rows.set(ALL_GROUP, {
        name: "retained_users",
        group: ALL_GROUP,
        value: 0,
        unit: "users",
        n: 0,
        definition: retainedDefinition,
      });
    return sortedGroups(rows).map(([, row]) => row);
  },
};

function isoDay(ms: number): string | null {
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : null;
}
