import { stat } from "node:fs/promises";
import { InputError } from "@uplift/core";
import { z } from "zod";
import { withBeirId } from "../sources/jsonl.js";
import { readLines } from "../sources/read-lines.js";

export interface EvalQuery {
  id: string;
  text: string;
}

const querySchema = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string().trim().min(1, "empty query text"),
});

/** `queries.jsonl`: one `{ "id", "text" }` per line (BEIR's `_id` accepted); InputError naming file:line and field. */
export async function readQueries(file: string): Promise<EvalQuery[]> {
  const queries: EvalQuery[] = [];
  const seen = new Set<string>();
  for await (const { line, text } of readLines(await existing(file, "--queries"))) {
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InputError(`${file}:${line}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
    const parsed = querySchema.safeParse(withBeirId(value));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(
        `${file}:${line}: field "${issue?.path.join(".") || "(row)"}": ${issue?.message}`,
        {
          hint: 'each line must be { "id", "text" }',
        },
      );
    }
    if (seen.has(parsed.data.id))
      throw new InputError(`${file}:${line}: field "id": "${parsed.data.id}" repeats`);
    seen.add(parsed.data.id);
    queries.push(parsed.data);
  }
  return queries;
}

/**
 * `qrels.tsv`: `query_id<TAB>doc_id<TAB>relevance` (TREC's 4-column `query_id 0 doc_id
 * relevance` is accepted too). Relevance is a whole number; > 0 is relevant. A header line
 * (BEIR's `query-id<TAB>corpus-id<TAB>score`, or `query_id`/`qid` … `relevance`) is skipped.
 */
export async function readQrels(file: string): Promise<Map<string, Map<string, number>>> {
  const qrels = new Map<string, Map<string, number>>();
  let first = true;
  for await (const { line, text } of readLines(await existing(file, "--qrels"))) {
    if (!text.trim()) continue;
    let fields = text.includes("\t") ? text.split("\t").map((f) => f.trim()) : text.trim().split(/\s+/);
    if (fields.length === 4) fields = [fields[0] ?? "", fields[2] ?? "", fields[3] ?? ""];
    const [query, doc, grade] = fields;
    const header =
      first &&
      (/^(query[-_ ]?id|qid)$/i.test(query ?? "") ||
        /^(score|relevance|rel|label|grade)$/i.test(grade ?? ""));
    first = false;
    if (header) continue;
    if (fields.length !== 3 || !query || !doc)
      throw new InputError(
        `${file}:${line}: expected query_id<TAB>doc_id<TAB>relevance, got ${fields.length} columns`,
      );
    if (!/^-?\d+$/.test(grade ?? ""))
      throw new InputError(`${file}:${line}: column 3 (relevance): "${grade}" is not a whole number`);
    const judgments = qrels.get(query) ?? new Map<string, number>();
    judgments.set(doc, Number(grade));
    qrels.set(query, judgments);
  }
  return qrels;
}

async function existing(file: string, flag: string): Promise<string> {
  const info = await stat(file).catch((error: unknown) => {
    throw new InputError(
      `${flag} ${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? error})`,
      {
        cause: error,
      },
    );
  });
  if (!info.isFile()) throw new InputError(`${flag} ${file}: not a file`);
  return file;
}
