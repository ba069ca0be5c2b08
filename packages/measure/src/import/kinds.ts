import type { z } from "zod";
import {
  deploymentSchema,
  developerSchema,
  incidentSchema,
  pullRequestSchema,
  surveyAnswerSchema,
  telemetryDaySchema,
} from "../records.js";
import { workItemSchema } from "../workitems/work-item-records.js";
import type { CellType } from "./cell.js";

/** The kinds `uplift measure import csv --kind …` reads. */
export const IMPORT_KINDS = [
  "prs",
  "deployments",
  "incidents",
  "telemetry",
  "survey",
  "developers",
  "workitems",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One importable kind: its columns (header names = record fields), the table and its key. */
export interface KindSpec {
  kind: ImportKind;
  table: string;
  schema: z.ZodObject;
  /** Primary key columns of the table; a re-import replaces the row with the same key. */
  key: readonly string[];
  /** Columns the header must have (DESIGN: CLI contract). */
  required: readonly string[];
  /** Every known column and how its cells read; other columns go to `attributes`. */
  columns: Readonly<Record<string, CellType>>;
}

const prs: KindSpec = {
  kind: "prs",
  table: "prs",
  schema: pullRequestSchema,
  key: ["id"],
  required: ["id", "repo", "author", "created_at", "merged_at"],
  columns: {
    id: "string",
    source: "string",
    repo: "string",
    number: "int",
    author: "string",
    title: "string",
    created_at: "instant",
    merged_at: "instant",
    closed_at: "instant",
    first_commit_at: "instant",
    first_review_at: "instant",
    approved_at: "instant",
    additions: "int",
    deletions: "int",
    changed_files: "int",
    commits: "int",
    review_comments: "int",
    draft: "bool",
    author_is_bot: "bool",
    base_branch: "string",
    merge_sha: "string",
  },
};

const deployments: KindSpec = {
  kind: "deployments",
  table: "deployments",
  schema: deploymentSchema,
  key: ["id"],
  required: ["id", "repo", "environment", "sha", "finished_at", "status"],
  columns: {
    id: "string",
    source: "string",
    repo: "string",
    service: "string",
    environment: "string",
    sha: "string",
    finished_at: "instant",
    status: "string",
  },
};

const incidents: KindSpec = {
  kind: "incidents",
  table: "incidents",
  schema: incidentSchema,
  key: ["id"],
  required: ["id", "service", "started_at", "resolved_at"],
  columns: {
    id: "string",
    source: "string",
    service: "string",
    started_at: "instant",
    resolved_at: "instant",
    deployment_id: "string",
  },
};

const telemetry: KindSpec = {
  kind: "telemetry",
  table: "telemetry_days",
  schema: telemetryDaySchema,
  key: ["user", "date", "source"],
  required: ["user", "date", "shown", "accepted"],
  columns: {
    user: "string",
    date: "date",
    source: "string",
    shown: "int",
    accepted: "int",
    lines_suggested: "int",
    lines_accepted: "int",
  },
};

const survey: KindSpec = {
  kind: "survey",
  table: "survey_answers",
  schema: surveyAnswerSchema,
  key: ["survey", "respondent", "item"],
  required: ["respondent", "item", "value"],
  columns: {
    survey: "string",
    respondent: "string",
    item: "string",
    value: "number",
    submitted_at: "instant",
  },
};

const developers: KindSpec = {
  kind: "developers",
  table: "developers",
  schema: developerSchema,
  key: ["login"],
  required: ["login", "team"],
  columns: {
    login: "string",
    team: "string",
    role: "string",
    start_date: "date",
    aliases: "list",
  },
};

/** Work items for Flow metrics; status transitions come in a second file (`--transitions`). */
const workitems: KindSpec = {
  kind: "workitems",
  table: "work_items",
  schema: workItemSchema,
  key: ["id"],
  required: ["id", "type", "created_at", "resolved_at"],
  columns: {
    id: "string",
    source: "string",
    type: "string",
    created_at: "instant",
    resolved_at: "instant",
    status: "string",
    assignee: "string",
    team: "string",
    project: "string",
    title: "string",
    story_points: "number",
    sprint: "string",
    linked_prs: "list",
  },
};

/** Every importable kind by name. */
export const KIND_SPECS: Readonly<Record<ImportKind, KindSpec>> = {
  prs,
  deployments,
  incidents,
  telemetry,
  survey,
  developers,
  workitems,
};

/** The table columns of a kind: the record schema's fields, in schema order. */
export function tableColumns(spec: KindSpec): string[] {
  return Object.keys(spec.schema.shape);
}
