import { countExclusion, type Exclusions, inWindow } from "./grouping.js";
import { prColumns } from "./pr-columns.js";
import { prFlagsExclusion } from "./pr-flow.js";
import { prGroupIndex } from "./pr-groups.js";
import { ALL_GROUP, type MetricDefinition, type MetricRow } from "./types.js";
import { effectivePeriod, weekBounds, weeksIn } from "./window-span.js";

const definition =
  "Merged PRs per developer-week: merged PRs / (developers × weeks). Developers = distinct canonical authors " +
  "with ≥ 1 merged PR in the group; weeks = ISO weeks (UTC) touched by the window (--from/--to, else first to last " +
  "merge in the data), 1 under --group-by week. Bots and drafts excluded as in PR-flow metrics. n = merged PRs.";

/** Shared by every row that excluded nothing (an author-week report has hundreds of thousands). */
const NONE_EXCLUDED: Exclusions = Object.freeze({}) as Exclusions;

/** prs_per_developer_week: throughput per active developer and week. */
export const prsPerDeveloperWeek: MetricDefinition = {
  name: "prs_per_developer_week",
  unit: "prs/developer-week",
  definition,
  groupable: ["author", "team", "repo", "week", "arm"],
  compute(inputs, options) {
    const prs = prColumns(inputs.prs);
    const { names, ids } = prGroupIndex(prs, options);
    const groupCount = names.length;
    const count = new Int32Array(groupCount);
    // the group's first merge (its week under --group-by week); NaN: the group has no row
    const anchor = new Float64Array(groupCount).fill(Number.NaN);
    const excluded: (Exclusions | undefined)[] = new Array(groupCount);
    // distinct developers per group (by author number: the authors are distinct logins): the
    // first one, and a set only once a second one appears
    const firstAuthor = new Int32Array(groupCount).fill(-1);
    const moreAuthors = new Map<number, Set<number>>();
    let minMerged = Number.POSITIVE_INFINITY;
    let maxMerged = Number.NEGATIVE_INFINITY;
    const { merged, author: authorOf, flags } = prs;
    for (let i = 0; i < prs.length; i++) {
      const mergedAt = merged[i] as number;
      if (Number.isNaN(mergedAt) || !inWindow(options, mergedAt)) continue;
      const group = ids[i] as number;
      if (group < 0) continue; // no group (e.g. outside the experiment under arm): no row
      if (Number.isNaN(anchor[group] as number)) anchor[group] = mergedAt;
      const reason = prFlagsExclusion(flags[i] as number, options);
      if (reason) {
        let counts = excluded[group];
        if (counts === undefined) {
          counts = {};
          excluded[group] = counts;
        }
        countExclusion(counts, reason);
        continue;
      }
      count[group] = (count[group] as number) + 1;
      const author = authorOf[i] as number;
      const first = firstAuthor[group] as number;
      if (first < 0) firstAuthor[group] = author;
      else if (first !== author) {
        let set = moreAuthors.get(group);
        if (set === undefined) {
          set = new Set([first]);
          moreAuthors.set(group, set);
        }
        set.add(author);
      }
      if (mergedAt < minMerged) minMerged = mergedAt;
      if (mergedAt > maxMerged) maxMerged = mergedAt;
    }
    // the period depends on the first and last merge only
    const period = effectivePeriod(
      options.fromMs,
      options.toMs,
      minMerged <= maxMerged ? [minMerged, maxMerged] : [],
    );
    const rows: MetricRow[] = [];
    const row = (group: string, n: number, developers: number, first: number, excludedHere: Exclusions) => {
      let weeks = period ? weeksIn(period[0], period[1]) : 0;
      if (options.byWeek) {
        const [start, end] = weekBounds(first);
        weeks = period ? weeksIn(Math.max(start, period[0]), Math.min(end, period[1])) : 1;
      }
      const developerWeeks = developers * weeks;
      rows.push({
        name: "prs_per_developer_week",
        group,
        value: developerWeeks > 0 ? n / developerWeeks : null,
        unit: "prs/developer-week",
        n,
        developers,
        weeks,
        excluded: excludedHere,
        definition,
      });
    };
    for (let g = 0; g < groupCount; g++) {
      const first = anchor[g] as number;
      if (Number.isNaN(first)) continue;
      const developers = moreAuthors.get(g)?.size ?? ((firstAuthor[g] as number) < 0 ? 0 : 1);
      row(names[g] as string, count[g] as number, developers, first, excluded[g] ?? NONE_EXCLUDED);
    }
    if (!options.grouped && rows.length === 0) row(ALL_GROUP, 0, 0, Number.NaN, NONE_EXCLUDED);
    return rows;
  },
};
