import { contentTerms } from "../retrieve/terms.js";

/**
 * Questions sharing at least this Jaccard overlap of content terms with a cluster's seed join it.
 * Above 0.5 so that two three-term questions differing in one term ("rotate svc1 password",
 * "rotate svc2 password": 2/4) stay apart, while an added or dropped term (3/4, 2/3) joins.
 */
export const CLUSTER_MIN_OVERLAP = 0.6;

/** A question's normal form: its distinct content terms (lower-case, stop words dropped, stemmed), sorted. */
export function normalizeQuestion(question: string): string[] {
  return [...new Set(contentTerms(question))].sort();
}

export interface QuestionCluster<T> {
  /** Terms of the cluster's first (most frequent) question form. */
  terms: string[];
  members: T[];
}

/**
 * Groups questions that ask the same thing in other words: normal forms are visited from the most
 * to the least frequent, and each joins the first cluster whose seed terms it overlaps by at least
 * `minOverlap` (Jaccard), else seeds a new one. Deterministic for the same input; an inverted index
 * from terms to clusters keeps it near-linear in the number of distinct forms.
 */
export function clusterQuestions<T>(
  items: readonly T[],
  question: (item: T) => string,
  minOverlap = CLUSTER_MIN_OVERLAP,
): QuestionCluster<T>[] {
  const forms = new Map<string, { terms: string[]; members: T[] }>();
  const normalized = new Map<string, string[]>();
  for (const item of items) {
    const text = question(item);
    const terms = normalized.get(text) ?? normalizeQuestion(text);
    normalized.set(text, terms);
    if (terms.length === 0) continue;
    const key = terms.join(" ");
    const form = forms.get(key) ?? { terms, members: [] };
    form.members.push(item);
    forms.set(key, form);
  }
  const ordered = [...forms.entries()].sort(
    ([keyA, a], [keyB, b]) => b.members.length - a.members.length || (keyA < keyB ? -1 : 1),
  );
  const clusters: QuestionCluster<T>[] = [];
  const byTerm = new Map<string, number[]>();
  for (const [, form] of ordered) {
    const home = firstOverlapping(form.terms, clusters, byTerm, minOverlap);
    if (home !== undefined) {
      (clusters[home] as QuestionCluster<T>).members.push(...form.members);
      continue;
    }
    clusters.push({ terms: form.terms, members: [...form.members] });
    for (const term of form.terms) {
      const postings = byTerm.get(term);
      if (postings) postings.push(clusters.length - 1);
      else byTerm.set(term, [clusters.length - 1]);
    }
  }
  return clusters;
}

/**
 * The lowest-numbered cluster whose seed overlaps `terms` by Jaccard ≥ `minOverlap`: shared terms
 * are counted from the term → clusters postings, so no set is built per candidate.
 */
function firstOverlapping<T>(
  terms: readonly string[],
  clusters: readonly QuestionCluster<T>[],
  byTerm: ReadonlyMap<string, number[]>,
  minOverlap: number,
): number | undefined {
  const shared = new Map<number, number>();
  for (const term of terms)
    for (const at of byTerm.get(term) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
  let home: number | undefined;
  for (const [at, n] of shared) {
    const seed = (clusters[at] as QuestionCluster<T>).terms.length;
    if ((home === undefined || at < home) && n / (terms.length + seed - n) >= minOverlap) home = at;
  }
  return home;
}
