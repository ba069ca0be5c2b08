import { stat } from "node:fs/promises";
import { InputError } from "@uplift/core";
import { z } from "zod";
import { isGroupName } from "../acl.js";
import type { DocSource, KbDocument, ScanContext, SourceConfig } from "../types.js";
import { MAX_DOCUMENT_BYTES } from "./limits.js";
import { readLines } from "./read-lines.js";

/**
 * BEIR-style corpora and query files (the public IR benchmarks' format) name the id `_id`:
 * accepted when there is no `id`.
 */
export function withBeirId(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const row = value as Record<string, unknown>;
  return row.id === undefined && row._id !== undefined ? { ...row, id: row._id } : row;
}

/** A row of a jsonl source (DESIGN: `{ "id", "title", "text", "url"?, "updated_at"?, "acl"? }`; `_id` for `id`). */
export const jsonlRowSchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  title: z.string(),
  text: z.string(),
  url: z.url().nullish(),
  updated_at: z.iso.datetime({ offset: true }).or(z.iso.date()).nullish(),
  acl: z.array(z.string().refine(isGroupName, "not a valid group name (letters, digits, . _ @ -)")).nullish(),
});

export type JsonlRow = z.output<typeof jsonlRowSchema>;

/** Parses one line; throws InputError naming file:line and the field. */
export function parseJsonlRow(file: string, line: number, text: string): JsonlRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file}:${line}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const parsed = jsonlRowSchema.safeParse(withBeirId(value));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join(".") : "(row)";
    throw new InputError(`${file}:${line}: field "${field}": ${issue?.message ?? "invalid"}`, {
      hint: 'each line must be { "id", "title", "text", "url"?, "updated_at"?, "acl"? }',
    });
  }
  return parsed.data;
}

/** One JSON object per line; a bad row fails the whole source before anything is written. */
export const jsonlSource: DocSource = {
  type: "jsonl",
  description: 'a JSON Lines file of { "id", "title", "text", "url"?, "updated_at"?, "acl"? }',
  async check(config) {
    const info = await stat(config.path).catch(() => undefined);
    if (!info?.isFile())
      throw new InputError(`--path ${config.path}: not a file (a .jsonl file is expected)`);
  },
  async *scan(config, context) {
    await validateFile(config.path);
    for await (const { line, text } of readLines(config.path)) {
      if (!text.trim()) continue;
      const doc = toDocument(
        parseJsonlRow(config.path, line, text),
        config,
        `${config.path}:${line}`,
        context,
      );
      if (doc) yield doc;
    }
  },
};

/** First pass: every row valid and ids unique, so a bad row stops the sync before any write. */
async function validateFile(file: string): Promise<void> {
  const seen = new Map<string, number>();
  for await (const { line, text } of readLines(file)) {
    if (!text.trim()) continue;
    const { id } = parseJsonlRow(file, line, text);
    const first = seen.get(id);
    if (first !== undefined)
      throw new InputError(`${file}:${line}: field "id": "${id}" repeats the id of line ${first}`);
    seen.set(id, line);
  }
}

function toDocument(
  row: JsonlRow,
  config: SourceConfig,
  where: string,
  context: ScanContext,
): KbDocument | undefined {
  if (Buffer.byteLength(row.text) > MAX_DOCUMENT_BYTES) {
    context.skip({ where, id: row.id, reason: `text larger than ${MAX_DOCUMENT_BYTES} bytes` });
    return undefined;
  }
  return {
    id: row.id,
    title: row.title.trim() || row.id,
    text: row.text,
    ...(row.url ? { url: row.url } : {}),
    ...(row.updated_at ? { updated_at: row.updated_at } : {}),
    ...(row.acl?.length ? { acl: row.acl } : {}),
    source: config.name,
    format: "text",
  };
}
