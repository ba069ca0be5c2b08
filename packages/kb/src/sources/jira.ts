import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { InputError } from "@uplift/core";
import { parse as parseCsv } from "csv-parse/sync";
import { z } from "zod";
import type { DocSource, KbDocument, SourceConfig } from "../types.js";
import { decodeDocumentFile } from "./decode.js";
import { jiraText } from "./jira-text.js";

/** One issue of a Jira export, normalised from JSON or CSV. */
export interface JiraIssue {
  key: string;
  summary: string;
  description: string;
  comments: { author: string; created: string; body: string }[];
  updated?: string | undefined;
  /** Base URL of the Jira site when the export names it (`self`). */
  site?: string | undefined;
}

const issueSchema = z.object({
  key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, "not an issue key such as ENG-123"),
  self: z.string().optional(),
  fields: z.object({
    summary: z.string(),
    description: z.unknown().optional(),
    updated: z.string().nullish(),
    comment: z
      .object({
        comments: z.array(
          z.object({
            author: z.object({ displayName: z.string().optional() }).partial().nullish(),
            body: z.unknown(),
            created: z.string().optional(),
          }),
        ),
      })
      .nullish(),
  }),
});

/**
 * A Jira export: the JSON of the REST search API (`{ "issues": [...] }` or an array of issues,
 * API v2 wiki markup or v3 ADF) or Jira's CSV export ("Issue key", "Summary", "Description",
 * repeated "Comment" columns of `date;author;body`, "Updated"). One document per issue, its
 * comments attached under a "Comments" heading. URL: `--url-base` + `/browse/KEY`, else the
 * site of the issue's `self` link. A malformed issue fails the source (exit 2) naming it.
 */
export const jiraSource: DocSource = {
  type: "jira-export",
  description: "a Jira export: REST search JSON or CSV (issues with their comments)",
  async check(config) {
    const info = await stat(config.path).catch(() => undefined);
    if (!info?.isFile() || !/\.(json|csv)$/i.test(config.path))
      throw new InputError(`--path ${config.path}: not a .json or .csv file (a Jira export)`);
  },
  async *scan(config, context) {
    const text = decodeDocumentFile(
      await readFile(config.path),
      config.path,
      path.basename(config.path),
      context,
    );
    if (text === undefined) return;
    const issues = /\.csv$/i.test(config.path)
      ? readCsvIssues(config.path, text)
      : readJsonIssues(config.path, text);
    for (const issue of issues) yield issueDocument(issue, config);
  },
};

export function readJsonIssues(file: string, text: string): JiraIssue[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const list = Array.isArray(data) ? data : (data as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(list))
    throw new InputError(`${file}: expected { "issues": [...] } or an array of issues`);
  return list.map((raw, i) => {
    const parsed = issueSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`${file}: issues[${i}].${issue?.path.join(".")}: ${issue?.message}`);
    }
    const { key, self, fields } = parsed.data;
    return {
      key,
      summary: fields.summary,
      description: jiraText(fields.description),
      comments: (fields.comment?.comments ?? []).map((c) => ({
        author: c.author?.displayName ?? "unknown",
        created: c.created ?? "",
        body: jiraText(c.body),
      })),
      updated: fields.updated ?? undefined,
      site: self ? /^(https?:\/\/[^/]+)/.exec(self)?.[1] : undefined,
    };
  });
}

export function readCsvIssues(file: string, text: string): JiraIssue[] {
  let rows: string[][];
  try {
    rows = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: true });
  } catch (error) {
    throw new InputError(`${file}: not valid CSV (${(error as Error).message})`, { cause: error });
  }
  const [header, ...body] = rows;
  const column = (name: string) =>
    header?.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase()) ?? -1;
  const key = column("Issue key");
  const summary = column("Summary");
  if (key < 0 || summary < 0)
    throw new InputError(`${file}:1: the header needs "Issue key" and "Summary" columns (Jira's CSV export)`);
  const description = column("Description");
  const updated = column("Updated");
  const comments = (header ?? []).flatMap((h, i) => (h.trim().toLowerCase() === "comment" ? [i] : []));
  return body.map((row, r) => {
    const issueKey = row[key]?.trim() ?? "";
    if (!/^[A-Z][A-Z0-9_]*-\d+$/.test(issueKey))
      throw new InputError(
        `${file}:${r + 2}: column "Issue key": "${issueKey}" is not an issue key such as ENG-123`,
      );
    return {
      key: issueKey,
      summary: row[summary] ?? "",
      description: jiraText(description >= 0 ? (row[description] ?? "") : ""),
      comments: comments
        .map((i) => row[i] ?? "")
        .filter((cell) => cell.trim())
        .map((cell) => {
          const [created = "", author = "unknown", ...rest] = cell.split(";");
          return { created, author, body: jiraText(rest.join(";")) };
        }),
      updated: updated >= 0 ? row[updated] || undefined : undefined,
    };
  });
}

function issueDocument(issue: JiraIssue, config: SourceConfig): KbDocument {
  const parts = [issue.description.trim()];
  if (issue.comments.length) {
    parts.push("## Comments");
    for (const c of issue.comments)
      parts.push(`### ${c.author}${c.created ? ` (${c.created})` : ""}\n\n${c.body}`);
  }
  const base = config.urlBase?.replace(/\/+$/, "") ?? issue.site;
  const updatedAt = isoDate(issue.updated);
  return {
    id: issue.key,
    title: `${issue.key}: ${issue.summary.trim()}`,
    text: parts.filter(Boolean).join("\n\n"),
    ...(base ? { url: `${base}/browse/${issue.key}` } : {}),
    ...(updatedAt ? { updated_at: updatedAt } : {}),
    source: config.name,
    format: "markdown",
  };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * Jira's API time `2025-03-01T10:00:00.000+0000` (no colon in the offset), or its CSV time
 * `01/Mar/25 10:00 AM` (the exporter's time zone, which the file does not say: read as UTC), as
 * ISO 8601; undefined if unreadable.
 */
export function isoDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const csv = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}) (\d{1,2}):(\d{2}) ([AP]M)$/i.exec(text.trim());
  if (csv) {
    const [, day, month, year, hour, minute, half] = csv;
    const m = MONTHS.indexOf((month ?? "").toLowerCase());
    if (m < 0) return undefined;
    const h = (Number(hour) % 12) + ((half ?? "").toUpperCase() === "PM" ? 12 : 0);
    return new Date(Date.UTC(2000 + Number(year), m, Number(day), h, Number(minute))).toISOString();
  }
  const date = new Date(text.replace(/([+-]\d\d)(\d\d)$/, "$1:$2"));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
