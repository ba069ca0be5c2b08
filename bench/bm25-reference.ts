/**
 * A reference BM25 ranker for bench/kb-beir.ts, written to follow Lucene's BM25Similarity as
 * Anserini runs it on BEIR ("flat": title + text in one field), so Uplift's BM25 can be compared
 * with the standard on the same data without a JVM. Bench code only; nothing ships from here.
 *
 * Analysis (Lucene EnglishAnalyzer / Anserini DefaultEnglishAnalyzer, approximated):
 * - tokens: runs of letters/digits/underscore, joined across `.` `'` `’` between two
 *   letters/digits and across `,` between two digits (UAX#29 word boundaries as Lucene's
 *   StandardTokenizer applies them, minus the rare cases: emoji, CJK, Katakana);
 * - trailing possessive `'s` removed (EnglishPossessiveFilter), lower case;
 * - Lucene's 33 English stop words removed (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
 * - Porter stemmer (the `stemmer` package: Martin Porter's original algorithm, as Lucene's
 *   PorterStemFilter).
 *
 * Scoring: idf = ln(1 + (N − df + 0.5) / (df + 0.5)); per term tf / (tf + k1 · (1 − b + b · dl /
 * avgdl)) (Lucene ≥ 8 drops the constant k1 + 1), k1 = 0.9, b = 0.4; avgdl = total terms / N.
 * The document length dl is Lucene's lossy one-byte norm (SmallFloat.intToByte4: exact below 24,
 * then 4 significant bits) unless `exactLength` is set. A query is the bag of its analysed terms,
 * a repeated term weighted by its count (Anserini's BagOfWordsQueryGenerator); ties are broken by
 * document id.
 */
import { stemmer } from "stemmer";

const LUCENE_ENGLISH_STOP_WORDS = new Set(
  (
    "a an and are as at be but by for if in into is it no not of on or such that the their then there " +
    "these they this to was will with"
  ).split(" "),
);

const TOKEN = /[\p{L}\p{N}_]+(?:(?:[.'’][\p{L}\p{N}_]+)|(?:,\p{N}+))*/gu;

/** Lucene-EnglishAnalyzer-like analysis: tokens → possessive → lower case → stop words → Porter. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    let token = match[0].toLowerCase();
    if (token.endsWith("'s") || token.endsWith("’s")) token = token.slice(0, -2);
    if (!token || LUCENE_ENGLISH_STOP_WORDS.has(token)) continue;
    terms.push(stemmer(token));
  }
  return terms;
}

/** Lucene's SmallFloat.intToByte4 then byte4ToInt: the document length BM25Similarity sees. */
export function luceneLossyLength(length: number): number {
  const FREE = 24; // 255 − intToInt4(Integer.MAX_VALUE)
  if (length < FREE) return length;
  const value = length - FREE;
  const bits = 32 - Math.clz32(value);
  if (bits < 4) return FREE + value;
  const shift = bits - 4;
  const mantissa = (value >>> shift) & 0x07;
  return FREE + (mantissa | 0x08) * 2 ** shift;
}

export interface ReferenceDoc {
  id: string;
  text: string;
}

export interface Bm25Params {
  k1: number;
  b: number;
  exactLength?: boolean;
}

/** An in-memory inverted index ranked by Lucene-style BM25. */
export class ReferenceBm25 {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly ids: string[] = [];
  private readonly lengths: number[] = [];
  private totalTerms = 0;
  private readonly params: Bm25Params;

  constructor(docs: Iterable<ReferenceDoc>, params: Bm25Params = { k1: 0.9, b: 0.4 }) {
    this.params = params;
    for (const doc of docs) {
      const terms = analyze(doc.text);
      const n = this.ids.length;
      this.ids.push(doc.id);
      this.lengths.push(params.exactLength ? terms.length : luceneLossyLength(terms.length));
      this.totalTerms += terms.length;
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const [term, tf] of counts) {
        const list = this.postings.get(term);
        if (list) list.push({ doc: n, tf });
        else this.postings.set(term, [{ doc: n, tf }]);
      }
    }
  }

  /** Document ids, best first, at most `k`. */
  search(query: string, k: number): string[] {
    const { k1, b } = this.params;
    const n = this.ids.length;
    const avgdl = this.totalTerms / n;
    const weights = new Map<string, number>();
    for (const term of analyze(query)) weights.set(term, (weights.get(term) ?? 0) + 1);
    const scores = new Map<number, number>();
    for (const [term, weight] of weights) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = k1 * (1 - b + (b * (this.lengths[doc] as number)) / avgdl);
        scores.set(doc, (scores.get(doc) ?? 0) + weight * idf * (tf / (tf + norm)));
      }
    }
    return [...scores]
      .sort((x, y) => y[1] - x[1] || ((this.ids[x[0]] as string) < (this.ids[y[0]] as string) ? -1 : 1))
      .slice(0, k)
      .map(([doc]) => this.ids[doc] as string);
  }
}
