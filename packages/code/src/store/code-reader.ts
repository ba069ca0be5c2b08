import path from "node:path";
import type { Queryable } from "@uplift/core";
import type { RepoPackage } from "../packages/resolve-module.js";

/** A file located in an indexed repository. */
export interface LocatedFile {
  repo: string;
  root: string;
  /** Repository-relative, `/`-separated. */
  path: string;
}

/** A stored definition, with its file's language and namespace. */
export interface StoredSymbol {
  repo: string;
  path: string;
  name: string;
  kind: string;
  container: string;
  start_line: number;
  end_line: number;
  doc_start_line: number;
  signature: string;
  doc: string;
  top_level: boolean;
  language: string;
  namespace: string;
}

/**
 * The `hits` CTE of the LSH queries ($1 band keys, $2 limit): each band's first $2 chunk ids
 * (an index range scan on (band, chunk_id), so a band of 26,000 template chunks costs what a
 * band of 500 does), then the chunks by bands shared, most first.
 */
const BAND_HITS = `hits AS (
  SELECT x.chunk_id, count(*)::int AS shared
  FROM (SELECT DISTINCT unnest($1::bigint[]) AS band) q
  CROSS JOIN LATERAL (
    SELECT b.chunk_id FROM code_chunk_bands b WHERE b.band = q.band ORDER BY b.chunk_id LIMIT $2
  ) x
  GROUP BY x.chunk_id ORDER BY shared DESC, x.chunk_id LIMIT $2
)`;

/** Lines of a stored file, 1-based and inclusive. */
export interface LineRange {
  repo: string;
  path: string;
  start: number;
  end: number;
}

/** A stored chunk with its MinHash signature (base64, null when too short to compare). */
export interface StoredChunk {
  id: string;
  repo: string;
  path: string;
  start_line: number;
  end_line: number;
  symbol: string;
  kind: string;
  language: string;
  content: string;
  minhash: string | null;
}

/** An LSH candidate without its content: enough to estimate its similarity and place. */
export type BandCandidate = Pick<
  StoredChunk,
  "id" | "repo" | "path" | "start_line" | "end_line" | "minhash"
> & {
  shared: number;
};

/** Read queries over the code index (docs/code.md). */
export class CodeIndexReader {
  constructor(private readonly db: Queryable) {}

  /** The indexed repository containing `absolutePath` (the deepest root wins), or undefined. */
  async locate(absolutePath: string): Promise<LocatedFile | undefined> {
    const { rows } = await this.db.query<{ name: string; root: string }>("SELECT name, root FROM code_repos");
    let best: LocatedFile | undefined;
    for (const row of rows) {
      const relative = path.relative(row.root, absolutePath);
      if (relative.startsWith("..") || path.isAbsolute(relative)) continue;
      if (!best || row.root.length > best.root.length)
        best = { repo: row.name, root: row.root, path: relative.split(path.sep).join("/") };
    }
    return best;
  }

  /** Indexed repositories by name. */
  async repositories(): Promise<{ name: string; root: string }[]> {
    const { rows } = await this.db.query<{ name: string; root: string }>(
      "SELECT name, root FROM code_repos ORDER BY name",
    );
    return rows;
  }

