import { insertRows, type Queryable } from "@uplift/core";
import { upsertRecords } from "../store/record-writer.js";
import { encodeTrace, statusIds } from "./trace.js";
import type { Transition, WorkItem } from "./work-item-records.js";

/**
 * Upserts work items by id and, for every item in `transitionsOf`, replaces its stored
 * transitions with the given ones (in order, `seq` from 0). Items absent from `transitionsOf`
 * keep their transitions. The transitions are also packed into `work_items.trace` (trace.ts).
 * Call inside a transaction; returns items and transitions written.
 */
export async function writeWorkItems(
  tx: Queryable,
  items: readonly WorkItem[],
  transitionsOf: ReadonlyMap<string, readonly Transition[]>,
): Promise<{ items: number; transitions: number }> {
  const written = await upsertRecords(tx, "workitems", items as unknown as Record<string, unknown>[]);
  const itemIds = [...transitionsOf.keys()];
  for (let start = 0; start < itemIds.length; start += 10_000)
    await tx.query("DELETE FROM work_item_transitions WHERE item_id = ANY($1::text[])", [
      itemIds.slice(start, start + 10_000),
    ]);
  const rows: unknown[][] = [];
  for (const [id, transitions] of transitionsOf)
    transitions.forEach((t, seq) => {
      rows.push([id, seq, t.at, t.from, t.to]);
    });
  const transitions = await insertRows(
    tx,
    "work_item_transitions",
    ["item_id", "seq", "at", "from_status", "to_status"],
    rows,
  );
  const ids = await statusIds(
    tx,
    [...transitionsOf.values()].flatMap((list) => list.flatMap((t) => [t.from, t.to])),
  );
  const entries = [...transitionsOf];
  for (let start = 0; start < entries.length; start += 10_000) {
    const batch = entries.slice(start, start + 10_000);
    await tx.query(
      `UPDATE work_items w SET trace = decode(u.trace, 'base64')
         FROM unnest($1::text[], $2::text[]) AS u(id, trace) WHERE w.id = u.id`,
      [batch.map(([id]) => id), batch.map(([, list]) => encodeTrace(list, ids).toString("base64"))],
    );
  }
  return { items: written, transitions };
}

/** The stored work items among `ids`: id → created_at (epoch ms). */
export async function storedWorkItems(db: Queryable, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; created: number }>(
    "SELECT id, date_part('epoch', created_at) * 1000 AS created FROM work_items WHERE id = ANY($1::text[])",
    [ids],
  );
  return new Map(rows.map((row) => [row.id, Number(row.created)]));
}
