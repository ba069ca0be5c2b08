import { ConflictError, insertRows, type Queryable, type Store } from "@uplift/core";
import type { PreparedFile } from "../index/prepare-file.js";
import type { PackageName } from "../packages/manifests.js";
import { encodeSignature } from "../similar/minhash.js";
import type { SkipReason } from "../walk/file-filters.js";

/** A repository of the org index. */
export interface IndexedRepo {
  name: string;
  root: string;
  listing: string;
}

/** What the last complete walk of a repository found (column `code_repos.last_walk`). */
export interface RepositoryWalk {
  /** `fingerprintRepository` digest of that walk's listing and stats. */
  fingerprint: string;
  /** Files kept in the index. */
  files: number;
  skipped: Record<SkipReason, number>;
  packages: PackageName[];
}

/** A repository of the org index with its last walk (null while none completed). */
export interface StoredRepo extends IndexedRepo {
  lastWalk: RepositoryWalk | null;
}

/** Writes of the code index (docs/code.md); every method is one transaction. */
export class CodeIndexWriter {
  constructor(private readonly store: Store) {}

  /** The stored repository for `root`, or a new one named after the directory (made unique). */
  async ensureRepo(root: string, listing: string): Promise<IndexedRepo> {
    const existing = await this.store.query<IndexedRepo>(
      "SELECT name, root, listing FROM code_repos WHERE root = $1",
      [root],
    );
    const found = existing.rows[0];
    if (found) {
      // the last walk no longer describes the index once this walk starts writing
      await this.store.query(
        "UPDATE code_repos SET listing = $2, indexed_at = now(), last_walk = NULL WHERE name = $1",
        [found.name, listing],
      );
      return { ...found, listing };
    }
    const parts = root.split(/[\\/]/).filter(Boolean);
    const base = parts[parts.length - 1] ?? "repo";
    const candidates = [base, parts.slice(-2).join("-"), parts.join("-")];
    for (const name of candidates) {
      const inserted = await this.store.query(
        "INSERT INTO code_repos (name, root, listing) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
        [name, root, listing],
      );
      if (inserted.rowCount === 1) return { name, root, listing };
    }
    throw new ConflictError(`cannot name the repository at ${root}: ${candidates.join(", ")} are all taken`);
  }

  /** The stored repositories of these roots (by root), with their last walk. */
  async reposByRoot(roots: readonly string[]): Promise<Map<string, StoredRepo>> {
    const { rows } = await this.store.query<IndexedRepo & { last_walk: RepositoryWalk | null }>(
      "SELECT name, root, listing, last_walk FROM code_repos WHERE root = ANY($1::text[])",
      [roots],
    );
    return new Map(rows.map(({ last_walk, ...repo }) => [repo.root, { ...repo, lastWalk: last_walk }]));
  }

  /** Records a completed walk (null: the files changed too recently for their stat to be trusted). */
  async saveWalk(repo: string, walk: RepositoryWalk | null): Promise<void> {
    await this.store.query("UPDATE code_repos SET last_walk = $2::jsonb WHERE name = $1", [
      repo,
      walk === null ? null : JSON.stringify(walk),
    ]);
  }

  /** Marks repositories found unchanged as indexed now. */
  async touchRepos(names: readonly string[]): Promise<void> {
    if (names.length)
      await this.store.query("UPDATE code_repos SET indexed_at = now() WHERE name = ANY($1::text[])", [
        names,
      ]);
  }

  /** path → content hash of the files stored for a repository. */
  async storedHashes(repo: string): Promise<Map<string, string>> {
    const { rows } = await this.store.query<{ path: string; content_hash: string }>(
      "SELECT path, content_hash FROM code_files WHERE repo = $1",
      [repo],
    );
    return new Map(rows.map((row) => [row.path, row.content_hash]));
  }

  /** Replaces the given files, of one or more repositories (and everything derived from them), in one transaction. */
  async writeFiles(files: readonly PreparedFile[]): Promise<void> {
    if (files.length === 0) return;
    await this.store.transaction(async (tx) => {
      await tx.query(
        "DELETE FROM code_files WHERE (repo, path) IN (SELECT * FROM unnest($1::text[], $2::text[]))",
        [files.map((f) => f.repo), files.map((f) => f.file.path)],
      );
      await insertRows(
        tx,
        "code_files",
        [
          "repo",
          "path",
          "language",
          "content_hash",
          "content",
          "namespace",
          "parsed",
          "syntax_errors",
          "line_count",
        ],
        files.map((f) => [
          f.repo,
          f.file.path,
          f.file.language,
          f.hash,
          f.file.text,
          f.parsed.namespace,
          f.parsedOk,
          f.parsedOk && !f.parsed.clean,
          f.file.text.split("\n").length,
        ]),
      );
      const symbols = files.flatMap((f) =>
        f.parsed.symbols.map((s) => [
          f.repo,
          f.file.path,
          s.name,
          s.kind,
          s.container ?? "",
          s.startLine,
          s.endLine,
          s.docStartLine,
          s.signature,
          s.doc,
          s.topLevel,
        ]),
      );
      await insertRows(
        tx,
        "code_symbols",
        [
          "repo",
          "path",
          "name",
          "kind",
          "container",
          "start_line",
          "end_line",
          "doc_start_line",
          "signature",
          "doc",
          "top_level",
        ],
        symbols,
      );
      const imports = files.flatMap((f) =>
        f.parsed.imports.flatMap((i) =>
          (i.names.length ? i.names : [{ imported: "*", local: "" }]).map((n) => [
            f.repo,
            f.file.path,
            i.module,
            n.imported,
            n.local,
            i.line,
          ]),
        ),
      );
      await insertRows(tx, "code_imports", ["repo", "path", "module", "imported", "local", "line"], imports);
      const chunks = files.flatMap((f) =>
        f.chunks.map((c) => [
          c.id,
          f.repo,
          f.file.path,
          c.startLine,
          c.endLine,
          c.symbol,
          c.kind,
          f.file.language,
          c.text,
          c.minhash ? encodeSignature(c.minhash) : null,
        ]),
      );
      await insertRows(
        tx,
        "code_chunks",
        ["id", "repo", "path", "start_line", "end_line", "symbol", "kind", "language", "content", "minhash"],
        chunks,
      );
      const bands = files.flatMap((f) => f.chunks.flatMap((c) => c.bands.map((band) => [band, c.id])));
      await insertRows(tx, "code_chunk_bands", ["band", "chunk_id"], bands);
    });
  }

  /** Removes files that left the repository (or are now skipped). */
  async deleteFiles(repo: string, paths: readonly string[]): Promise<void> {
    if (paths.length) await this.store.transaction((tx) => deletePaths(tx, repo, paths));
  }

  /** Replaces the package names a repository defines. */
  async replacePackages(repo: string, packages: readonly PackageName[]): Promise<void> {
    await this.store.transaction(async (tx) => {
      await tx.query("DELETE FROM code_packages WHERE repo = $1", [repo]);
      await insertRows(
        tx,
        "code_packages",
        ["repo", "name", "ecosystem", "dir"],
        packages.map((p) => [repo, p.name, p.ecosystem, p.dir]),
        { onConflict: { columns: ["repo", "ecosystem", "name", "dir"], action: "nothing" } },
      );
    });
  }
}

async function deletePaths(tx: Queryable, repo: string, paths: readonly string[]): Promise<void> {
  await tx.query("DELETE FROM code_files WHERE repo = $1 AND path = ANY($2::text[])", [repo, paths]);
}