  /** The name of the repository indexed from exactly `root` (an absolute path), or undefined. */
  async repositoryAt(root: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ name: string }>("SELECT name FROM code_repos WHERE root = $1", [
      root,
    ]);
    return rows[0]?.name;
  }

  /**
   * The imports of a package (`pkg` itself or a subpath `pkg/…`) in one repository: the importing
   * file, the local name bound (`*` for a namespace), the line, and the file's stored content.
   */
  async importsOfPackage(
    repo: string,
    pkg: string,
  ): Promise<{ path: string; local: string; line: number; content: string }[]> {
    const { rows } = await this.db.query<{ path: string; local: string; line: number; content: string }>(
      `SELECT i.path, i.local, i.line, f.content FROM code_imports i
       JOIN code_files f ON f.repo = i.repo AND f.path = i.path
       WHERE i.repo = $1 AND (i.module = $2 OR i.module LIKE $3) ORDER BY i.path, i.line`,
      [repo, pkg, `${pkg.replace(/[\\%_]/g, "\\$&")}/%`],
    );
    return rows;
  }

  async packages(): Promise<RepoPackage[]> {
    const { rows } = await this.db.query<RepoPackage>("SELECT repo, name, ecosystem, dir FROM code_packages");
    return rows;
  }

  /** Definitions named like any of `names` (at most `limit` per query), with file language and namespace. */
  async symbolsNamed(names: readonly string[], limit = 2000): Promise<StoredSymbol[]> {
    if (names.length === 0) return [];
    const { rows } = await this.db.query<StoredSymbol>(
      // one index probe per name (OFFSET 0 keeps each a nested loop): with ~40 names the
      // planner's estimate made it scan all of code_symbols (~12 ms at 1M lines)
      `SELECT s.repo, s.path, s.name, s.kind, s.container, s.start_line, s.end_line, s.doc_start_line,
              s.signature, s.doc, s.top_level, f.language, f.namespace
       FROM (SELECT DISTINCT unnest($1::text[]) AS name) q
       CROSS JOIN LATERAL (SELECT * FROM code_symbols WHERE name = q.name OFFSET 0) s
       JOIN code_files f ON f.repo = s.repo AND f.path = s.path
       LIMIT $2`,
      [names, limit],
    );
    return rows;
  }

  /**
   * Lines `start..end` (1-based, inclusive) of stored files, one entry per range in order
   * (undefined for a file that is not stored). Cut in SQL so that only those lines travel.
   */
  async fileLines(ranges: readonly LineRange[]): Promise<(string | undefined)[]> {
    if (ranges.length === 0) return [];
    const { rows } = await this.db.query<{ i: number; text: string }>(
      `SELECT r.i::int AS i, array_to_string((string_to_array(f.content, E'\\n'))[r.s:r.e], E'\\n') AS text
       FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) WITH ORDINALITY AS r(repo, path, s, e, i)
       JOIN code_files f ON f.repo = r.repo AND f.path = r.path`,
      [
        ranges.map((r) => r.repo),
        ranges.map((r) => r.path),
        ranges.map((r) => r.start),
        ranges.map((r) => r.end),
      ],
    );
    const texts: (string | undefined)[] = ranges.map(() => undefined);
    for (const row of rows) texts[row.i - 1] = row.text;
    return texts;
  }

  /**
   * Chunks sharing at least one LSH band with the query, with how many bands they share (most
   * first, then by id). A band shared by more than `limit` chunks (template code, boilerplate)
   * contributes its `limit` lowest chunk ids only: the sharing counts are over those.
   */
  async chunksSharingBands(
    bands: readonly number[],
    limit = 500,
  ): Promise<(StoredChunk & { shared: number })[]> {
    if (bands.length === 0) return [];
    const { rows } = await this.db.query<StoredChunk & { shared: number }>(
      `WITH ${BAND_HITS}
       SELECT c.id, c.repo, c.path, c.start_line, c.end_line, c.symbol, c.kind, c.language, c.content, c.minhash, h.shared
       FROM hits h JOIN code_chunks c ON c.id = h.chunk_id
       ORDER BY h.shared DESC, c.id`,
      [bands, limit],
    );
    return rows;
  }

  /**
   * The same candidates as `chunksSharingBands`, in the same order, without their content
   * (which most callers only need for the few candidates they keep: fetch it with `chunks`).
   */
  async chunkSignaturesSharingBands(bands: readonly number[], limit = 500): Promise<BandCandidate[]> {
    if (bands.length === 0) return [];
    const { rows } = await this.db.query<BandCandidate>(
      `WITH ${BAND_HITS}
       SELECT c.id, c.repo, c.path, c.start_line, c.end_line, c.minhash, h.shared
       FROM hits h JOIN code_chunks c ON c.id = h.chunk_id
       ORDER BY h.shared DESC, c.id`,
      [bands, limit],
    );
    return rows;
  }

  /** Chunks by id (for search hits that need stored fields). */
  async chunks(ids: readonly string[]): Promise<StoredChunk[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.db.query<StoredChunk>(
      `SELECT id, repo, path, start_line, end_line, symbol, kind, language, content, minhash
       FROM code_chunks WHERE id = ANY($1::text[])`,
      [ids],
    );
    return rows;
  }
}
