import type { WorkItemFact } from "./flow-facts.js";
import { groupOf } from "./grouping.js";
import type { GroupBy, ResolvedOptions } from "./types.js";

/** Flow metrics split by every `--group-by` key: author = assignee, repo = project. */
export const FLOW_GROUPABLE: readonly GroupBy[] = ["author", "team", "repo", "week", "arm"];

/**
 * The group of a work item's value anchored at `anchorMs` (its done time, or a week of WIP):
 * author is the assignee, team the item's own team when the source names one (else the
 * assignee's), repo the project, arm the assignee's experiment arm.
 */
export function flowGrouping(
  options: ResolvedOptions,
): (item: WorkItemFact, anchorMs: number) => string | undefined {
  let team: string | undefined;
  const itemOptions: ResolvedOptions = { ...options, teamOf: (login) => team ?? options.teamOf(login) };
  const subject = { login: "", repo: "" };
  return (item, anchorMs) => {
    team = item.team;
    subject.login = item.assignee;
    subject.repo = item.project;
    return groupOf(itemOptions, subject, anchorMs);
  };
}
