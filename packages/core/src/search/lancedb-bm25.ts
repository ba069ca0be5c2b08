import { type Table as LanceTable, MatchQuery } from "@lancedb/lancedb";
import type { Logger } from "../logger.js";
import type { SearchFilter } from "./filter.js";
import { evaluateFilter, filterColumns } from "./filter-eval.js";
import { fromStoredRecord, resultColumns } from "./lancedb-rows.js";
import type { ResolvedTableSpec } from "./table-spec.js";
import type { SearchRow } from "./types.js";

/** Candidates fetched per wanted hit when a filter is checked after the search (see `bm25Search`). */
const OVERFETCH_FACTOR = 30;
const OVERFETCH_MIN = 300;
const OVERFETCH_MAX = 1_500;

export interface ScoredRow {
  score: number;
  row: SearchRow;
}

export interface Bm25Filter {
  filter: SearchFilter;
  /** The same filter compiled to SQL. */
  where: string;
}

/**
 * BM25 top-`limit` over the `text` index, restricted to the rows the filter allows.
 *
 * LanceDB prefilters (the filter becomes a row mask before the top-k cut), but its masked search
 * is slow when the mask keeps ~5–15 % of a large table (the usual share an ACL leaves a reader):
 * 20–50 ms at 1M rows against 3–7 ms unfiltered (docs/benchmarks.md). So a filtered search first
 * takes the unfiltered top N (N = 30 × limit, 300–1,500) with only the filter's columns, checks
 * the filter here, and fetches the rows of the first `limit` that pass. If at least `limit` pass,
 * they are exactly the prefiltered top-`limit` (every allowed row beyond N scores lower), up to
 * the order of equal scores; otherwise it runs LanceDB's prefiltered search.
 */
export async function bm25Search(
  table: LanceTable,
  spec: ResolvedTableSpec,
  text: string,
  limit: number,
  filter: Bm25Filter | undefined,
  logger: Logger,
): Promise<ScoredRow[]> {
  const columns = [...resultColumns(spec), "_score"];
  const match = () => table.query().fullTextSearch(new MatchQuery(text, "text"));
  const prefiltered = async () => {
    const query = filter ? match().where(filter.where) : match();
    const records = await query.select(columns).limit(limit).toArray();
    return records.map((r: Record<string, unknown>) => ({
      score: Number(r._score),
      row: fromStoredRecord(r, spec),
    }));
  };
  const depth = Math.max(OVERFETCH_MIN, OVERFETCH_FACTOR * limit);
  if (!filter || depth > OVERFETCH_MAX) return prefiltered();

  const needed = [...filterColumns(filter.filter)];
  const candidates: Record<string, unknown>[] = await match()
    .select([...needed, "_score"])
    .withRowId()
    .limit(depth)
    .toArray();
  const allowed = candidates
    .filter((record) => evaluateFilter(filter.filter, plainColumns(record, needed, spec)) === true)
    .slice(0, limit);
  if (allowed.length < limit && candidates.length === depth) {
    logger.debug(
      { table: spec.name, depth, allowed: allowed.length },
      "too few allowed rows after bm25, prefiltering",
    );
    return prefiltered();
  }
  if (allowed.length === 0) return [];
  const rowIds = allowed.map((record) => record._rowid as bigint);
  const fetched: Record<string, unknown>[] = await table
    .takeRowIds(rowIds)
    .select(resultColumns(spec))
    .withRowId()
    .toArray();
  const byRowId = new Map(fetched.map((record) => [record._rowid as bigint, record]));
  if (byRowId.size < rowIds.length) return prefiltered(); // the table changed in between (compaction)
  return allowed.map((record) => ({
    score: Number(record._score),
    row: fromStoredRecord(byRowId.get(record._rowid as bigint) as Record<string, unknown>, spec),
  }));
}

/** Arrow list values become arrays so the filter sees what it would see in SQL. */
function plainColumns(
  record: Record<string, unknown>,
  names: string[],
  spec: ResolvedTableSpec,
): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const name of names) {
    const value = record[name] ?? null;
    const isList = spec.columns.some((c) => c.name === name && c.type === "string[]");
    plain[name] = isList && value !== null ? Array.from(value as Iterable<string>) : value;
  }
  return plain;
}
