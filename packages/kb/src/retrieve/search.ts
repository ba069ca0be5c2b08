import {
  type Embedder,
  InputError,
  type Logger,
  type Reranker,
  type SearchFilter,
  type SearchIndex,
  type Store,
  searchFilter,
  UnavailableError,
  UpliftError,
} from "@uplift/core";
import { plainInline } from "../chunk/plain-text.js";
import { KB_CHUNKS_TABLE, type KbChunkTable, openKbChunks } from "../index-table.js";
import { NO_EMBEDDER, readIndexState } from "../store/index-state.js";
import { DEFAULT_FIELD_BOOSTS, type FieldBoosts, fieldBoost } from "./boosts.js";
import { type FeedbackVote, feedbackMultipliers, loadFeedbackVotes } from "./feedback-signal.js";
import type { Reader } from "./reader.js";
import { rerankHits } from "./rerank.js";
import { contentTerms } from "./terms.js";

/** One result of `uplift kb search` (DESIGN: CLI contract). */
export interface KbSearchHit {
  doc_id: string;
  chunk_id: string;
  title: string;
  url: string | null;
  score: number;
  /** The chunk's own text (without the title/heading prefix that was indexed with it). */
  text: string;
  source: string;
  heading_path: string;
}

export interface KbSearchResult {
  results: KbSearchHit[];
  retrieval: "bm25" | "hybrid";
  /** Whether the configured reranker reordered the best candidates (false: none, or it failed). */
  reranked: boolean;
  /** Why retrieval is BM25 only, or that nothing is indexed yet. */
  note?: string;
}

export interface KbSearchQuery {
  query: string;
  k: number;
  reader: Reader;
  /** Only this source. */
  source?: string | undefined;
  /** Best chunk per document (default true); false returns every matching chunk. */
  perDocument?: boolean;
  boosts?: FieldBoosts;
  /** Use thumbs up/down on earlier answers as a ranking signal (default true; docs/kb.md). */
  feedback?: boolean;
}

/** Votes are re-read at most this often by one searcher. */
const FEEDBACK_CACHE_MS = 30_000;

export const NO_EMBEDDER_NOTE = "bm25 only: no embedder configured";

/**
 * Retrieval over `kb_chunks`: BM25, or BM25 + vector fused by RRF when the configured embedder
 * is the one the index was built with; title/heading boosts on the candidates; the reader's ACL
 * and the source filter applied inside the index query, so before the top-k cut.
 */
export class KbSearcher {
  constructor(
    private readonly deps: {
      store: Store;
      index: SearchIndex;
      embedder?: Embedder | undefined;
      /** Reorders the best fused candidates (`reranker.*` config); absent: the fused ranking stands. */
      reranker?: Reranker | undefined;
      logger?: Logger | undefined;
    },
  ) {}

  private votes: { at: number; votes: Promise<FeedbackVote[]> } | undefined;

  private feedbackVotes(): Promise<FeedbackVote[]> {
    const now = Date.now();
    if (!this.votes || now - this.votes.at > FEEDBACK_CACHE_MS)
      this.votes = { at: now, votes: loadFeedbackVotes(this.deps.store, new Date(now)) };
    return this.votes.votes;
  }

