import type { KbSearchHit } from "../retrieve/search.js";

/** A retrieved chunk given to the answerer, numbered from 1 in the order given. */
export interface Passage {
  n: number;
  doc_id: string;
  chunk_id: string;
  source: string;
  title: string;
  url: string | null;
  heading_path: string;
  text: string;
}

/** One citation of an answer (DESIGN: CLI contract): `n` is the marker number used in the answer. */
export interface Citation {
  n: number;
  doc_id: string;
  chunk_id: string;
  title: string;
  url: string | null;
  quote: string;
}

/**
 * Picks the passages for a question from ranked chunks: the best `max`, at most `perDocument`
 * from one document, so one long page does not crowd out the others.
 */
export function selectPassages(hits: readonly KbSearchHit[], max = 5, perDocument = 2): Passage[] {
  const perDoc = new Map<string, number>();
  const passages: Passage[] = [];
  for (const hit of hits) {
    const key = `${hit.source}\u0000${hit.doc_id}`;
    const used = perDoc.get(key) ?? 0;
    if (used >= perDocument) continue;
    perDoc.set(key, used + 1);
    passages.push({
      n: passages.length + 1,
      doc_id: hit.doc_id,
      chunk_id: hit.chunk_id,
      source: hit.source,
      title: hit.title,
      url: hit.url,
      heading_path: hit.heading_path,
      text: hit.text,
    });
    if (passages.length >= max) break;
  }
  return passages;
}
