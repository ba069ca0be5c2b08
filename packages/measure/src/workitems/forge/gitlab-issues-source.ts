import { GitLabClient, InputError, type Logger, silentLogger } from "@uplift/core";
import { z } from "zod";
import { loadFlowMapping } from "../mapping-store.js";
import type { WorkItemPage, WorkItemSource, WorkItemSourceContext } from "../source.js";
import type { WorkItemWithTransitions } from "../work-item-records.js";
import { type StatusEvent, transitionsOfEvents, typeOfLabels } from "./label-statuses.js";

export interface GitLabIssuesSourceOptions {
  /** "group/name" (or a numeric project id). */
  project: string;
  /** First import only: issues updated since this instant. */
  since?: string | undefined;
  /** Instance URL for self-managed GitLab; default $GITLAB_API_URL, else gitlab.com. */
  apiUrl?: string | undefined;
  token?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  fetch?: typeof fetch | undefined;
  retryBaseMs?: number | undefined;
}

const issueSchema = z.object({
  iid: z.number().int(),
  title: z.string(),
  state: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullish(),
  labels: z.array(z.string()).default([]),
  assignee: z.object({ username: z.string() }).nullish(),
  issue_type: z.string().optional(),
  web_url: z.string().optional(),
});
const stateEvent = z.object({ created_at: z.string(), state: z.string() });
const labelEvent = z.object({
  created_at: z.string(),
  action: z.string(),
  label: z.object({ name: z.string() }).nullish(),
});

interface Cursor {
  since?: string | undefined;
}

/**
 * GitLab issues with their resource state events (closed, reopened) and resource label events
 * (status labels: "workflow::In Review", "status: blocked", or labels a mapping names as
 * statuses) as transitions; the item type is the first label a mapping names as a type, else
 * the issue type ("issue", "incident"). Incremental by `updated_at` (`updated_after`, oldest first).
 */
export function gitlabIssuesSource(
  options: GitLabIssuesSourceOptions,
  logger: Logger = silentLogger(),
): WorkItemSource {
  if (!options.project?.trim()) throw new InputError("--project: give the project, e.g. platform/api");
  const project = options.project.trim();
  const base = `/projects/${encodeURIComponent(project)}`;
  let client: GitLabClient | undefined;
  return {
    name: "gitlab-issues",
    scope: project,
    stats: () => client?.stats ?? { requests: 0, rate_limited_waits: 0 },
    async *pages(ctx: WorkItemSourceContext): AsyncGenerator<WorkItemPage> {
      const gl = new GitLabClient({
        token: options.token,
        baseUrl: options.apiUrl,
        env: options.env,
        logger,
        fetch: options.fetch,
        ...(options.retryBaseMs === undefined ? {} : { retryBaseMs: options.retryBaseMs }),
        onRateLimit: (wait) =>
          ctx.onRateLimit?.({ forge: "gitlab", resumeAt: wait.resumeAt, waitMs: wait.waitMs, url: wait.url }),
      });
      client = gl;
      const mapping = await loadFlowMapping(ctx.store);
      const cursor = (ctx.cursor as Cursor | undefined) ?? {};
      const mark = cursor.since ?? options.since;
      let latest = cursor.since;
      const all = async <T>(path: string, item: z.ZodType<T>): Promise<T[]> => {
        const out: T[] = [];
        for await (const page of gl.pages(path, {}, item)) out.push(...page.data);
        return out;
      };
      for await (const page of gl.pages(
        `${base}/issues`,
        {
          scope: "all",
          order_by: "updated_at",
          sort: "asc",
          ...(mark ? { updated_after: new Date(Date.parse(mark) - 1000).toISOString() } : {}),
        },
        issueSchema,
        { notFound: `GitLab project ${project} not found or no access` },
      )) {
        const items: WorkItemWithTransitions[] = [];
        for (const issue of page.data) {
          const events: StatusEvent[] = [];
          for (const e of await all(`${base}/issues/${issue.iid}/resource_state_events`, stateEvent))
            if (e.state === "closed" || e.state === "reopened")
              events.push({ at: e.created_at, kind: e.state });
          for (const e of await all(`${base}/issues/${issue.iid}/resource_label_events`, labelEvent))
            if (e.label)
              events.push({
                at: e.created_at,
                kind: e.action === "remove" ? "unlabeled" : "labeled",
                label: e.label.name,
              });
          const id = `gitlab:${project}#${issue.iid}`;
          const transitions = transitionsOfEvents(id, events, mapping);
          items.push({
            item: {
              id,
              source: "gitlab",
              type: typeOfLabels(issue.labels, mapping, issue.issue_type),
              created_at: new Date(issue.created_at).toISOString(),
              ...(issue.state === "closed" && issue.closed_at
                ? { resolved_at: new Date(issue.closed_at).toISOString() }
                : {}),
              status: transitions.at(-1)?.to ?? (issue.state === "closed" ? "closed" : "open"),
              ...(issue.assignee ? { assignee: issue.assignee.username } : {}),
              project,
              title: issue.title,
              linked_prs: [],
              attributes: {
                iid: issue.iid,
                labels: issue.labels,
                updated_at: issue.updated_at,
                ...(issue.web_url ? { url: issue.web_url } : {}),
              },
            },
            transitions,
          });
          if (!latest || Date.parse(issue.updated_at) > Date.parse(latest))
            latest = new Date(issue.updated_at).toISOString();
        }
        yield { items, cursor: { since: latest } satisfies Cursor };
      }
    },
  };
}
