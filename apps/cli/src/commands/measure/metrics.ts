import { InputError } from "@uplift/core";
import {
  explainMetric,
  type MetricExplanation,
  type MetricRow,
  type MetricsReport,
  metricsReport,
  parseGroupBy,
} from "@uplift/measure";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { writeCsv } from "./csv-out.js";

export interface MetricsOptions {
  from?: string;
  to?: string;
  groupBy?: string;
  metric?: string[];
  experiment?: string;
  explain?: string;
  group?: string;
  csv?: string;
  includeDrafts?: boolean;
  includeBots?: boolean;
  hotfixPattern?: string;
  bugPattern?: string;
  incidentWindow?: string;
  environment?: string;
}

/** `uplift measure metrics`: metric rows per group (or, with --explain, one metric's records). */
export async function metricsCommand(global: GlobalOptions, options: MetricsOptions): Promise<void> {
  const query = {
    from: options.from,
    to: options.to,
    groupBy: parseGroupBy(
      options.groupBy?.split(",").map((key) => key.trim()),
      "--group-by",
    ),
    metrics: options.metric?.flatMap((m) => m.split(",")).filter(Boolean),
    experiment: options.experiment,
    includeDrafts: options.includeDrafts,
    includeBots: options.includeBots,
    qualityRules: qualityPatterns(options.hotfixPattern, options.bugPattern),
    incidentWindowHours: parseHours(options.incidentWindow),
    productionEnvironments: options.environment
      ?.split(",")
      .map((e) => e.trim())
      .filter(Boolean),
  };
  if (options.group !== undefined && options.explain === undefined)
    throw new InputError("--group: only with --explain METRIC");
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    if (options.explain !== undefined) {
      const explanation = await explainMetric(store, options.explain, query, options.group);
      if (options.group !== undefined && explanation.records.length === 0)
        await unknownGroup(options.group, await explainMetric(store, options.explain, query, undefined));
      if (options.csv) await writeCsv(options.csv, explanation.records);
      ctx.print(explanation, renderExplanation);
      return;
    }
    const report = await metricsReport(store, query);
    if (options.csv) await writeCsv(options.csv, report.metrics);
    ctx.print(report, renderReport);
  });
}

/** `--group G` matched nothing: bad input when G is not one of the metric's groups, naming them. */
async function unknownGroup(group: string, all: MetricExplanation): Promise<void> {
  const groups = [...new Set(all.records.map((r) => r.group ?? "—"))];
  if (groups.includes(group) || groups.length === 0) return;
  const shown = groups.slice(0, 12).join(", ") + (groups.length > 12 ? `, … (${groups.length} in all)` : "");
  throw new InputError(`--group ${group}: no ${all.name} records in that group (groups: ${shown})`, {
    hint:
      groups.length === 1 && groups[0] === "all"
        ? "group with --group-by author|team|repo|week|arm"
        : undefined,
  });
}

/** One pattern (a JavaScript regular expression, case-insensitive) for title, branch and labels. */
function qualityPatterns(hotfix: string | undefined, bug: string | undefined) {
  for (const [flag, pattern] of [
    ["--hotfix-pattern", hotfix],
    ["--bug-pattern", bug],
  ] as const) {
    if (pattern === undefined) continue;
    try {
      new RegExp(pattern, "i");
    } catch (error) {
      throw new InputError(`${flag} ${pattern}: not a regular expression (${(error as Error).message})`);
    }
  }
  return {
    ...(hotfix === undefined ? {} : { hotfixTitle: hotfix, hotfixBranch: hotfix, hotfixLabels: hotfix }),
    ...(bug === undefined ? {} : { bugTitle: bug, bugLabels: bug }),
  };
}

function parseHours(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours < 0)
    throw new InputError(`--incident-window ${value}: expected hours ≥ 0`);
  return hours;
}

function format(value: unknown): string {
  if (typeof value !== "number") return value === null || value === undefined ? "—" : String(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1);
}

function renderRow(row: MetricRow): string {
  const spread = row.p75 !== undefined ? `  p75 ${format(row.p75)}  p90 ${format(row.p90)}` : "";
  const note = typeof row.note === "string" ? `  (${row.note})` : "";
  return `${row.name.padEnd(24)} ${row.group.padEnd(16)} ${format(row.value).padStart(10)} ${row.unit.padEnd(20)} n=${row.n}${spread}${note}`;
}

function renderReport(report: MetricsReport): string {
  const lines = [
    `window: from ${report.window.from ?? "the start of data"} to ${report.window.to ? `before ${report.window.to}` : "the end of data"}` +
      (report.group_by ? `, grouped by ${report.group_by}` : "") +
      (report.experiment ? ` (experiment ${report.experiment})` : ""),
    ...report.metrics.map(renderRow),
  ];
  for (const skipped of report.skipped) lines.push(`(${skipped.name}: ${skipped.reason})`);
  lines.push("definitions: uplift measure metrics --explain NAME, or docs/measure.md");
  return lines.join("\n");
}

function renderExplanation(explanation: MetricExplanation): string {
  const lines = [
    `${explanation.name} (${explanation.unit})`,
    explanation.definition,
    "",
    ...explanation.values.map(renderRow),
    "",
  ];
  for (const record of explanation.records) {
    lines.push(
      `${record.record}\t${record.group ?? "—"}\t${record.at}\t${record.excluded ? `excluded: ${record.excluded}` : format(record.value)}` +
        (typeof record.incidents === "string" && record.incidents ? `\tincidents: ${record.incidents}` : "") +
        (typeof record.transitions === "string" && record.transitions
          ? `\ttransitions: ${record.transitions}`
          : ""),
    );
  }
  if (explanation.records.length === 0) lines.push("no records in the window");
  return lines.join("\n");
}
