import { type Logger, type Store, silentLogger } from "@uplift/core";
import { readImportCursor, writeImportCursor } from "../store/import-cursors.js";
import { recordImportRun } from "../store/import-runs.js";
import { mappingKey } from "./flow-mapping.js";
import { loadFlowMapping, upsertFlowMappings } from "./mapping-store.js";
import type { WorkItemRateLimitWait, WorkItemSource } from "./source.js";
import type { Transition } from "./work-item-records.js";
import { writeWorkItems } from "./work-item-writer.js";

/** What a work-item import did (the JSON of `uplift measure import jira|github-issues|gitlab-issues`). */
export interface ImportWorkItemsResult {
  source: string;
  scope: string;
  /** Items written (new or updated) and their transitions. */
  items: number;
  transitions: number;
  /** Statuses and types no mapping names, with the number of items using each: map them and the metrics count them. */
  unmapped: { kind: "status" | "type"; name: string; items: number }[];
  /** Transitions that were not in time order at the source and were put in order. */
  reordered: number;
  requests: number;
  rate_limited_waits: number;
}

/**
 * Runs a WorkItemSource from its stored cursor: each page's items (upserted, their transitions
 * replaced), the mappings it states and its new cursor are written in one transaction; the run
 * is recorded in `import_runs` with unmapped statuses and types counted (`unmapped_status:NAME`),
 * which the Flow metrics exclude until a mapping names them.
 */
export async function importWorkItems(
  store: Store,
  source: WorkItemSource,
  options: {
    logger?: Logger | undefined;
    onRateLimit?: ((wait: WorkItemRateLimitWait) => void) | undefined;
  } = {},
): Promise<ImportWorkItemsResult> {
  const startedAt = new Date();
  const logger = (options.logger ?? silentLogger()).child({ connector: source.name, scope: source.scope });
  const cursor = await readImportCursor(store, source.name, source.scope);
  const unmapped = new Map<string, { kind: "status" | "type"; name: string; items: Set<string> }>();
  let items = 0;
  let transitions = 0;
  let reordered = 0;
  let read = 0;
  for await (const page of source.pages({ store, cursor, logger, onRateLimit: options.onRateLimit })) {
    const transitionsOf = new Map<string, Transition[]>();
    for (const { item, transitions: list } of page.items) {
      const sorted = [...list].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      if (sorted.some((t, i) => t !== list[i])) reordered++;
      transitionsOf.set(item.id, sorted);
    }
    const written = await store.transaction(async (tx) => {
      await upsertFlowMappings(tx, page.mappings ?? []);
      const result = await writeWorkItems(
        tx,
        page.items.map((entry) => entry.item),
        transitionsOf,
      );
      await writeImportCursor(tx, source.name, source.scope, page.cursor);
      return result;
    });
    const mapping = await loadFlowMapping(store);
    const note = (kind: "status" | "type", name: string, item: string) => {
      const key = `${kind}\u0000${mappingKey(name)}`;
      const entry = unmapped.get(key) ?? { kind, name, items: new Set<string>() };
      entry.items.add(item);
      unmapped.set(key, entry);
    };
    for (const { item, transitions: list } of page.items) {
      if (mapping.itemType(item.type) === undefined) note("type", item.type, item.id);
      for (const t of list) if (mapping.state(t.to) === undefined) note("status", t.to, item.id);
      if (item.status && mapping.state(item.status) === undefined) note("status", item.status, item.id);
    }
    read += page.items.length;
    items += written.items;
    transitions += written.transitions;
    logger.info({ items, transitions }, "work items page written");
  }
  const unmappedList = [...unmapped.values()]
    .map(({ kind, name, items: ids }) => ({ kind, name, items: ids.size }))
    .sort((a, b) => b.items - a.items);
  const stats = source.stats();
  await store.transaction((tx) =>
    recordImportRun(tx, {
      connector: source.name,
      kind: "workitems",
      scope: source.scope,
      startedAt,
      finishedAt: new Date(),
      rowsRead: read,
      rowsWritten: items,
      skipped: {},
      anomalies: Object.fromEntries([
        ...unmappedList.map((u) => [`unmapped_${u.kind}:${u.name}`, u.items]),
        ...(reordered > 0 ? [["reordered_transitions", reordered]] : []),
      ]),
    }),
  );
  const result: ImportWorkItemsResult = {
    source: source.name,
    scope: source.scope,
    items,
    transitions,
    unmapped: unmappedList,
    reordered,
    requests: stats.requests,
    rate_limited_waits: stats.rate_limited_waits,
  };
  logger.info(result, "work item import done");
  return result;
}
