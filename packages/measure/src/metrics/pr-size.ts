import type { PrFact } from "./facts.js";
import { inWindow } from "./grouping.js";
import { IndexedValues } from "./indexed-values.js";
import { prExclusion } from "./pr-flow.js";
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
    const { names, ids } = prGroupIndex(inputs.prs, options);
    const values = new IndexedValues(names, inputs.prs.length);
    for (let i = 0; i < inputs.prs.length; i++) {
      const pr = inputs.prs[i] as PrFact;
      if (Number.isNaN(pr.merged) || !inWindow(options, pr.merged)) continue;
      const group = ids[i] as number;
      const excluded = prExclusion(pr, options) ?? (Number.isNaN(pr.size) ? "missing_size" : undefined);
      if (excluded) values.exclude(group, excluded);
      else values.add(group, pr.size);
    }
    return values.rows({ name: "pr_size", unit: "lines", definition }, 1, options.grouped);
  },
};
