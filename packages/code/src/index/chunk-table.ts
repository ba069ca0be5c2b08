import { ConflictError, type Logger, type SearchIndex, type SearchTable, type TableSpec } from "@uplift/core";

export const CODE_CHUNKS_TABLE = "code_chunks";

const COLUMNS = {
  repo: { type: "string", index: "bitmap" },
  path: { type: "string", index: true },
  start_line: "number",
  end_line: "number",
  symbol: "string",
  kind: "string",
  language: "string",
  code: "string",
} as const;

export type CodeChunkColumns = typeof COLUMNS;

/** The SearchIndex table of code chunks: BM25 over identifier words + code; a vector column when an embedder is configured. */
export function codeChunksSpec(dimension?: number): TableSpec<CodeChunkColumns> {
  return {
    name: CODE_CHUNKS_TABLE,
    columns: COLUMNS,
    ...(dimension !== undefined && { vector: { dimension, distance: "cosine" } }),
  };
}

/**
 * Opens the chunk table. When the stored table was made for another embedder (or none), the
 * indexer (`rebuild: true`) drops it and gets `rebuilt: true` (every file must be re-indexed);
 * a reader gets a ConflictError telling to re-index.
 */
export async function openCodeChunks(
  index: SearchIndex,
  dimension: number | undefined,
  logger: Logger,
  options: { rebuild: boolean },
): Promise<{ table: SearchTable<CodeChunkRowMetadata>; rebuilt: boolean }> {
  try {
    return { table: await index.openTable(codeChunksSpec(dimension)), rebuilt: false };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    if (!options.rebuild) {
      throw new ConflictError(
        `the code index (table ${CODE_CHUNKS_TABLE}) was built with ${dimension === undefined ? "an" : "another"} embedder; ${dimension === undefined ? "no embedder is configured now" : `the configured one gives ${dimension} dimensions`}`,
        {
          cause: error,
          hint: "run `uplift code index --path …` again with the current embedder configuration",
        },
      );
    }
    logger.warn(
      { table: CODE_CHUNKS_TABLE, dimension },
      "the code chunk table was built for another embedder; rebuilding it (every file is re-indexed)",
    );
    await index.dropTable(CODE_CHUNKS_TABLE);
    return { table: await index.openTable(codeChunksSpec(dimension)), rebuilt: true };
  }
}

/** Metadata of a row of the code chunk table. */
export interface CodeChunkRowMetadata {
  repo?: string | null;
  path?: string | null;
  start_line?: number | null;
  end_line?: number | null;
  symbol?: string | null;
  kind?: string | null;
  language?: string | null;
  code?: string | null;
}
