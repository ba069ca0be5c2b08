import { NotFoundError, UnavailableError } from "@uplift/core";
import type { TelemetryDay } from "../records.js";
import { readImportCursor, writeImportCursor } from "../store/import-cursors.js";
import type { GitHubImportContext } from "./context.js";
import { mapCopilotUserDay } from "./map-copilot.js";
import { copilotReportLinksSchema, copilotUserDaySchema } from "./payloads.js";
import { writeRecords } from "./record-writer.js";

export interface CopilotRange {
  org: string;
  /** First day to import on a first run (YYYY-MM-DD); default 28 days before `until`. */
  since: string | undefined;
  /** Last day to import (YYYY-MM-DD); default yesterday (UTC). */
  until: string;
}

/** The reports API keeps one year of days. */
const MAX_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * Imports the organisation's Copilot usage metrics, one per-user daily report per day
 * (`GET /orgs/{org}/copilot/metrics/reports/users-1-day?day=…` → signed links → NDJSON), from
 * the day after the cursor's `last_day` up to `until`. A day without a report (404: not
 * generated yet, or before reports existed) is skipped and asked again next run unless a later
 * day was imported. Each day is stored with the cursor in one transaction.
 */
export async function importCopilot(ctx: GitHubImportContext, range: CopilotRange): Promise<number> {
  const scope = `${range.org}:copilot`;
  const stored = await readImportCursor<{ last_day?: string }>(ctx.store, "github", scope);
  const until = Date.parse(`${range.until}T00:00:00Z`);
  const from = stored?.last_day
    ? Date.parse(`${stored.last_day}T00:00:00Z`) + DAY_MS
    : range.since
      ? Date.parse(`${range.since}T00:00:00Z`)
      : until - 27 * DAY_MS;
  let total = 0;
  let reports = 0;
  let missing = 0;
  for (let day = Math.max(from, until - (MAX_DAYS - 1) * DAY_MS); day <= until; day += DAY_MS) {
    const date = new Date(day).toISOString().slice(0, 10);
    let links: string[];
    try {
      const page = await ctx.client.get(
        "GET /orgs/{org}/copilot/metrics/reports/users-1-day",
        { org: range.org, day: date },
        copilotReportLinksSchema,
      );
      links = page.data.download_links;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      missing += 1;
      continue;
    }
    const telemetry: TelemetryDay[] = [];
    for (const link of links)
      telemetry.push(...parseReport(await ctx.client.download(link), range.org, date));
    await ctx.store.transaction(async (tx) => {
      await writeRecords(tx, { telemetry });
      await writeImportCursor(tx, "github", scope, { last_day: date });
    });
    reports += 1;
    total += telemetry.length;
    ctx.progress("copilot", telemetry.length, total);
  }
  if (reports === 0 && missing > 0 && !stored?.last_day) {
    throw new NotFoundError(
      `no Copilot usage report for organisation ${range.org} on any of ${missing} days up to ${range.until}`,
      {
        hint: 'check --copilot-org, that the organisation\'s "Copilot usage metrics" policy is enabled, and that the token can read organisation Copilot metrics (reports exist from 2025-10-10 on)',
      },
    );
  }
  if (missing > 0)
    ctx.logger.info({ org: range.org, days_without_report: missing }, "some days had no Copilot report yet");
  return total;
}

/** NDJSON lines → telemetry; a malformed line fails naming the day and line. */
function parseReport(text: string, org: string, day: string): TelemetryDay[] {
  const out: TelemetryDay[] = [];
  for (const [index, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new UnavailableError(`Copilot report of ${org} for ${day}, line ${index + 1}: not JSON`, {
        cause: error,
        code: "UPLIFT_FORGE_PAYLOAD",
      });
    }
    const parsed = copilotUserDaySchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UnavailableError(
        `Copilot report of ${org} for ${day}, line ${index + 1}, field ${issue?.path.join(".") || "(record)"}: ${issue?.message}`,
        { code: "UPLIFT_FORGE_PAYLOAD" },
      );
    }
    out.push(mapCopilotUserDay(parsed.data, org));
  }
  return out;
}
