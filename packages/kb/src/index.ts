export { effectiveAcl, parseAclList } from "./acl.js";
export {
  type AskDeps,
  type AskOptions,
  askKnowledgeBase,
  EXTRACTIVE_GENERATOR,
  type KbAnswer,
} from "./answer/ask.js";
export { type CheckedAnswer, checkCitations, SUPPORT_THRESHOLD } from "./answer/citations.js";
export { extractiveAnswer, NOT_FOUND_ANSWER } from "./answer/extractive.js";
export type { Citation, Passage } from "./answer/passage.js";
export { answerPrompt } from "./answer/prompt.js";
export { type ChunkDraft, type ChunkOptions, chunkDocument, DEFAULT_CHUNK_OPTIONS } from "./chunk/chunker.js";
export { loadCl100kTokenizer, type Tokenizer } from "./chunk/tokenizer.js";
export { type EvalQuery, readQrels, readQueries } from "./eval/eval-files.js";
export { buildFeedbackEvalSet, type FeedbackEvalSet, type FeedbackJudgment } from "./eval/feedback-set.js";
export { type EvalScores, meanScores, ndcgAt, recallAt, reciprocalRankAt } from "./eval/metrics.js";
export { evaluateRetrieval, type RetrievalEval } from "./eval/run-eval.js";
export { parseVote, recordFeedback } from "./feedback.js";
export { readVotedAnswers, type VotedAnswerRow } from "./feedback-votes.js";
export {
  type CoverageGap,
  type CoverageGapOptions,
  type CoverageGapReport,
  coverageGaps,
  LOW_COVERAGE,
  type WeakReason,
} from "./gaps/coverage-gaps.js";
export { CLUSTER_MIN_OVERLAP, clusterQuestions, normalizeQuestion } from "./gaps/question-clusters.js";
export { KB_CHUNKS_TABLE, kbChunksSpec } from "./index-table.js";
export {
  KB_SYNC_JOB,
  type KbSyncJob,
  type KbSyncJobResult,
  kbSyncJobSchema,
  parseEvery,
  registerKbSyncJob,
} from "./jobs.js";
export { DEFAULT_FIELD_BOOSTS, type FieldBoosts } from "./retrieve/boosts.js";
export { ANONYMOUS_READER, type Reader, resolveReader } from "./retrieve/reader.js";
export {
  KbSearcher,
  type KbSearchHit,
  type KbSearchQuery,
  type KbSearchResult,
  NO_EMBEDDER_NOTE,
} from "./retrieve/search.js";
export { type AddSourceInput, addSource, removeSource } from "./source-admin.js";
export { docSourceFor, docSources, plannedSourceTypes } from "./sources/index.js";
export { kbMigrations } from "./store/migrations.js";
export { SourceRepository, type SourceStatus } from "./store/source-repository.js";
export { readSyncLag, type SourceSyncLag } from "./store/sync-lag.js";
export type { SyncCounts } from "./store/sync-run-repository.js";
export { type SyncOptions, type SyncReport, syncKnowledgeBase } from "./sync/sync.js";
export type { SourceSyncReport, SyncProgress } from "./sync/sync-source.js";
export type { DocFormat, DocSource, KbDocument, ScanContext, SkippedItem, SourceConfig } from "./types.js";
