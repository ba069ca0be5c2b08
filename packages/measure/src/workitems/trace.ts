import type { Queryable } from "@uplift/core";
import type { Transition } from "./work-item-records.js";

/** Bytes per transition in `work_items.trace`: float8 epoch ms, int4 from-status id, int4 to-status id. */
export const TRACE_BYTES = 16;

/** The ids of status names in `flow_statuses`, adding the new ones (call inside the writing transaction). */
export async function statusIds(tx: Queryable, names: Iterable<string>): Promise<Map<string, number>> {
  const list = [...new Set(names)].filter(Boolean);
  if (list.length === 0) return new Map();
  await tx.query("INSERT INTO flow_statuses (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING", [
    list,
  ]);
  const { rows } = await tx.query<{ id: number; name: string }>(
    "SELECT id, name FROM flow_statuses WHERE name = ANY($1::text[])",
    [list],
  );
  return new Map(rows.map((row) => [row.name, Number(row.id)]));
}

/** An item's transitions packed for `work_items.trace` (big-endian, as PostgreSQL's float8send/int4send). */
export function encodeTrace(transitions: readonly Transition[], ids: ReadonlyMap<string, number>): Buffer {
  const buffer = Buffer.alloc(transitions.length * TRACE_BYTES);
  transitions.forEach((t, i) => {
    buffer.writeDoubleBE(Date.parse(t.at), i * TRACE_BYTES);
    buffer.writeInt32BE(t.from ? (ids.get(t.from) ?? 0) : 0, i * TRACE_BYTES + 8);
    buffer.writeInt32BE(ids.get(t.to) ?? 0, i * TRACE_BYTES + 12);
  });
  return buffer;
}
