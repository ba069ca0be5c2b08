import { InputError } from "@uplift/core";
import { analyzeGitQuality, type GitQualityResult } from "@uplift/measure";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export interface QualityGitFlags {
  path?: string;
  repo?: string;
  branch?: string;
  windowDays?: string;
}

/**
 * `uplift measure quality git --path REPO [--repo NAME] [--branch B] [--window-days 21]`: line
 * rework and reverts over the branch's whole history, replacing the repository's quality rows.
 */
export async function qualityGitCommand(global: GlobalOptions, options: QualityGitFlags, _args: string[]) {
  if (!options.path) throw new InputError("--path REPO is required: the local clone to analyse");
  const path = options.path;
  const windowDays = options.windowDays === undefined ? undefined : Number(options.windowDays);
  if (windowDays !== undefined && !(Number.isInteger(windowDays) && windowDays > 0))
    throw new InputError(`--window-days ${options.windowDays}: expected a whole number of days > 0`);
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const result = await analyzeGitQuality(store, {
      path,
      repo: options.repo,
      branch: options.branch,
      windowDays,
      logger: ctx.logger,
    });
    ctx.print(toJson(result), render);
  });
}

function toJson(result: GitQualityResult) {
  return {
    repo: result.repo,
    branch: result.branch,
    commits: result.commits,
    landings: result.landings,
    window_days: result.windowDays,
    lines_added: result.linesAdded,
    lines_reworked: result.linesReworked,
    rework_rate: result.linesAdded > 0 ? result.linesReworked / result.linesAdded : null,
    landings_window_open: result.landingsWindowOpen,
    reverts: {
      found: result.reverts.found,
      linked: result.reverts.linked,
      linked_to_prs: result.reverts.linkedToPrs,
      not_in_history: result.reverts.notInHistory,
      same_landing: result.reverts.sameLanding,
      not_in_history_examples: result.reverts.notInHistoryExamples,
    },
    duration_ms: result.durationMs,
  };
}

function render(out: ReturnType<typeof toJson>): string {
  const rate = out.rework_rate === null ? "—" : `${(out.rework_rate * 100).toFixed(1)} %`;
  const r = out.reverts;
  const lines = [
    `${out.repo} (${out.branch}): ${out.commits} commits, ${out.landings} landings analysed in ${(out.duration_ms / 1000).toFixed(1)} s`,
    `  rework (${out.window_days} days): ${out.lines_reworked} of ${out.lines_added} added lines (${rate}); ${out.landings_window_open} landings' windows still open`,
    `  reverts: ${r.found} found, ${r.linked} linked to a landing (${r.linked_to_prs} to known PRs), ${r.same_landing} within one landing, ${r.not_in_history} pointing at commits not in the history`,
  ];
  for (const example of r.not_in_history_examples.slice(0, 5))
    lines.push(`    ${example.revert.slice(0, 12)} reverts ${example.reverted}: not in the history`);
  return lines.join("\n");
}
