import { countExclusion, type Exclusions, inWindow, sortedGroups } from "./grouping.js";
import { prExclusion } from "./pr-flow.js";
import { prGroups } from "./pr-groups.js";
import { ALL_GROUP, type MetricDefinition, type MetricRow } from "./types.js";
import { effectivePeriod, weekBounds, weeksIn } from "./window-span.js";

const definition =
  "Merged PRs per developer-week: merged PRs / (developers × weeks). Developers = distinct canonical authors " +
  "with ≥ 1 merged PR in the group; weeks = ISO weeks (UTC) touched by the window (--from/--to, else first to last " +
  "merge in the data), 1 under --group-by week. Bots and drafts excluded as in PR-flow metrics. n = merged PRs.";

/** prs_per_developer_week: throughput per active developer and week. */
export const prsPerDeveloperWeek: MetricDefinition = {
  name: "prs_per_developer_week",
  unit: "prs/developer-week",
  definition,
  groupable: ["author", "team", "repo", "week", "arm"],
  compute(inputs, options) {
    const groups = new Map<
      string,
      { prs: number; developers: Set<string>; excluded: Exclusions; anchor: number }
    >();
    const ungrouped: Exclusions = {};
    const anchors: number[] = [];
    const prGroupNames = prGroups(inputs.prs, options);
    for (const [i, pr] of inputs.prs.entries()) {
      if (Number.isNaN(pr.merged) || !inWindow(options, pr.merged)) continue;
      const group = prGroupNames[i];
      if (group === undefined) {
        countExclusion(ungrouped, "no_group");
        continue;
      }
      let entry = groups.get(group);
      if (!entry) {
        entry = { prs: 0, developers: new Set(), excluded: {}, anchor: pr.merged };
        groups.set(group, entry);
      }
      const excluded = prExclusion(pr, options);
      if (excluded) {
        countExclusion(entry.excluded, excluded);
        continue;
      }
      entry.prs++;
      entry.developers.add(pr.author);
      anchors.push(pr.merged);
    }
    if (!options.grouped && !groups.has(ALL_GROUP))
      groups.set(ALL_GROUP, { prs: 0, developers: new Set(), excluded: {}, anchor: Number.NaN });
    const period = effectivePeriod(options.fromMs, options.toMs, anchors);
    return sortedGroups(groups).map(([group, entry]): MetricRow => {
      let weeks = period ? weeksIn(period[0], period[1]) : 0;
      if (options.byWeek) {
        const [start, end] = weekBounds(entry.anchor);
        weeks = period ? weeksIn(Math.max(start, period[0]), Math.min(end, period[1])) : 1;
      }
      const developerWeeks = entry.developers.size * weeks;
      return {
        name: "prs_per_developer_week",
        group,
        value: developerWeeks > 0 ? entry.prs / developerWeeks : null,
        unit: "prs/developer-week",
        n: entry.prs,
        developers: entry.developers.size,
        weeks,
        excluded: entry.excluded,
        definition,
      };
    });
  },
};
