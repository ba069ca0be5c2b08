import type { Queryable } from "@uplift/core";
import { readImportCursor, writeImportCursor } from "../store/import-cursors.js";

/** Where the last import of a repository's branch stopped: its tip then. */
export interface GitCursor {
  repo: string;
  branch: string;
  sha: string;
  /** The `since` of the walk that started this history (ISO), reused when the branch is re-walked. */
  since: string | undefined;
}

/** The `import_cursors` row of a branch: connector "git", scope "<repo>:<branch>". */
export const GIT_CONNECTOR = "git";

export function cursorScope(repo: string, branch: string): string {
  return `${repo}:${branch}`;
}

export async function readCursor(
  db: Queryable,
  repo: string,
  branch: string,
): Promise<GitCursor | undefined> {
  const stored = await readImportCursor<{ sha?: string; since?: string | null }>(
    db,
    GIT_CONNECTOR,
    cursorScope(repo, branch),
  );
  if (!stored?.sha) return undefined;
  return { repo, branch, sha: stored.sha, since: stored.since ?? undefined };
}

export async function writeCursor(db: Queryable, cursor: GitCursor): Promise<void> {
  await writeImportCursor(db, GIT_CONNECTOR, cursorScope(cursor.repo, cursor.branch), {
    sha: cursor.sha,
    since: cursor.since ?? null,
  });
}
