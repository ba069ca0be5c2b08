import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import type { Embedder, Logger, SearchIndex, SearchRow, SearchTable, Store } from "@uplift/core";
import { searchFilter } from "@uplift/core";
import {
  isManifest,
  type PackageName,
  packageNamesOf,
  pythonTopLevelPackages,
} from "../packages/manifests.js";
import { TreeSitterLoader } from "../parse/tree-sitter-loader.js";
import { CodeIndexWriter } from "../store/code-writer.js";
import { type SkipReason, vendoredReason } from "../walk/file-filters.js";
import { listRepositories, type RepositoryListing } from "../walk/list-files.js";
import { readSourceFile } from "../walk/read-source.js";
import { type CodeChunkRowMetadata, openCodeChunks } from "./chunk-table.js";
import { contentHash, type PreparedFile, prepareFile } from "./prepare-file.js";

/** Files per write batch (one Store transaction, one SearchIndex upsert). */
const BATCH_FILES = 200;
/** Files read from disk at once. */
const READ_PARALLEL = 32;
/** Texts per embedding request. */
const EMBED_BATCH = 64;

export interface IndexProgress {
  repo: string;
  filesDone: number;
  filesTotal: number;
}

export interface IndexDeps {
  store: Store;
  searchIndex: SearchIndex;
  /** Undefined: BM25 only (the report says so). */
  embedder: Embedder | undefined;
  logger: Logger;
  loader?: TreeSitterLoader;
  onProgress?: (progress: IndexProgress) => void;
}

/** What indexing one repository did. */
export interface RepositoryIndexReport {
  repo: string;
  root: string;
  listing: "git" | "gitignore";
  files_seen: number;
  files_indexed: number;
  files_unchanged: number;
  files_deleted: number;
  /** Indexed as text: no grammar for the language, or the parser failed. */
  files_unparsed: number;
  /** Parsed, but tree-sitter reported syntax errors (definitions found are kept). */
  files_with_syntax_errors: number;
  chunks_written: number;
  symbols_written: number;
  packages: PackageName[];
  skipped: Record<SkipReason, number>;
}

export interface IndexReport {
  repositories: RepositoryIndexReport[];
  /** Embedding model id, or undefined when search is BM25 only. */
  embedder: string | undefined;
}

/**
 * Indexes repositories into the org code index: walks each (honouring .gitignore, skipping
 * vendored/generated/minified/binary files), re-parses only files whose content hash changed,
 * removes files that are gone, and refreshes the repository's package names.
 */
export async function indexRepositories(roots: readonly string[], deps: IndexDeps): Promise<IndexReport> {
  const loader = deps.loader ?? new TreeSitterLoader();
  const writer = new CodeIndexWriter(deps.store);
  const dimension = deps.embedder ? await deps.embedder.detectDimension() : undefined;
  const { table, rebuilt } = await openCodeChunks(deps.searchIndex, dimension, deps.logger, {
    rebuild: true,
  });
  const repositories: RepositoryIndexReport[] = [];
  const listings = await listRepositories(roots);
  for (const [i, root] of roots.entries()) {
    const listing = listings[i] as RepositoryListing;
    repositories.push(
      await indexRepository(root, listing, { ...deps, loader, writer, table, force: rebuilt }),
    );
  }
  await table.ensureIndexes();
  return { repositories, embedder: deps.embedder?.modelId };
}

interface RepoDeps extends IndexDeps {
  loader: TreeSitterLoader;
  writer: CodeIndexWriter;
  table: SearchTable<CodeChunkRowMetadata>;
  force: boolean;
}

