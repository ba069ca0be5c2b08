import type { Queryable } from "@uplift/core";
import { type Transition, type WorkItem, workItemSchema } from "../work-item-records.js";

/**
 * Where an item keeps the Projects v2 Status changes recorded at imports (in `attributes`): the
 * API gives only the current value, so this list is the board's history as Uplift saw it, and a
 * later issue import (which rebuilds transitions from the timeline) merges it back in.
 */
export const BOARD_HISTORY_KEY = "project_status_history";

/** A recorded board Status change (from the previous recorded value). */
export interface BoardStatusChange {
  at: string;
  to: string;
}

/**
 * One chain of transitions from several lists of status changes (issue timeline, board history):
 * all changes in time order, each `from` the previous `to` (an item starts "open"), and changes to
 * the current status (case-insensitive) dropped.
 */
export function mergeStatusChanges(
  itemId: string,
  ...lists: readonly (readonly { at: string; to: string }[])[]
): Transition[] {
  const all = lists.flat().sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const out: Transition[] = [];
  let current = "open";
  for (const change of all) {
    if (change.to.toLowerCase() === current.toLowerCase()) continue;
    out.push({ item_id: itemId, at: new Date(change.at).toISOString(), from: current, to: change.to });
    current = change.to;
  }
  return out;
}

/** The board history stored in an item's attributes (empty when none or malformed). */
export function boardHistoryOf(attributes: Record<string, unknown> | undefined): BoardStatusChange[] {
  const list = attributes?.[BOARD_HISTORY_KEY];
  if (!Array.isArray(list)) return [];
  return list.filter(
    (entry): entry is BoardStatusChange =>
      typeof entry === "object" &&
      entry !== null &&
      typeof (entry as BoardStatusChange).at === "string" &&
      typeof (entry as BoardStatusChange).to === "string",
  );
}

/** A stored work item and its stored transitions (in order). */
export interface StoredWorkItem {
  item: WorkItem;
  transitions: Transition[];
}

/** The stored work items among `ids`, as records a source can yield again, with their transitions. */
export async function loadStoredWorkItems(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, StoredWorkItem>> {
  const out = new Map<string, StoredWorkItem>();
  if (ids.length === 0) return out;
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT id, source, type, created_at, resolved_at, status, assignee, team, project, title,
            story_points, sprint, linked_prs, attributes
       FROM work_items WHERE id = ANY($1::text[])`,
    [ids],
  );
  const { rows: transitions } = await db.query<{
    item_id: string;
    at: Date;
    from_status: string;
    to_status: string;
  }>(
    `SELECT item_id, at, from_status, to_status FROM work_item_transitions
      WHERE item_id = ANY($1::text[]) ORDER BY item_id, seq`,
    [ids],
  );
  for (const row of rows) {
    const fields = Object.fromEntries(
      Object.entries(row)
        .filter(([, value]) => value !== null)
        .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
    );
    out.set(String(row.id), { item: workItemSchema.parse(fields), transitions: [] });
  }
  for (const t of transitions)
    out.get(t.item_id)?.transitions.push({
      item_id: t.item_id,
      at: new Date(t.at).toISOString(),
      from: t.from_status,
      to: t.to_status,
    });
  return out;
}
