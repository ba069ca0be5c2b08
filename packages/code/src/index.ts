import type { Migration } from "@uplift/core";
import {
  CODE_BAND_CHUNK_INDEX_MIGRATION,
  CODE_INDEX_MIGRATION,
  CODE_REPO_LAST_WALK_MIGRATION,
} from "./store/migrations.js";

/** Schema changes of @uplift/code, ids "code/NNNN_name", applied by the CLI's composition root. */
export const codeMigrations: readonly Migration[] = [
  CODE_INDEX_MIGRATION,
  CODE_REPO_LAST_WALK_MIGRATION,
  CODE_BAND_CHUNK_INDEX_MIGRATION,
];

export { type CodeChunk, chunkFile, MAX_CHUNK_LINES } from "./chunk/chunker.js";
export { expandQuery, splitIdentifier } from "./chunk/identifier-words.js";
export {
  type AssembledContext,
  assembleContext,
  type ContextDeps,
  type ContextRequest,
  DEFAULT_CONTEXT_BUDGET,
} from "./context/assemble-context.js";
export type { Cursor } from "./context/cursor.js";
export { type ContextSnippet, packSnippets, type SnippetReason } from "./context/pack.js";
export { approximateCounter, loadCl100kCounter, type TokenCounter } from "./context/token-counter.js";
export {
  buildFimPrompt,
  FIM_MODELS,
  type FimModel,
  type FimRequest,
  type FimSnippet,
  fimStopTokens,
} from "./fim/fim-prompt.js";
export { CODE_CHUNKS_TABLE, type CodeChunkRowMetadata, openCodeChunks } from "./index/chunk-table.js";
export {
  type IndexDeps,
  type IndexProgress,
  type IndexReport,
  indexRepositories,
  type RepositoryIndexReport,
} from "./index/index-repositories.js";
export { type Ecosystem, isManifest, type PackageName, packageNamesOf } from "./packages/manifests.js";
export { type ModuleTarget, moduleTargets, type RepoPackage } from "./packages/resolve-module.js";
export { parseSource } from "./parse/parse-source.js";
export { TreeSitterLoader } from "./parse/tree-sitter-loader.js";
export type { CodeImport, CodeSymbol, ParsedFile, SymbolKind } from "./parse/types.js";
export { type CodeSearchOptions, type CodeSearchResult, searchCode } from "./search/code-search.js";
export { normalisedTokens } from "./similar/code-tokens.js";
export {
  DEFAULT_SIMILARITY_THRESHOLD,
  findSimilarCode,
  type SimilarMatch,
  type SimilarQuery,
} from "./similar/find-similar.js";
export {
  BANDS,
  bandKeys,
  candidateProbability,
  estimateJaccard,
  jaccard,
  MIN_TOKENS,
  minhashSignature,
  NUM_HASHES,
  ROWS_PER_BAND,
  shingleHashes,
} from "./similar/minhash.js";
export { CodeIndexReader, type LocatedFile } from "./store/code-reader.js";
export { type RepositoryStatus, repositoryStatuses } from "./store/repository-status.js";
export {
  contentSkipReason,
  generatedNameReason,
  isBinary,
  MAX_FILE_BYTES,
  type SkipReason,
  vendoredReason,
} from "./walk/file-filters.js";
export { type LanguageId, languageOf, lineCommentOf } from "./walk/languages.js";
export { listRepositoryFiles, type RepositoryListing } from "./walk/list-files.js";
export { readSourceFile, type SourceFile, type SourceRead } from "./walk/read-source.js";