async function indexRepository(
  rootArgument: string,
  listing: RepositoryListing,
  deps: RepoDeps,
): Promise<RepositoryIndexReport> {
  const root = await realpath(rootArgument);
  const repo = await deps.writer.ensureRepo(root, listing.source);
  const stored = deps.force ? new Map<string, string>() : await deps.writer.storedHashes(repo.name);
  const report: RepositoryIndexReport = {
    repo: repo.name,
    root,
    listing: listing.source,
    files_seen: listing.paths.length,
    files_indexed: 0,
    files_unchanged: 0,
    files_deleted: 0,
    files_unparsed: 0,
    files_with_syntax_errors: 0,
    chunks_written: 0,
    symbols_written: 0,
    packages: [],
    skipped: { vendored: 0, generated: 0, minified: 0, binary: 0, too_large: 0, unsupported: 0 },
  };
  const kept = new Set<string>();
  const packages: PackageName[] = [];
  let batch: PreparedFile[] = [];
  const flush = async () => {
    await writeBatch(repo.name, batch, deps, report);
    batch = [];
  };
  for (let start = 0; start < listing.paths.length; start += READ_PARALLEL) {
    const slice = listing.paths.slice(start, start + READ_PARALLEL);
    const reads = await Promise.all(slice.map((p) => readSourceFile(root, p)));
    for (const [i, read] of reads.entries()) {
      const relative = slice[i] as string;
      if (isManifest(relative) && !vendoredReason(relative))
        packages.push(...(await manifestNames(root, relative)));
      if ("missing" in read) continue;
      if ("skipped" in read) {
        report.skipped[read.skipped]++;
        continue;
      }
      kept.add(relative);
      const hash = contentHash(read.file.text);
      if (stored.get(relative) === hash) {
        report.files_unchanged++;
        continue;
      }
      batch.push(await prepareFile(deps.loader, repo.name, read.file, deps.logger, hash));
      if (batch.length >= BATCH_FILES) await flush();
    }
    deps.onProgress?.({
      repo: repo.name,
      filesDone: Math.min(start + READ_PARALLEL, listing.paths.length),
      filesTotal: listing.paths.length,
    });
  }
  await flush();
  const gone = [...(await deps.writer.storedHashes(repo.name)).keys()].filter((p) => !kept.has(p));
  if (gone.length) {
    await deps.table.deleteWhere(
      searchFilter.and([searchFilter.eq("repo", repo.name), searchFilter.in("path", gone)]),
    );
    await deps.writer.deleteFiles(repo.name, gone);
    report.files_deleted = gone.length;
  }
  packages.push(...pythonTopLevelPackages(listing.paths.filter((p) => !vendoredReason(p))));
  await deps.writer.replacePackages(repo.name, packages);
  report.packages = packages;
  return report;
}

async function manifestNames(root: string, relative: string): Promise<PackageName[]> {
  if (relative.endsWith("__init__.py")) return [];
  return packageNamesOf(relative, await readFile(path.join(root, relative), "utf8"));
}

/**
 * Writes one batch: first the SearchIndex (old chunks of these paths out, new ones in), then
 * the Store in one transaction. If the Store write fails, the files keep their old hashes and
 * the next run re-indexes them, which replaces their chunks again: the two stay consistent.
 */
async function writeBatch(
  repo: string,
  files: PreparedFile[],
  deps: RepoDeps,
  report: RepositoryIndexReport,
) {
  if (files.length === 0) return;
  const rows: SearchRow<CodeChunkRowMetadata>[] = files.flatMap((f) =>
    f.chunks.map((c) => ({
      id: c.id,
      text: c.searchText,
      repo,
      path: f.file.path,
      start_line: c.startLine,
      end_line: c.endLine,
      symbol: c.symbol,
      kind: c.kind,
      language: f.file.language,
      code: c.text,
    })),
  );
  if (deps.embedder) {
    for (let start = 0; start < rows.length; start += EMBED_BATCH) {
      const slice = rows.slice(start, start + EMBED_BATCH);
      const vectors = await deps.embedder.embed(slice.map((row) => row.text));
      slice.forEach((row, i) => {
        row.vector = vectors[i] ?? null;
      });
    }
  }
  await deps.table.deleteWhere(
    searchFilter.and([
      searchFilter.eq("repo", repo),
      searchFilter.in(
        "path",
        files.map((f) => f.file.path),
      ),
    ]),
  );
  if (rows.length) await deps.table.upsert(rows);
  await deps.writer.writeFiles(repo, files);
  for (const f of files) {
    report.files_indexed++;
    if (!f.parsedOk) report.files_unparsed++;
    else if (!f.parsed.clean) report.files_with_syntax_errors++;
    report.chunks_written += f.chunks.length;
    report.symbols_written += f.parsed.symbols.length;
  }
}
