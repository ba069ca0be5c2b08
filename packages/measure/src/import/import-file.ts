import type { Logger, Store } from "@uplift/core";
import type { Developer } from "../records.js";
import { identitiesOfDevelopers, upsertIdentities } from "../store/identities.js";
import { recordImportRun } from "../store/import-runs.js";
import { upsertRecords } from "../store/record-writer.js";
import { importWorkItemsFile } from "../workitems/import-work-items-file.js";
import { anomaliesOf } from "./anomalies.js";
import { type ImportKind, KIND_SPECS } from "./kinds.js";
import { readTable, type TableFormat } from "./read-table.js";
import { checkHeader, rowToRecord } from "./row-to-record.js";

/** What `uplift measure import csv --json` prints (plus the data-quality anomalies). */
export interface ImportFileResult {
  kind: ImportKind;
  file: string;
  rows: number;
  written: number;
  skipped: Record<string, number>;
  anomalies: Record<string, number>;
  identities?: number;
  /** `--kind workitems --transitions FILE`: the transitions read and written. */
  transitions?: { file: string; rows: number; written: number };
}

/**
 * Imports one CSV/JSON/JSONL file of `kind`: every row validated first, then all written in one
 * transaction with its data-quality report, so that a bad row (InputError naming file, line and
 * column) leaves the store exactly as it was. Rows are upserted by key: re-importing is idempotent.
 * A key repeated in the file keeps its last row; the earlier ones are skipped as `duplicate_key`.
 * Work items (with an optional `transitions` file) have their own checks: importWorkItemsFile.
 */
export async function importFile(
  store: Store,
  options: { kind: ImportKind; file: string; format: TableFormat; logger?: Logger; transitions?: string },
): Promise<ImportFileResult> {
  if (options.kind === "workitems") return importWorkItemsFile(store, options);
  const startedAt = new Date();
  const spec = KIND_SPECS[options.kind];
  const table = await readTable(options.file, options.format);
  checkHeader(spec, table);
  const byKey = new Map<string, Record<string, unknown>>();
  const skipped: Record<string, number> = {};
  for (const row of table.rows) {
    const record = rowToRecord(spec, table, row);
    const key = spec.key.map((column) => String(record[column])).join("\u0000");
    if (byKey.has(key)) {
      skipped.duplicate_key = (skipped.duplicate_key ?? 0) + 1;
      byKey.delete(key);
    }
    byKey.set(key, record);
  }
  const records = [...byKey.values()];
  const anomalies = anomaliesOf(options.kind, records);
  const result = await store.transaction(async (tx) => {
    const written = await upsertRecords(tx, options.kind, records);
    let identities: number | undefined;
    if (options.kind === "developers") {
      identities = await upsertIdentities(
        tx,
        identitiesOfDevelopers(records as Developer[], `developers:${options.file}`),
      );
    }
    await recordImportRun(tx, {
      connector: options.format,
      kind: options.kind,
      scope: options.file,
      startedAt,
      finishedAt: new Date(),
      rowsRead: table.rows.length,
      rowsWritten: written,
      skipped,
      anomalies,
    });
    return { written, identities };
  });
  options.logger?.info({ kind: options.kind, file: options.file, ...result }, "imported file");
  return {
    kind: options.kind,
    file: options.file,
    rows: table.rows.length,
    written: result.written,
    skipped,
    anomalies,
    ...(result.identities === undefined ? {} : { identities: result.identities }),
  };
}