  async search(query: KbSearchQuery): Promise<KbSearchResult> {
    const text = query.query.trim();
    if (!text) throw new InputError("QUERY: the query is empty");
    if (!Number.isInteger(query.k) || query.k < 1 || query.k > 1000)
      throw new InputError(`--k ${query.k}: expected a whole number from 1 to 1000`);
    const state = await readIndexState(this.deps.store);
    if (state.pendingEmbedder !== undefined)
      throw new UnavailableError("the knowledge-base index is being rebuilt for a new embedder", {
        hint: "run uplift kb sync to finish it",
      });
    const { embedder } = this.deps;
    let retrieval: "bm25" | "hybrid" =
      embedder !== undefined && state.embedder === embedder.modelId ? "hybrid" : "bm25";
    let note =
      retrieval === "hybrid"
        ? undefined
        : !embedder
          ? NO_EMBEDDER_NOTE
          : `bm25 only: the index was built ${state.embedder === NO_EMBEDDER ? "without an embedder" : `with ${state.embedder}`}, not ${embedder.modelId}; run uplift kb sync to re-embed`;
    if (!(await this.deps.index.tableNames()).includes(KB_CHUNKS_TABLE))
      return {
        results: [],
        retrieval,
        reranked: false,
        note: note ?? "nothing indexed yet (uplift kb source add, uplift kb sync)",
      };
    const table = await openKbChunks(this.deps.index, state);
    let vector: number[] | undefined;
    if (retrieval === "hybrid" && embedder) {
      try {
        vector = (await embedder.embed([text]))[0];
      } catch (error) {
        // a model makes search better, never makes it work: say so and answer from BM25
        if (!(error instanceof UpliftError)) throw error;
        retrieval = "bm25";
        note = `bm25 only: the embedder failed (${error.message})`;
        this.deps.logger?.warn({ err: error }, "query embedding failed; searching with BM25 only");
      }
    }
    const filter = this.filterFor(query);
    const queryTerms = new Set(contentTerms(text));
    const feedback =
      query.feedback === false
        ? new Map<string, number>()
        : feedbackMultipliers(queryTerms, await this.feedbackVotes());
    const perDocument = query.perDocument ?? true;
    // Best chunk per document: twice k leaves room for the boosts and for documents with several
    // matching chunks; the loop deepens when one document's chunks crowd out the others. Every
    // chunk (`kb ask`): the top k, reordered by the boosts. Depth costs at scale (an ACL-filtered
    // index search over-fetches 30 × it; docs/benchmarks.md, 1M chunks): 4 × k ranked the same
    // on both evaluation sets (bench/kb-eval.ts, bench/kb-beir.ts), k alone lower on SciFact.
    let fetch = perDocument ? Math.max(query.k * 2, 20) : query.k;
    for (;;) {
      const hits = await table.search({
        mode: retrieval,
        text,
        ...(vector ? { vector } : {}),
        ...(vector &&
          embedder &&
          embedder.fusionWeight !== 1 && { weights: [1, embedder.fusionWeight] as const }),
        k: Math.min(fetch, 10_000),
        filter,
      });
      const ranked = rank(hits, queryTerms, query.boosts ?? DEFAULT_FIELD_BOOSTS, perDocument, feedback);
      if (ranked.length >= query.k || hits.length < fetch || fetch >= 10_000) {
        const reranked = this.deps.reranker
          ? await rerankHits(this.deps.reranker, text, ranked, this.deps.logger)
          : { hits: ranked, reranked: false };
        const notes = [note, "note" in reranked ? reranked.note : undefined].filter(Boolean).join("; ");
        return {
          results: reranked.hits.slice(0, query.k),
          retrieval,
          reranked: reranked.reranked,
          ...(notes ? { note: notes } : {}),
        };
      }
      fetch *= 4;
    }
  }

  private filterFor(query: KbSearchQuery): SearchFilter {
    const acl = searchFilter.readableBy({ groups: query.reader.groups });
    return query.source ? searchFilter.and([acl, searchFilter.eq("source", query.source)]) : acl;
  }
}

type Hit = Awaited<ReturnType<KbChunkTable["search"]>>[number];

function rank(
  hits: Hit[],
  queryTerms: ReadonlySet<string>,
  boosts: FieldBoosts,
  perDocument: boolean,
  feedback: ReadonlyMap<string, number>,
): KbSearchHit[] {
  const scored = hits.map((hit) => {
    const row = hit.row;
    const title = row.title ?? "";
    const headingPath = row.heading_path ?? "";
    return {
      doc_id: row.doc_id ?? "",
      chunk_id: row.id,
      title,
      url: row.url ?? null,
      score: hit.score * fieldBoost(queryTerms, title, headingPath, boosts) * (feedback.get(row.id) ?? 1),
      text: row.text.slice(row.body_offset ?? 0),
      source: row.source ?? "",
      heading_path: plainInline(headingPath),
    };
  });
  scored.sort((a, b) => b.score - a.score);
  if (!perDocument) return scored;
  const seen = new Set<string>();
  return scored.filter((hit) => {
    const key = `${hit.source}\u0000${hit.doc_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
