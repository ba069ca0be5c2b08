import type { Embedder, LlmProvider, Logger, Reranker, SearchIndex, Store } from "@uplift/core";
import { InputError } from "@uplift/core";
import type { Reader } from "../retrieve/reader.js";
import { KbSearcher } from "../retrieve/search.js";
import { contentTerms, termCoverage } from "../retrieve/terms.js";
import { AnswerRepository } from "../store/answer-repository.js";
import { checkCitations } from "./citations.js";
import { extractiveAnswer, NOT_FOUND_ANSWER } from "./extractive.js";
import { type Citation, type Passage, selectPassages } from "./passage.js";
import { answerPrompt } from "./prompt.js";
import { bestQuote } from "./quote.js";
import { citationNumbers, splitAnswerSentences } from "./sentences.js";

/** What `uplift kb ask` returns (DESIGN: CLI contract, plus diagnostics). */
export interface KbAnswer {
  answer: string;
  citations: Citation[];
  grounded: boolean;
  generator: string;
  answer_id: string;
  retrieval: "bm25" | "hybrid";
  /** Whether the configured reranker reordered the retrieved candidates. */
  reranked: boolean;
  note?: string;
  /** Sentences without a supporting citation (flagged, kept). */
  unsupported: string[];
  /** Citation numbers the model used that named no passage (removed from the answer). */
  dropped_citations: number[];
}

export const EXTRACTIVE_GENERATOR = "extractive (no LLM configured)";

export interface AskDeps {
  store: Store;
  index: SearchIndex;
  embedder?: Embedder | undefined;
  /** Reorders the best retrieved passages before they are given to the answerer. */
  reranker?: Reranker | undefined;
  llm?: LlmProvider | undefined;
  logger?: Logger | undefined;
}

export interface AskOptions {
  question: string;
  reader: Reader;
  /** Passages given to the answerer (default 5). */
  passages?: number;
  source?: string | undefined;
}

/**
 * Answers a question from the documents the reader may see: retrieves passages (ACL-filtered
 * in the index query), asks the LLM to answer with [n] citations — or, with no LLM, extracts
 * the best sentences — then checks every citation against the passages, and stores the answer
 * for feedback. Retrieval that shares no term with the question gives "I could not find this".
 */
export async function askKnowledgeBase(deps: AskDeps, options: AskOptions): Promise<KbAnswer> {
  const question = options.question.trim();
  if (!question) throw new InputError("QUESTION: the question is empty");
  const searcher = new KbSearcher(deps);
  const found = await searcher.search({
    query: question,
    k: 20,
    reader: options.reader,
    source: options.source,
    perDocument: false,
  });
  const selected = selectPassages(found.results, options.passages ?? 5);
  const passages = relevant(question, selected);
  const generator = deps.llm ? `${deps.llm.kind}:${deps.llm.id}` : EXTRACTIVE_GENERATOR;
  let draft: string;
  if (passages.length === 0) draft = NOT_FOUND_ANSWER;
  else if (deps.llm) {
    const generation = await deps.llm.chat({
      messages: answerPrompt(question, passages),
      temperature: 0,
      maxTokens: 600,
    });
    draft = generation.text.trim() || NOT_FOUND_ANSWER;
  } else draft = extractiveAnswer(question, passages).text;

  const notFound = draft.includes(NOT_FOUND_ANSWER) && citationNumbers(draft).length === 0;
  const checked = checkCitations(
    draft,
    passages.map((p) => p.text),
  );
  const citations = notFound ? [] : citationsOf(checked.text, checked.passages, passages);
  const result: Omit<KbAnswer, "answer_id"> = {
    answer: checked.text,
    citations,
    grounded: !notFound && checked.grounded,
    generator,
    retrieval: found.retrieval,
    reranked: found.reranked,
    ...(found.note ? { note: found.note } : {}),
    unsupported: notFound ? [] : checked.unsupported,
    dropped_citations: checked.dropped,
  };
  const answerId = await new AnswerRepository(deps.store).save({
    question,
    userLogin: options.reader.login,
    answer: result.answer,
    citations,
    passages: passages.map(({ n, doc_id, chunk_id, source }) => ({ n, doc_id, chunk_id, source })),
    generator,
    grounded: result.grounded,
    retrieval: result.retrieval,
    topCoverage: topCoverage(question, selected),
  });
  return { ...result, answer_id: answerId };
}

/** Drops passages that share no content term with the question (low retrieval confidence). */
function relevant(question: string, passages: Passage[]): Passage[] {
  const terms = new Set(contentTerms(question));
  const kept = passages.filter(
    (p) => termCoverage(terms, new Set(contentTerms(`${p.title} ${p.heading_path} ${p.text}`))) > 0,
  );
  return kept.map((p, i) => ({ ...p, n: i + 1 }));
}

/** The best share of the question's content terms any retrieved passage holds (0 when none). */
function topCoverage(question: string, passages: Passage[]): number {
  const terms = new Set(contentTerms(question));
  return Math.max(
    0,
    ...passages.map((p) =>
      termCoverage(terms, new Set(contentTerms(`${p.title} ${p.heading_path} ${p.text}`))),
    ),
  );
}

function citationsOf(answer: string, order: readonly number[], passages: readonly Passage[]): Citation[] {
  const sentences = splitAnswerSentences(answer);
  return order.map((passageNumber, i) => {
    const passage = passages[passageNumber - 1] as Passage;
    const n = i + 1;
    const claim = sentences.filter((s) => citationNumbers(s).includes(n)).join(" ");
    return {
      n,
      doc_id: passage.doc_id,
      chunk_id: passage.chunk_id,
      title: passage.title,
      url: passage.url,
      quote: bestQuote(passage.text, claim),
    };
  });
}
