import type { Queryable } from "@uplift/core";
import {
  STATE_CODES,
  UNASSIGNED,
  UNMAPPED_STATE,
  type WorkItemFact,
  type WorkItemFacts,
} from "../metrics/flow-facts.js";
import { loadFlowMapping } from "./mapping-store.js";
import { TRACE_BYTES } from "./trace.js";

/**
 * Reads the work items a Flow report needs — done in the window or open during it (created before
 * its end, not resolved before its start) — as packed columns, each with its transitions from
 * `work_items.trace` (16 bytes per transition, base64 per item): 500k items with 5M transitions
 * are 500k aggregate steps, not 5M. Statuses are numbered in `flow_statuses` and mapped here to
 * Flow states (stored mapping over the defaults); their names are kept only for `--explain`.
 */
export async function loadWorkItemFacts(
  db: Queryable,
  window: { from: string; to: string; withStatuses: boolean },
  resolve: (name: string) => string,
): Promise<WorkItemFacts> {
  const mapping = await loadFlowMapping(db);
  const { rows: statuses } = await db.query<{ id: number; name: string }>(
    "SELECT id, name FROM flow_statuses",
  );
  let maxId = 0;
  for (const row of statuses) maxId = Math.max(maxId, Number(row.id));
  const stateOfId = new Uint8Array(maxId + 1).fill(UNMAPPED_STATE);
  const nameOfId: string[] = new Array(maxId + 1).fill("");
  for (const row of statuses) {
    const state = mapping.state(row.name);
    stateOfId[Number(row.id)] = state === undefined ? UNMAPPED_STATE : STATE_CODES[state];
    nameOfId[Number(row.id)] = row.name;
  }

  const packed = await loadItemColumns(db, window);
  const t = packed.texts;
  const n = packed.numbers;
  const counts = n.count;
  let total = 0;
  for (const count of counts) total += count;
  const trace = new DataView(packed.trace.buffer, packed.trace.byteOffset, packed.trace.byteLength);
  if (packed.trace.byteLength !== total * TRACE_BYTES)
    throw new Error(`work item traces: ${packed.trace.byteLength} bytes for ${total} transitions`);
  const at = new Float64Array(total);
  const state = new Uint8Array(total);
  const from = window.withStatuses ? new Array<string>(total) : undefined;
  const to = window.withStatuses ? new Array<string>(total) : undefined;
  const people = new Map<string, string>();
  const types = new Map<string, WorkItemFact["flowType"]>();
  const items: WorkItemFact[] = new Array(packed.length);
  let offset = 0;
  for (let i = 0; i < packed.length; i++) {
    const type = t.type?.[i] as string;
    const raw = t.assignee?.[i] as string;
    let assignee = people.get(raw);
    if (assignee === undefined) {
      assignee = raw ? resolve(raw) : UNASSIGNED;
      people.set(raw, assignee);
    }
    if (!types.has(type)) types.set(type, mapping.itemType(type));
    const count = counts[i] as number;
    for (let k = 0; k < count; k++) {
      const p = offset + k;
      const byte = p * TRACE_BYTES;
      at[p] = trace.getFloat64(byte);
      const toId = trace.getInt32(byte + 12);
      state[p] = (stateOfId[toId] as number | undefined) ?? UNMAPPED_STATE;
      if (from && to) {
        from[p] = nameOfId[trace.getInt32(byte + 8)] ?? "";
        to[p] = nameOfId[toId] ?? "";
      }
    }
    items[i] = {
      id: t.id?.[i] ?? "",
      assignee,
      team: t.team?.[i] || undefined,
      project: t.project?.[i] as string,
      type,
      flowType: types.get(type),
      created: n.created[i] as number,
      resolved: n.resolved[i] as number,
      first: offset,
      count,
    };
    offset += count;
  }
  return { items, at, state, from, to };
}

interface ItemColumns {
  length: number;
  texts: Record<"id" | "type" | "assignee" | "team" | "project", string[] | undefined>;
  numbers: Record<"created" | "resolved" | "count", Float64Array>;
  trace: Buffer;
}

/**
 * One aggregate row for the items (as `loadPacked`, whose aggregates see the rows in one order):
 * texts joined by U+001F, the three numbers of each row as big-endian float8s in one base64
 * bytea, and every trace concatenated into one base64 bytea. One encode for all traces: encoding
 * each row's trace costs ~5× more on PGlite (bench/measure-flow.ts). Ids only for `--explain`.
 */
async function loadItemColumns(
  db: Queryable,
  window: { from: string; to: string; withStatuses: boolean },
): Promise<ItemColumns> {
  const texts = [...(window.withStatuses ? ["id"] : []), "type", "assignee", "team", "project"] as const;
  const sql = (name: string) => (name === "project" ? "coalesce(project, source)" : name);
  const { rows } = await db.query<Record<string, string | null>>(
    `SELECT count(*)::int AS n,
       ${texts.map((name) => `string_agg(replace(coalesce(${sql(name)}, ''), E'\\x1f', ' '), E'\\x1f') AS ${name}`).join(",\n       ")},
       encode(string_agg(float8send(date_part('epoch', created_at) * 1000)
         || float8send(coalesce(date_part('epoch', resolved_at) * 1000, 'NaN'::float8))
         || float8send((length(trace) / ${TRACE_BYTES})::float8), ''::bytea), 'base64') AS numbers,
       encode(string_agg(trace, ''::bytea), 'base64') AS trace
     FROM work_items
     WHERE created_at < $2::timestamptz AND (resolved_at IS NULL OR resolved_at >= $1::timestamptz)`,
    [window.from, window.to],
  );
  const row = rows[0] ?? {};
  const length = Number(row.n ?? 0);
  const split = (name: string) => {
    const raw = row[name];
    const values = length === 0 || raw === null || raw === undefined ? [] : raw.split("\u001f");
    if (values.length !== length)
      throw new Error(`work items column ${name}: ${values.length} values for ${length} rows`);
    return values;
  };
  const bytes = Buffer.from(row.numbers ?? "", "base64");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numbers = {
    created: new Float64Array(length),
    resolved: new Float64Array(length),
    count: new Float64Array(length),
  };
  for (let i = 0; i < length; i++) {
    numbers.created[i] = view.getFloat64(i * 24);
    numbers.resolved[i] = view.getFloat64(i * 24 + 8);
    numbers.count[i] = view.getFloat64(i * 24 + 16);
  }
  return {
    length,
    texts: {
      id: window.withStatuses ? split("id") : undefined,
      type: split("type"),
      assignee: split("assignee"),
      team: split("team"),
      project: split("project"),
    },
    numbers,
    trace: Buffer.from(row.trace ?? "", "base64"),
  };
}
