import { insertRows, type Queryable } from "@uplift/core";
import { FlowMapping, type FlowMappingEntry, mappingKey } from "./flow-mapping.js";

/** The stored mappings (reviewed file rows and Jira categories) over the built-in defaults. */
export async function loadFlowMapping(db: Queryable): Promise<FlowMapping> {
  const { rows } = await db.query<FlowMappingEntry>("SELECT kind, name, flow, origin FROM flow_mappings");
  return new FlowMapping(rows);
}

/**
 * Stores mappings. Rows from a reviewed file replace whatever was stored; rows derived from a
 * source (Jira status categories) never overwrite a stored row. Call inside a transaction.
 */
export async function upsertFlowMappings(
  tx: Queryable,
  entries: readonly FlowMappingEntry[],
): Promise<number> {
  if (entries.length === 0) return 0;
  const byKey = new Map<string, FlowMappingEntry>();
  for (const entry of entries) byKey.set(`${entry.kind}\u0000${mappingKey(entry.name)}`, entry);
  let written = 0;
  for (const origin of ["file", "jira-category"] as const) {
    const rows = [...byKey.values()]
      .filter((entry) => entry.origin === origin)
      .map((entry) => [entry.kind, mappingKey(entry.name), entry.name.trim(), entry.flow, entry.origin]);
    if (rows.length === 0) continue;
    written += await insertRows(tx, "flow_mappings", ["kind", "key", "name", "flow", "origin"], rows, {
      onConflict: { columns: ["kind", "key"], action: origin === "file" ? "update" : "nothing" },
    });
  }
  return written;
}
