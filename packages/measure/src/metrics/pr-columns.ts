import type { PrFact } from "./facts.js";

/** Bits of `PrColumns.flags`. */
export const PR_DRAFT = 1;
export const PR_BOT = 2;

/**
 * Pull requests as columns, one typed array per field (what the loader builds): a report over
 * 1M PRs reads them without 1M objects to allocate and collect, and groups them through the
 * author and repository numbers instead of hashing their names.
 */
export interface PrColumns {
  readonly length: number;
  /** PR ids (the drill-down); undefined when loaded without them. */
  readonly id: readonly string[] | undefined;
  /** Distinct canonical author logins; `author[i]` indexes them. */
  readonly authors: readonly string[];
  readonly author: Int32Array;
  /** Distinct repositories; `repo[i]` indexes them (undefined: loaded without, see `LoadWindow.withRepos`). */
  readonly repos: readonly string[];
  readonly repo: Int32Array | undefined;
  /** Epoch ms, NaN when absent (as `PrFact`). */
  readonly created: Float64Array;
  readonly merged: Float64Array;
  readonly firstCommit: Float64Array;
  readonly firstReview: Float64Array;
  /** additions + deletions; NaN when either is unknown. */
  readonly size: Float64Array;
  /** `PR_DRAFT | PR_BOT`. */
  readonly flags: Uint8Array;
}

/** PRs as metrics take them: objects (tests, simulations) or the loader's columns. */
export type PrInput = readonly PrFact[] | PrColumns;

/**
 * Numbers each distinct name in order of first appearance (a column's dictionary, a group key's
 * labels); −1 for undefined (no value).
 */
export class Dictionary {
  readonly names: string[] = [];
  readonly #numbers = new Map<string, number>();

  numberOf(name: string | undefined): number {
    if (name === undefined) return -1;
    let number = this.#numbers.get(name);
    if (number === undefined) {
      number = this.names.length;
      this.names.push(name);
      this.#numbers.set(name, number);
    }
    return number;
  }
}

const converted = new WeakMap<readonly PrFact[], PrColumns>();

/** The PRs as columns; objects are converted once (and remembered while the array lives). */
export function prColumns(prs: PrInput): PrColumns {
  if (!Array.isArray(prs)) return prs as PrColumns;
  const facts = prs as readonly PrFact[];
  let columns = converted.get(facts);
  if (columns === undefined) {
    columns = columnsOf(facts);
    converted.set(facts, columns);
  }
  return columns;
}

function columnsOf(prs: readonly PrFact[]): PrColumns {
  const n = prs.length;
  const authors = new Dictionary();
  const repos = new Dictionary();
  const columns = {
    length: n,
    id: prs.map((pr) => pr.id),
    authors: authors.names,
    author: new Int32Array(n),
    repos: repos.names,
    repo: new Int32Array(n),
    created: new Float64Array(n),
    merged: new Float64Array(n),
    firstCommit: new Float64Array(n),
    firstReview: new Float64Array(n),
    size: new Float64Array(n),
    flags: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const pr = prs[i] as PrFact;
    columns.author[i] = authors.numberOf(pr.author);
    (columns.repo as Int32Array)[i] = repos.numberOf(pr.repo);
    columns.created[i] = pr.created;
    columns.merged[i] = pr.merged;
    columns.firstCommit[i] = pr.firstCommit;
    columns.firstReview[i] = pr.firstReview;
    columns.size[i] = pr.size;
    columns.flags[i] = (pr.draft ? PR_DRAFT : 0) | (pr.bot ? PR_BOT : 0);
  }
  return columns;
}

/** PR `i` as an object (the drill-down and tests; metrics read the columns). */
export function prFactAt(prs: PrColumns, i: number): PrFact {
  const flags = prs.flags[i] as number;
  return {
    id: prs.id?.[i] ?? "",
    repo: prs.repo === undefined ? "" : (prs.repos[prs.repo[i] as number] as string),
    author: prs.authors[prs.author[i] as number] as string,
    created: prs.created[i] as number,
    merged: prs.merged[i] as number,
    firstCommit: prs.firstCommit[i] as number,
    firstReview: prs.firstReview[i] as number,
    size: prs.size[i] as number,
    draft: (flags & PR_DRAFT) !== 0,
    bot: (flags & PR_BOT) !== 0,
  };
}

/** Every PR as an object, in order. */
export function prFactsOf(prs: PrInput): PrFact[] {
  if (Array.isArray(prs)) return [...(prs as readonly PrFact[])];
  const columns = prs as PrColumns;
  return Array.from({ length: columns.length }, (_, i) => prFactAt(columns, i));
}
