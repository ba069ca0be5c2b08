import type { PrFact } from "./facts.js";
import { type GroupIndex, groupIndexOfValues, type KeyValues, ungrouped } from "./group-index.js";
import { NO_ARM, NO_TEAM } from "./grouping.js";
import { isoWeek } from "./iso-week.js";
import { Dictionary, type PrColumns, type PrInput, prColumns } from "./pr-columns.js";
import type { GroupBy, ResolvedOptions } from "./types.js";

export type { GroupIndex } from "./group-index.js";

const cache = new WeakMap<PrColumns, WeakMap<ResolvedOptions, GroupIndex>>();

const DAY_MS = 86_400_000;

/** The anchor of a PR in PR metrics: merged, else created (only for counting `not_merged`). */
export function prAnchor(pr: PrFact): number {
  return Number.isNaN(pr.merged) ? pr.created : pr.merged;
}

/** `prAnchor` of PR `i` of the columns. */
export function prAnchorAt(prs: PrColumns, i: number): number {
  const merged = prs.merged[i] as number;
  return Number.isNaN(merged) ? (prs.created[i] as number) : merged;
}

/**
 * Each PR's group, computed once per report and shared by the seven PR metrics, which all anchor a
 * PR at its merge. Groups are numbered through each key's distinct values (per author, repository
 * or week, not per PR), so a composite group's name ("ann|2025-W10") is built once per group (an
 * author-week report has 1M PRs in 300k groups), and the metrics tally into typed arrays indexed
 * by group. Same groups as `groupOf`.
 */
export function prGroupIndex(input: PrInput, options: ResolvedOptions): GroupIndex {
  const prs = prColumns(input);
  let byOptions = cache.get(prs);
  if (!byOptions) {
    byOptions = new WeakMap();
    cache.set(prs, byOptions);
  }
  let index = byOptions.get(options);
  if (!index) {
    index =
      options.groupBy.length === 0
        ? ungrouped(prs.length)
        : groupIndexOfValues(
            prs.length,
            options.groupBy.map((key) => keyValues(prs, key, options)),
          );
    byOptions.set(options, index);
  }
  return index;
}

/** One key's value for every PR, through its author or repository number, or its week. */
function keyValues(prs: PrColumns, key: GroupBy, options: ResolvedOptions): KeyValues {
  const numbers = new Dictionary();
  const values = new Int32Array(prs.length);
  if (key === "week") {
    // one label per Monday-to-Sunday week (ISO weeks start on Monday; 1970-01-01 was a Thursday)
    const byWeek = new Map<number, number>();
    for (let i = 0; i < prs.length; i++) {
      const anchor = prAnchorAt(prs, i);
      const week = Math.floor((Math.floor(anchor / DAY_MS) + 3) / 7);
      let value = byWeek.get(week);
      if (value === undefined) {
        value = numbers.numberOf(isoWeek(anchor));
        byWeek.set(week, value);
      }
      values[i] = value;
    }
    return { values, labels: numbers.names };
  }
  const byRepo = key === "repo";
  const names = byRepo ? prs.repos : prs.authors;
  const valueOfName = new Int32Array(names.length);
  for (const [at, name] of names.entries()) valueOfName[at] = numbers.numberOf(labelOf(key, name, options));
  const column = byRepo ? prs.repo : prs.author;
  if (column === undefined) throw new Error("PRs loaded without repositories cannot be grouped by repo");
  for (let i = 0; i < prs.length; i++) values[i] = valueOfName[column[i] as number] as number;
  return { values, labels: numbers.names };
}

/** A key's label for an author's login (or a repository), as `groupValue` gives it. */
function labelOf(key: Exclude<GroupBy, "week">, name: string, options: ResolvedOptions): string {
  switch (key) {
    case "author":
    case "repo":
      return name;
    case "team":
      return options.teamOf(name) ?? NO_TEAM;
    case "arm":
      return options.armOf(name) ?? NO_ARM;
  }
}
