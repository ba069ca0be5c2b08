import { z } from "zod";

const instant = z.iso.datetime({ offset: true });

/**
 * A work item (Jira issue, GitHub/GitLab issue, a CSV row): the record every WorkItemSource
 * produces and the Flow metrics read. `type` and `status` are the source's own names; they are
 * mapped to Flow item types and Flow states when read (flow-mapping.ts), so a corrected mapping
 * fixes old records too. Extra source fields go to `attributes`, never dropped.
 */
export const workItemSchema = z.object({
  /** Unique per source, e.g. "jira:PROJ-12", "github:acme/web#7", "gitlab:grp/api#3", or the CSV id. */
  id: z.string().min(1),
  source: z.string().min(1).default("csv"),
  /** The source's item type ("Story", "Bug", a label "bug"). */
  type: z.string().min(1),
  created_at: instant,
  /** When the item was resolved (done); absent while it is open. */
  resolved_at: instant.optional(),
  /** The current status in the source ("In Progress"). */
  status: z.string().min(1).optional(),
  /** Canonical developer login (resolved through identities when read). */
  assignee: z.string().min(1).optional(),
  /** The team named by the source (overrides the assignee's team from `developers`). */
  team: z.string().min(1).optional(),
  /** Jira project key, GitHub/GitLab repository (`--group-by repo`). */
  project: z.string().min(1).optional(),
  title: z.string().default(""),
  story_points: z.number().nonnegative().optional(),
  sprint: z.string().optional(),
  /** PR ids this item is linked to (development info, keys in branches, commits, PR titles). */
  linked_prs: z.array(z.string().min(1)).default([]),
  attributes: z.record(z.string(), z.unknown()).default({}),
});
export type WorkItem = z.output<typeof workItemSchema>;

/** A status change of one work item (`item_id,at,from,to`); `from` is empty for the first status. */
export const transitionSchema = z.object({
  item_id: z.string().min(1),
  at: instant,
  from: z.string().default(""),
  to: z.string().min(1),
});
export type Transition = z.output<typeof transitionSchema>;

/** One item with its transitions in time order, as a source yields it. */
export interface WorkItemWithTransitions {
  item: WorkItem;
  transitions: Transition[];
}
