import { inWindow } from "./grouping.js";
import { IndexedValues } from "./indexed-values.js";
import { prColumns } from "./pr-columns.js";
import { prFlagsExclusion } from "./pr-flow.js";
import { prGroupIndex } from "./pr-groups.js";
import type { MetricDefinition } from "./types.js";

const definition =
  "Lines changed per merged PR: additions + deletions. value = median, with n, p75, p90, mean and mean_log " +
  "(ln, sizes under 1 line count as 1). Population as PR-flow metrics (merged in the window, no bots or drafts); " +
  "a PR without additions or deletions is excluded as missing_size.";

/** pr_size: additions + deletions of each merged PR. */
export const prSize: MetricDefinition = {
  name: "pr_size",
  unit: "lines",
  definition,
  groupable: ["author", "team", "repo", "week", "arm"],
  compute(inputs, options) {
    const prs = prColumns(inputs.prs);
    const { names, ids } = prGroupIndex(prs, options);
    const values = new IndexedValues(names, prs.length);
    const { merged, size, flags } = prs;
    for (let i = 0; i < prs.length; i++) {
      const mergedAt = merged[i] as number;
      if (Number.isNaN(mergedAt) || !inWindow(options, mergedAt)) continue;
      const group = ids[i] as number;
      const lines = size[i] as number;
      const excluded =
        prFlagsExclusion(flags[i] as number, options) ?? (Number.isNaN(lines) ? "missing_size" : undefined);
      if (excluded) values.exclude(group, excluded);
      else values.add(group, lines);
    }
    return values.rows({ name: "pr_size", unit: "lines", definition }, 1, options.grouped);
  },
};
