import type { Queryable } from "@uplift/core";

/** One indexed repository as `uplift code repos` and the Code page show it. */
export interface RepositoryStatus {
  repo: string;
  root: string;
  /** How its files were listed: `git` (ls-files) or `gitignore` (a directory walk). */
  listing: string;
  indexed_at: string;
  files: number;
  lines: number;
  /** Files indexed as text only (no grammar, or the parser failed). */
  unparsed_files: number;
  /** Parsed with syntax errors (the definitions found are kept). */
  files_with_syntax_errors: number;
  symbols: number;
  /** Files per language, most first. */
  languages: Record<string, number>;
  /** Package names it defines (npm, Maven, Go module, Python), what imports resolve to. */
  packages: string[];
}

/** Every indexed repository with its size, parse health, languages and packages, by name. */
export async function repositoryStatuses(db: Queryable): Promise<RepositoryStatus[]> {
  const { rows } = await db.query<{
    repo: string;
    root: string;
    listing: string;
    indexed_at: Date;
    files: number;
    lines: number;
    unparsed_files: number;
    files_with_syntax_errors: number;
    symbols: number;
    languages: Record<string, number> | null;
    packages: string[] | null;
  }>(
    `SELECT r.name AS repo, r.root, r.listing, r.indexed_at,
       coalesce(f.files, 0)::int AS files, coalesce(f.lines, 0)::int AS lines,
       coalesce(f.unparsed, 0)::int AS unparsed_files, coalesce(f.syntax_errors, 0)::int AS files_with_syntax_errors,
       (SELECT count(*)::int FROM code_symbols s WHERE s.repo = r.name) AS symbols,
       (SELECT jsonb_object_agg(language, n) FROM (
          SELECT language, count(*)::int AS n FROM code_files WHERE repo = r.name GROUP BY language) l) AS languages,
       (SELECT array_agg(DISTINCT name ORDER BY name) FROM code_packages p WHERE p.repo = r.name) AS packages
     FROM code_repos r
     LEFT JOIN (
       SELECT repo, count(*) AS files, sum(line_count) AS lines,
         count(*) FILTER (WHERE NOT parsed) AS unparsed, count(*) FILTER (WHERE syntax_errors) AS syntax_errors
       FROM code_files GROUP BY repo
     ) f ON f.repo = r.name
     ORDER BY r.name`,
  );
  return rows.map((row) => ({
    ...row,
    indexed_at: new Date(row.indexed_at).toISOString(),
    languages: Object.fromEntries(
      Object.entries(row.languages ?? {}).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    ),
    packages: row.packages ?? [],
  }));
}
