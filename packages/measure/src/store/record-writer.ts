import { insertRows, type Queryable } from "@uplift/core";
import { type ImportKind, KIND_SPECS, tableColumns } from "../import/kinds.js";

/**
 * Upserts validated records of one kind (the output of the kind's zod schema) by the table's key:
 * a record with a key already stored replaces it, so re-importing the same data is idempotent.
 * Call inside a transaction. Returns rows inserted or updated.
 */
export async function upsertRecords(
  tx: Queryable,
  kind: ImportKind,
  records: readonly Record<string, unknown>[],
): Promise<number> {
  const spec = KIND_SPECS[kind];
  const columns = tableColumns(spec);
  const rows = records.map((record) => columns.map((column) => record[column] ?? null));
  return insertRows(tx, spec.table, columns, rows, { onConflict: { columns: spec.key, action: "update" } });
}
