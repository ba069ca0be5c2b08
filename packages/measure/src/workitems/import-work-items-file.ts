import { InputError, type Logger, type Store } from "@uplift/core";
import type { ImportFileResult } from "../import/import-file.js";
import { KIND_SPECS } from "../import/kinds.js";
import { formatOf, readTable, type TableFormat } from "../import/read-table.js";
import { checkHeader, rowToRecord } from "../import/row-to-record.js";
import { recordImportRun } from "../store/import-runs.js";
import { loadFlowMapping } from "./mapping-store.js";
import { transitionRows } from "./transition-table.js";
import { WorkItemProblems } from "./work-item-checks.js";
import type { Transition, WorkItem } from "./work-item-records.js";
import { storedWorkItems, writeWorkItems } from "./work-item-writer.js";

export interface ImportWorkItemsFileOptions {
  file: string;
  format: TableFormat;
  /** A status-transition file `item_id,at,from,to` (format from its extension). */
  transitions?: string | undefined;
  logger?: Logger | undefined;
}

/**
 * Imports a work-item file (`id,type,created_at,resolved_at` + optional columns) and optionally a
 * transitions file. Every row of both is checked first — types and statuses must map to Flow item
 * types and states (defaults or a reviewed mapping), an item's transitions must be in time order,
 * not before it was created, and each `from` must be the previous `to`; a transition must name an
 * item of the file or the store. Any refused row: the refusals are recorded in `import_runs` and
 * an InputError lists them (nothing else is written). Otherwise one transaction writes the items,
 * replaces the transitions of every item named in the transitions file, and records the run.
 */
export async function importWorkItemsFile(
  store: Store,
  options: ImportWorkItemsFileOptions,
): Promise<ImportFileResult> {
  const startedAt = new Date();
  const spec = KIND_SPECS.workitems;
  const table = await readTable(options.file, options.format);
  checkHeader(spec, table);
  const mapping = await loadFlowMapping(store);
  const problems = new WorkItemProblems();
  const items = new Map<string, { item: WorkItem; line: number }>();
  const skipped: Record<string, number> = {};
  for (const row of table.rows) {
    const item = rowToRecord(spec, table, row) as unknown as WorkItem;
    const where = `${table.file} ${table.unit} ${row.line}`;
    if (mapping.itemType(item.type) === undefined)
      problems.add({
        reason: "unknown_type",
        where: `${where}, column type`,
        item: item.id,
        name: item.type,
        message: `item ${item.id}: type "${item.type}" is not mapped to a Flow item type (feature, defect, risk, debt)`,
      });
    if (item.status !== undefined) problems.status(mapping, item.status, where, item.id, "status");
    if (items.has(item.id)) skipped.duplicate_key = (skipped.duplicate_key ?? 0) + 1;
    items.set(item.id, { item, line: row.line });
  }

  const transitionsOf = new Map<string, Transition[]>();
  let transitionCount = 0;
  if (options.transitions !== undefined) {
    const file = options.transitions;
    const rows = transitionRows(await readTable(file, formatOf(file)));
    transitionCount = rows.length;
    const unknownIds = [...new Set(rows.map((r) => r.item_id).filter((id) => !items.has(id)))];
    const stored = await storedWorkItems(store, unknownIds);
    const createdOf = (id: string) =>
      items.has(id) ? Date.parse(items.get(id)?.item.created_at as string) : stored.get(id);
    for (const row of rows) {
      const where = row.where;
      const created = createdOf(row.item_id);
      if (created === undefined) {
        problems.add({
          reason: "unknown_item",
          where: `${where}, column item_id`,
          item: row.item_id,
          message: `item ${row.item_id} is neither in ${options.file} nor already imported`,
        });
        continue;
      }
      if (row.from) problems.status(mapping, row.from, where, row.item_id, "from");
      problems.status(mapping, row.to, where, row.item_id, "to");
      const list = transitionsOf.get(row.item_id) ?? [];
      const previous = list.at(-1) as (Transition & { line?: number }) | undefined;
      const at = Date.parse(row.at);
      const outOfOrder = (message: string) =>
        problems.add({
          reason: "out_of_order",
          where,
          item: row.item_id,
          message: `item ${row.item_id}: ${message}`,
        });
      if (at < created) outOfOrder(`transition at ${row.at} is before the item was created`);
      else if (previous && at < Date.parse(previous.at))
        outOfOrder(
          `transition at ${row.at} comes after one at ${previous.at}; list each item's transitions in time order`,
        );
      else if (previous && row.from && row.from.trim().toLowerCase() !== previous.to.trim().toLowerCase())
        outOfOrder(`transition from "${row.from}" does not follow the previous one to "${previous.to}"`);
      list.push({ item_id: row.item_id, at: row.at, from: row.from, to: row.to });
      transitionsOf.set(row.item_id, list);
    }
  }

  const records = [...items.values()].map(({ item }) => item);
  const anomalies: Record<string, number> = {};
  for (const item of records)
    if (item.resolved_at !== undefined && Date.parse(item.resolved_at) < Date.parse(item.created_at))
      anomalies["negative_span:flow_time"] = (anomalies["negative_span:flow_time"] ?? 0) + 1;

  if (problems.list.length > 0) {
    // the refusal is part of the data-quality report, though nothing else is written
    await store.transaction((tx) =>
      recordImportRun(tx, {
        connector: options.format,
        kind: "workitems",
        scope: options.file,
        startedAt,
        finishedAt: new Date(),
        rowsRead: table.rows.length + transitionCount,
        rowsWritten: 0,
        skipped: problems.counts(),
        anomalies: {},
      }),
    );
    throw new InputError(problems.summary(options.file));
  }

  const written = await store.transaction(async (tx) => {
    const result = await writeWorkItems(tx, records, transitionsOf);
    await recordImportRun(tx, {
      connector: options.format,
      kind: "workitems",
      scope: options.transitions ? `${options.file} + ${options.transitions}` : options.file,
      startedAt,
      finishedAt: new Date(),
      rowsRead: table.rows.length + transitionCount,
      rowsWritten: result.items + result.transitions,
      skipped,
      anomalies,
    });
    return result;
  });
  options.logger?.info({ file: options.file, ...written }, "imported work items");
  return {
    kind: "workitems",
    file: options.file,
    rows: table.rows.length,
    written: written.items,
    skipped,
    anomalies,
    ...(options.transitions === undefined
      ? {}
      : { transitions: { file: options.transitions, rows: transitionCount, written: written.transitions } }),
  };
}
