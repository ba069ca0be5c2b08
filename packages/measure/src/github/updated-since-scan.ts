import type { ForgePage } from "@uplift/core";

/** High-water mark of an "updated since" listing: the latest `updated_at` stored, and the items stored at exactly it. */
export interface UpdatedSinceCursor {
  since?: string | undefined;
  seen: string[];
}

export interface UpdatedSinceScan<T> {
  cursor: UpdatedSinceCursor;
  /** Lists items updated at or after `since` (undefined: all), oldest update first; `page` from 1. */
  fetchPage(since: string | undefined, page: number): Promise<ForgePage<T[]>>;
  key(item: T): string;
  updatedAt(item: T): string;
  /** Stores the new items and `next` in one transaction; called once per page that has any. */
  commit(items: T[], next: UpdatedSinceCursor): Promise<void>;
}

/** Requests ask for one second before the mark: APIs differ on whether `since` is inclusive and round to seconds. */
const OVERLAP_MS = 1000;

/**
 * Incremental, resumable walk of a listing sorted by `updated_at` ascending (GitHub issues with
 * `since`, GitLab merge requests and deployments with `updated_after`). After each committed page
 * it asks again from the new high-water mark instead of following the page links, so an item
 * updated during the walk (which moves to the end of the listing) cannot shift an unseen one
 * onto an already-read page; when the mark cannot advance (a page full of items updated in the
 * same second) it turns the page instead. A crash loses at most the page in flight; the last
 * request of a walk that found nothing new is the same URL the next run sends first, so an
 * unchanged listing costs one `304`.
 */
export async function scanUpdatedSince<T>(
  scan: UpdatedSinceScan<T>,
): Promise<{ items: number; cursor: UpdatedSinceCursor }> {
  let cursor = scan.cursor;
  let page = 1;
  let items = 0;
  for (;;) {
    const since = cursor.since ? new Date(Date.parse(cursor.since) - OVERLAP_MS).toISOString() : undefined;
    const result = await scan.fetchPage(since, page);
    const fresh = result.data.filter((item) => isFresh(scan.updatedAt(item), scan.key(item), cursor));
    if (fresh.length > 0) {
      const next = advance(cursor, fresh, scan);
      await scan.commit(fresh, next);
      items += fresh.length;
      const advanced = next.since !== cursor.since;
      cursor = next;
      if (advanced) {
        page = 1;
        continue;
      }
    }
    if (!result.next) return { items, cursor };
    page += 1;
  }
}

function isFresh(updatedAt: string, key: string, cursor: UpdatedSinceCursor): boolean {
  if (!cursor.since) return true;
  const at = Date.parse(updatedAt);
  const mark = Date.parse(cursor.since);
  return at > mark || (at === mark && !cursor.seen.includes(key));
}

function advance<T>(
  cursor: UpdatedSinceCursor,
  fresh: readonly T[],
  scan: UpdatedSinceScan<T>,
): UpdatedSinceCursor {
  const latest = Math.max(...fresh.map((item) => Date.parse(scan.updatedAt(item))));
  const atLatest = fresh
    .filter((item) => Date.parse(scan.updatedAt(item)) === latest)
    .map((item) => scan.key(item));
  if (cursor.since && latest <= Date.parse(cursor.since))
    return { since: cursor.since, seen: [...cursor.seen, ...atLatest] };
  return { since: new Date(latest).toISOString(), seen: atLatest };
}

/** The cursor to start from: the stored one, moved forward to `since` when that is later. */
export function startCursor(
  stored: UpdatedSinceCursor | undefined,
  since: string | undefined,
): UpdatedSinceCursor {
  if (!stored?.since) return { since, seen: [] };
  if (since && Date.parse(since) > Date.parse(stored.since)) return { since, seen: [] };
  return stored;
}
