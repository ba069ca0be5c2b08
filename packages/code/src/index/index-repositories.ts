import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import type { Embedder, Logger, SearchIndex, SearchTable, Store } from "@uplift/core";
import { addCounts, redactTexts, searchFilter } from "@uplift/core";
import {
  isManifest,
  type PackageName,
  packageNamesOf,
  pythonTopLevelPackages,
} from "../packages/manifests.js";
import { TreeSitterLoader } from "../parse/tree-sitter-loader.js";
import { CodeIndexWriter, type RepositoryWalk } from "../store/code-writer.js";
import { type SkipReason, vendoredReason } from "../walk/file-filters.js";
import { openRepositoryListings, type RepositoryListing } from "../walk/list-files.js";
import { readSourceFile, type SourceFile } from "../walk/read-source.js";
import { type CodeChunkRowMetadata, openCodeChunks } from "./chunk-table.js";
import { PendingWrites } from "./pending-writes.js";
import { contentHash, prepareFile } from "./prepare-file.js";
import { fingerprintRepository, type RepositoryFingerprint } from "./repository-fingerprint.js";

/** Files per write batch (one Store transaction, one SearchIndex upsert), across repositories. */
const BATCH_FILES = 200;
/** Files read from disk at once. */
const READ_PARALLEL = 32;
/**
 * Chunk rows left out of the BM25 index after a run (about 40 changed files): they are searched
 * by a flat scan (+~7 ms per query at 500), while folding them in costs ~0.5–2 s however few
 * they are (docs/benchmarks.md, "1M lines across 100 repositories").
 */
const DEFERRED_INDEX_ROWS = 500;

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
  /** Clock for the "changed too recently to trust its stat" check (default `Date.now`). */
  now?: () => number;
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
  /** Secrets and personal data replaced in the files this run indexed, by type (never the values). */
  redactions: Record<string, number>;
}

export interface IndexReport {
  repositories: RepositoryIndexReport[];
  /** Embedding model id, or undefined when search is BM25 only. */
  embedder: string | undefined;
}

/**
 * Indexes repositories into the org code index: walks each (honouring .gitignore, skipping
 * vendored/generated/minified/binary files), re-parses only files whose content hash changed,
 * removes files that are gone, and refreshes the repository's package names. A repository
 * whose listing and file stats match its last walk (`fingerprintRepository`) is reported from
 * that walk without reading a file.
 */
export async function indexRepositories(roots: readonly string[], deps: IndexDeps): Promise<IndexReport> {
  const listings = await openRepositoryListings(roots);
  const loader = deps.loader ?? new TreeSitterLoader();
  const writer = new CodeIndexWriter(deps.store);
  const now = deps.now ?? Date.now;
  const dimension = deps.embedder ? await deps.embedder.detectDimension() : undefined;
  const { table, rebuilt } = await openCodeChunks(deps.searchIndex, dimension, deps.logger, {
    rebuild: true,
  });
  const realRoots = await Promise.all(roots.map((root) => realpath(root)));
  const stored = await writer.reposByRoot(realRoots);
  const repositories: RepositoryIndexReport[] = [];
  const unchanged: string[] = [];
  const pending = new PendingWrites({ writer, table, embedder: deps.embedder });
  let i = 0;
  for await (const listing of listings) {
    const root = realRoots[i++] as string;
    const fingerprint = await fingerprintRepository(root, listing, now());
    const known = stored.get(root);
    if (!rebuilt && known?.lastWalk?.fingerprint === fingerprint.digest) {
      repositories.push(unchangedReport(known.name, root, listing, known.lastWalk));
      unchanged.push(known.name);
      const total = listing.paths.length;
      deps.onProgress?.({ repo: known.name, filesDone: total, filesTotal: total });
      continue;
    }
    repositories.push(
      await indexRepository(root, listing, fingerprint, {
        ...deps,
        loader,
        writer,
        table,
        pending,
        force: rebuilt,
      }),
    );
  }
  await pending.flush();
  await writer.touchRepos(unchanged);
  await table.ensureIndexes({ deferUpToRows: DEFERRED_INDEX_ROWS });
  return { repositories, embedder: deps.embedder?.modelId };
}

function emptyReport(repo: string, root: string, listing: RepositoryListing): RepositoryIndexReport {
  return {
    repo,
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
    redactions: {},
  };
}

/** The report of a repository found as its last walk left it (field order as a walk's: the JSON is the same). */
function unchangedReport(
  repo: string,
  root: string,
  listing: RepositoryListing,
  walk: RepositoryWalk,
): RepositoryIndexReport {
  const report = emptyReport(repo, root, listing);
  report.files_unchanged = walk.files;
  for (const reason of Object.keys(report.skipped) as SkipReason[])
    report.skipped[reason] = walk.skipped[reason] ?? 0;
  report.packages = walk.packages.map(({ name, ecosystem, dir }) => ({ name, ecosystem, dir }));
  return report;
}

interface RepoDeps extends IndexDeps {
  loader: TreeSitterLoader;
  writer: CodeIndexWriter;
  table: SearchTable<CodeChunkRowMetadata>;
  pending: PendingWrites;
  force: boolean;
}

async function indexRepository(
  root: string,
  listing: RepositoryListing,
  fingerprint: RepositoryFingerprint,
  deps: RepoDeps,
): Promise<RepositoryIndexReport> {
  const repo = await deps.writer.ensureRepo(root, listing.source);
  const stored = deps.force ? new Map<string, string>() : await deps.writer.storedHashes(repo.name);
  const report = emptyReport(repo.name, root, listing);
  const kept = new Set<string>();
  const packages: PackageName[] = [];
  for (let start = 0; start < listing.paths.length; start += READ_PARALLEL) {
    const slice = listing.paths.slice(start, start + READ_PARALLEL);
    const reads = await Promise.all(slice.map((p) => readSourceFile(root, p)));
    const changed: { file: SourceFile; hash: string }[] = [];
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
      changed.push({ file: read.file, hash });
    }
    // secrets and personal data never reach the index (chunks, symbols, stored content): one
    // secretlint pass per slice; line breaks are kept, so every line keeps its number
    const redacted = await redactTexts(changed.map((c) => c.file.text));
    for (const [i, { file, hash }] of changed.entries()) {
      const redaction = redacted[i] as { text: string; counts: Record<string, number> };
      addCounts(report.redactions, redaction.counts);
      const clean = { ...file, text: redaction.text };
      deps.pending.add(await prepareFile(deps.loader, repo.name, clean, deps.logger, hash), report);
      if (deps.pending.size >= BATCH_FILES) await deps.pending.flush();
    }
    deps.onProgress?.({
      repo: repo.name,
      filesDone: Math.min(start + READ_PARALLEL, listing.paths.length),
      filesTotal: listing.paths.length,
    });
  }
  // with a rebuilt chunk table `stored` was left empty: the Store still has the files
  const storedPaths = deps.force ? await deps.writer.storedHashes(repo.name) : stored;
  const gone = [...storedPaths.keys()].filter((p) => !kept.has(p));
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
  deps.pending.addWalk(
    repo.name,
    fingerprint.racy
      ? null
      : { fingerprint: fingerprint.digest, files: kept.size, skipped: report.skipped, packages },
  );
  return report;
}

async function manifestNames(root: string, relative: string): Promise<PackageName[]> {
  if (relative.endsWith("__init__.py")) return [];
  return packageNamesOf(relative, await readFile(path.join(root, relative), "utf8"));
}
