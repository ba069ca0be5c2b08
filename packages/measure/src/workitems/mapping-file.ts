import { writeFile } from "node:fs/promises";
import { InputError, type Queryable, type Store } from "@uplift/core";
import { readTable } from "../import/read-table.js";
import {
  defaultMappings,
  FLOW_ITEM_TYPES,
  FLOW_STATES,
  type FlowMappingEntry,
  isFlowTarget,
  type MappingKind,
  mappingKey,
} from "./flow-mapping.js";
import { loadFlowMapping, upsertFlowMappings } from "./mapping-store.js";

/** Columns of the reviewable mapping file, in order. */
export const MAPPING_FILE_COLUMNS = ["kind", "name", "flow", "origin", "items"] as const;

/** One row of the file: `flow` empty for a name seen in the data that nothing maps (unmapped). */
export interface MappingFileRow {
  kind: MappingKind;
  name: string;
  flow: string;
  origin: string;
  /** Work items that have this status (in a transition or now) or this type. */
  items: number;
}

export interface ExportMappingResult {
  file: string;
  /** Rows written (every default, every stored mapping, every unmapped name). */
  rows: number;
  /** Names seen in the stored work items that map to nothing, with their item counts. */
  unmapped: { kind: MappingKind; name: string; items: number }[];
}

/** The statuses and types of the stored work items, with the number of items using each. */
async function namesInUse(db: Queryable): Promise<{ kind: MappingKind; name: string; items: number }[]> {
  const { rows } = await db.query<{ kind: MappingKind; name: string; items: number }>(
    `SELECT 'status' AS kind, name, count(DISTINCT item)::int AS items FROM (
       SELECT to_status AS name, item_id AS item FROM work_item_transitions
       UNION ALL SELECT from_status, item_id FROM work_item_transitions WHERE from_status <> ''
       UNION ALL SELECT status, id FROM work_items WHERE status IS NOT NULL) s GROUP BY name
     UNION ALL SELECT 'type', type, count(*)::int FROM work_items GROUP BY type`,
  );
  return rows;
}

/** Every mapping row (unmapped names first, then by kind, flow and name) for review. */
export async function mappingFileRows(db: Queryable): Promise<MappingFileRow[]> {
  const mapping = await loadFlowMapping(db);
  const stored = (await db.query<FlowMappingEntry>("SELECT kind, name, flow, origin FROM flow_mappings"))
    .rows;
  const rows = new Map<string, MappingFileRow>();
  for (const entry of [...defaultMappings(), ...stored]) {
    const current = mapping.entry(entry.kind, entry.name) as FlowMappingEntry;
    rows.set(`${entry.kind}\u0000${mappingKey(entry.name)}`, { ...current, items: 0 });
  }
  for (const used of await namesInUse(db)) {
    const key = `${used.kind}\u0000${mappingKey(used.name)}`;
    const row = rows.get(key);
    if (row) {
      // show a default in the spelling the data uses
      if (row.origin === "default" && row.items === 0) row.name = used.name;
      row.items += used.items;
    } else rows.set(key, { kind: used.kind, name: used.name, flow: "", origin: "", items: used.items });
  }
  const order = (row: MappingFileRow) =>
    row.flow === ""
      ? -1
      : row.kind === "status"
        ? FLOW_STATES.indexOf(row.flow as never)
        : 10 + FLOW_ITEM_TYPES.indexOf(row.flow as never);
  return [...rows.values()].sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === "status" ? -1 : 1) ||
      order(a) - order(b) ||
      b.items - a.items ||
      (mappingKey(a.name) < mappingKey(b.name) ? -1 : 1),
  );
}

/** Writes the mapping file `kind,name,flow,origin,items`; unmapped names have an empty flow to fill in. */
export async function exportFlowMapping(db: Queryable, file: string): Promise<ExportMappingResult> {
  const rows = await mappingFileRows(db);
  const lines = [MAPPING_FILE_COLUMNS.join(",")];
  for (const row of rows)
    lines.push([row.kind, row.name, row.flow, row.origin, String(row.items)].map(csvCell).join(","));
  await writeFile(file, `${lines.join("\n")}\n`);
  return {
    file,
    rows: rows.length,
    unmapped: rows.filter((r) => r.flow === "").map(({ kind, name, items }) => ({ kind, name, items })),
  };
}

export interface ImportMappingResult {
  file: string;
  rows: number;
  /** Mappings stored (origin "file"). */
  written: number;
  /** Rows left as they were: an empty flow (still unmapped), or the built-in default unchanged. */
  skipped: number;
}

/**
 * Reads a mapping file (`kind,name,flow` plus the ignored `origin,items` that export writes),
 * validates every row — kind status|type, flow one of the Flow states or item types, one flow per
 * name — and stores the rows that differ from the built-in defaults in one transaction (origin
 * "file"; they win over defaults and Jira categories). Empty flows are skipped and counted.
 */
export async function importFlowMapping(store: Store, file: string): Promise<ImportMappingResult> {
  const table = await readTable(file, "csv");
  const missing = ["kind", "name", "flow"].filter((c) => !table.header.includes(c));
  if (missing.length)
    throw new InputError(
      `${file} line 1: the header must have kind,name,flow (missing ${missing.join(", ")})`,
    );
  const defaults = new Map(defaultMappings().map((e) => [`${e.kind}\u0000${mappingKey(e.name)}`, e.flow]));
  const stored = new Set(
    (await store.query<{ kind: string; key: string }>("SELECT kind, key FROM flow_mappings")).rows.map(
      (r) => `${r.kind}\u0000${r.key}`,
    ),
  );
  const entries = new Map<string, FlowMappingEntry & { line: number }>();
  let skipped = 0;
  for (const { line, cells } of table.rows) {
    const where = (column: string) => `${file} line ${line}, column ${column}`;
    const kind = String(cells.kind ?? "")
      .trim()
      .toLowerCase();
    const name = String(cells.name ?? "").trim();
    const flow = String(cells.flow ?? "")
      .trim()
      .toLowerCase();
    if (kind !== "status" && kind !== "type")
      throw new InputError(`${where("kind")}: "${kind}" is not a mapping kind (status or type)`);
    if (!name) throw new InputError(`${where("name")}: the ${kind} name is empty`);
    if (!flow) {
      skipped++;
      continue;
    }
    if (!isFlowTarget(kind, flow))
      throw new InputError(
        `${where("flow")}: "${flow}" is not a Flow ${kind === "status" ? "state" : "item type"} (${(kind === "status" ? FLOW_STATES : FLOW_ITEM_TYPES).join(", ")})`,
      );
    const key = `${kind}\u0000${mappingKey(name)}`;
    const earlier = entries.get(key);
    if (earlier && earlier.flow !== flow)
      throw new InputError(
        `${where("flow")}: ${kind} "${name}" maps to ${flow} here and to ${earlier.flow} on line ${earlier.line}; keep one`,
      );
    if (defaults.get(key) === flow && !stored.has(key)) {
      skipped++;
      continue;
    }
    entries.set(key, { kind, name, flow, origin: "file", line });
  }
  const list = [...entries.values()].map(({ line: _line, ...entry }) => entry);
  const written = list.length === 0 ? 0 : await store.transaction((tx) => upsertFlowMappings(tx, list));
  return { file, rows: table.rows.length, written, skipped };
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
