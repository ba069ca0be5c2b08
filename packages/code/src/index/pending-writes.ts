import type { Embedder, SearchRow, SearchTable } from "@uplift/core";
import { type SearchFilter, searchFilter } from "@uplift/core";
import type { CodeIndexWriter, RepositoryWalk } from "../store/code-writer.js";
import type { CodeChunkRowMetadata } from "./chunk-table.js";
import type { RepositoryIndexReport } from "./index-repositories.js";
import type { PreparedFile } from "./prepare-file.js";

/** Texts per embedding request. */
const EMBED_BATCH = 64;

export interface PendingWritesDeps {
  writer: CodeIndexWriter;
  table: SearchTable<CodeChunkRowMetadata>;
  embedder: Embedder | undefined;
}

/**
 * Prepared files waiting to be written, across repositories: a flush is one SearchIndex delete,
 * one upsert and one Store transaction however many repositories the files come from (each
 * LanceDB write is a new table version, ~20–40 ms apiece). A repository's walk is recorded only
 * after its files are written.
 */
export class PendingWrites {
  private files: { prepared: PreparedFile; report: RepositoryIndexReport }[] = [];
  private walks: { repo: string; walk: RepositoryWalk | null }[] = [];

  constructor(private readonly deps: PendingWritesDeps) {}

  get size(): number {
    return this.files.length;
  }

  add(prepared: PreparedFile, report: RepositoryIndexReport): void {
    this.files.push({ prepared, report });
  }

  /** Records a repository's walk at the next flush (all its files have been added). */
  addWalk(repo: string, walk: RepositoryWalk | null): void {
    this.walks.push({ repo, walk });
  }

  /**
   * Writes the files: first the SearchIndex (old chunks of these paths out, new ones in), then
   * the Store in one transaction, then the walks. If the Store write fails, the files keep
   * their old hashes and the next run re-indexes them, which replaces their chunks again: the
   * two stay consistent.
   */
  async flush(): Promise<void> {
    const files = this.files;
    const walks = this.walks;
    this.files = [];
    this.walks = [];
    if (files.length) await this.writeFiles(files.map((f) => f.prepared));
    for (const { prepared: f, report } of files) {
      report.files_indexed++;
      if (!f.parsedOk) report.files_unparsed++;
      else if (!f.parsed.clean) report.files_with_syntax_errors++;
      report.chunks_written += f.chunks.length;
      report.symbols_written += f.parsed.symbols.length;
    }
    for (const { repo, walk } of walks) await this.deps.writer.saveWalk(repo, walk);
  }

  private async writeFiles(files: readonly PreparedFile[]): Promise<void> {
    const rows: SearchRow<CodeChunkRowMetadata>[] = files.flatMap((f) =>
      f.chunks.map((c) => ({
        id: c.id,
        text: c.searchText,
        repo: f.repo,
        path: f.file.path,
        start_line: c.startLine,
        end_line: c.endLine,
        symbol: c.symbol,
        kind: c.kind,
        language: f.file.language,
        code: c.text,
      })),
    );
    const embedder = this.deps.embedder;
    if (embedder) {
      for (let start = 0; start < rows.length; start += EMBED_BATCH) {
        const slice = rows.slice(start, start + EMBED_BATCH);
        const vectors = await embedder.embed(slice.map((row) => row.text));
        slice.forEach((row, i) => {
          row.vector = vectors[i] ?? null;
        });
      }
    }
    await this.deps.table.deleteWhere(pathsFilter(files));
    if (rows.length) await this.deps.table.upsert(rows);
    await this.deps.writer.writeFiles(files);
  }
}

/** The rows of these files' paths, repository by repository. */
function pathsFilter(files: readonly PreparedFile[]): SearchFilter {
  const byRepo = new Map<string, string[]>();
  for (const f of files) {
    const paths = byRepo.get(f.repo);
    if (paths) paths.push(f.file.path);
    else byRepo.set(f.repo, [f.file.path]);
  }
  const filters = [...byRepo].map(([repo, paths]) =>
    searchFilter.and([searchFilter.eq("repo", repo), searchFilter.in("path", paths)]),
  );
  return filters.length === 1 ? (filters[0] as SearchFilter) : searchFilter.or(filters);
}
