import type { Queryable } from "@uplift/core";
import { tableExists } from "../store/catalog.js";

/** A Jira-style issue key in free text: "WEB-12", "[OPS-7]", "feature/WEB-12-login". */
const KEY = /(?<![A-Za-z0-9])([A-Z][A-Z0-9]{1,9}-\d+)(?![0-9])/g;

/** The issue keys in a text, upper-case as Jira writes them. */
export function issueKeysIn(text: string): string[] {
  return [...new Set([...text.matchAll(KEY)].map((m) => m[1] as string))];
}

/**
 * Links Jira work items to the stored pull requests whose title, head branch (GitHub
 * `head_branch`, GitLab `source_branch`) or commits (subjects of commits in the PR's merge
 * range are not known here: the merge commit's subject) name the item's key; the PR ids are
 * added to the items' `linked_prs`. Returns the links added. Idempotent.
 */
export async function linkWorkItemsToPrs(db: Queryable): Promise<number> {
  const { rows: items } = await db.query<{ id: string; key: string }>(
    "SELECT id, attributes->>'key' AS key FROM work_items WHERE source = 'jira' AND attributes ? 'key'",
  );
  if (items.length === 0) return 0;
  const itemOfKey = new Map(items.map((row) => [row.key, row.id]));
  const withCommits = await tableExists(db, "commits");
  const { rows: prs } = await db.query<{ id: string; text: string }>(
    `SELECT p.id, concat_ws(' ', p.title, p.attributes->>'head_branch', p.attributes->>'source_branch'
              ${withCommits ? ", c.subject" : ""}) AS text
       FROM prs p ${withCommits ? "LEFT JOIN commits c ON c.repo = p.repo AND c.sha = p.merge_sha" : ""}`,
  );
  const links = new Map<string, Set<string>>();
  for (const pr of prs)
    for (const key of issueKeysIn(pr.text)) {
      const item = itemOfKey.get(key);
      if (!item) continue;
      const set = links.get(item) ?? new Set<string>();
      set.add(pr.id);
      links.set(item, set);
    }
  let added = 0;
  for (const [item, ids] of links) {
    const { rowCount } = await db.query(
      `UPDATE work_items SET linked_prs = ARRAY(SELECT DISTINCT unnest(linked_prs || $2::text[]) ORDER BY 1)
        WHERE id = $1 AND NOT (linked_prs @> $2::text[])`,
      [item, [...ids]],
    );
    added += rowCount;
  }
  return added;
}
