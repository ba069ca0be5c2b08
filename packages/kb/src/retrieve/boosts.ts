import { contentTerms, termCoverage } from "./terms.js";

/** Weights of the title and heading boosts (docs/kb.md); 0 turns a boost off. */
export interface FieldBoosts {
  title: number;
  heading: number;
}

export const DEFAULT_FIELD_BOOSTS: Readonly<FieldBoosts> = { title: 0.2, heading: 0.1 };

/**
 * Multiplier of a hit's score: 1 + title × (share of query terms in the title) + heading ×
 * (share in the heading path). Applied to the candidate list before the top-k cut; BM25 alone
 * already sees title and headings once (they prefix the indexed text), the boost says that a
 * match there weighs more than one in the body.
 */
export function fieldBoost(
  queryTerms: ReadonlySet<string>,
  title: string,
  headingPath: string,
  boosts: FieldBoosts = DEFAULT_FIELD_BOOSTS,
): number {
  if (queryTerms.size === 0) return 1;
  const titleCoverage = boosts.title ? termCoverage(queryTerms, new Set(contentTerms(title))) : 0;
  const headingCoverage =
    boosts.heading && headingPath ? termCoverage(queryTerms, new Set(contentTerms(headingPath))) : 0;
  return 1 + boosts.title * titleCoverage + boosts.heading * headingCoverage;
}
