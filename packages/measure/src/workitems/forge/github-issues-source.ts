import { GitHubClient, InputError, type Logger, silentLogger } from "@uplift/core";
import { z } from "zod";
import { loadFlowMapping } from "../mapping-store.js";
import type { WorkItemPage, WorkItemSource, WorkItemSourceContext } from "../source.js";
import type { WorkItemWithTransitions } from "../work-item-records.js";
import { type StatusEvent, transitionsOfEvents, typeOfLabels } from "./label-statuses.js";

export interface GitHubIssuesSourceOptions {
  /** "OWNER/NAME". */
  repo: string;
  /** First import only: issues updated since this instant. */
  since?: string | undefined;
  /** REST base URL (GitHub Enterprise: https://HOST/api/v3); default $GITHUB_API_URL, else api.github.com. */
  apiUrl?: string | undefined;
  token?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  fetch?: typeof fetch | undefined;
}

const user = z.object({ login: z.string() }).nullish();
const label = z.union([z.object({ name: z.string() }), z.string()]);
const issueSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  state: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullish(),
  labels: z.array(label).default([]),
  assignee: user,
  type: z.object({ name: z.string() }).nullish(),
  html_url: z.string().optional(),
  state_reason: z.string().nullish(),
  pull_request: z.unknown().optional(),
});
const timelineSchema = z.array(
  z
    .object({
      event: z.string().optional(),
      created_at: z.string().optional(),
      label: z.object({ name: z.string() }).optional(),
    })
    .passthrough(),
);

interface Cursor {
  since?: string | undefined;
}

/**
 * GitHub issues (pull requests left out) with their timeline: `closed`/`reopened` and status
 * labels ("status: In Review", or labels a mapping names as statuses) become transitions; the
 * item type is the first label a mapping names as a type (bug, enhancement, …), else the
 * issue's type, else "issue". Incremental by `updated_at` (`since`, oldest first). Projects v2
 * status fields (GraphQL) are not read yet.
 */
export function githubIssuesSource(
  options: GitHubIssuesSourceOptions,
  logger: Logger = silentLogger(),
): WorkItemSource {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(options.repo ?? "");
  if (!match) throw new InputError(`--repo ${options.repo}: expected OWNER/NAME, e.g. acme/web`);
  const [, owner, name] = match as unknown as [string, string, string];
  let client: GitHubClient | undefined;
  return {
    name: "github-issues",
    scope: options.repo,
    stats: () => client?.stats ?? { requests: 0, rate_limited_waits: 0 },
    async *pages(ctx: WorkItemSourceContext): AsyncGenerator<WorkItemPage> {
      const gh = new GitHubClient({
        token: options.token,
        baseUrl: options.apiUrl,
        env: options.env,
        logger,
        fetch: options.fetch,
        onRateLimit: (wait) =>
          ctx.onRateLimit?.({ forge: "github", resumeAt: wait.resumeAt, waitMs: wait.waitMs, url: wait.url }),
      });
      client = gh;
      const mapping = await loadFlowMapping(ctx.store);
      const cursor = (ctx.cursor as Cursor | undefined) ?? {};
      const mark = cursor.since ?? options.since;
      let latest = cursor.since;
      let page = await gh.get(
        "GET /repos/{owner}/{repo}/issues",
        {
          owner,
          repo: name,
          state: "all",
          sort: "updated",
          direction: "asc",
          per_page: 100,
          // one second of overlap: `since` rounds to seconds; re-reading is idempotent
          ...(mark ? { since: new Date(Date.parse(mark) - 1000).toISOString() } : {}),
        },
        z.array(issueSchema),
        { notFound: `GitHub repository ${options.repo} not found or no access` },
      );
      for (;;) {
        const items: WorkItemWithTransitions[] = [];
        for (const issue of page.data) {
          if (issue.pull_request !== undefined) continue;
          const events: StatusEvent[] = [];
          let timeline = await gh.get(
            "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline",
            { owner, repo: name, issue_number: issue.number, per_page: 100 },
            timelineSchema,
          );
          for (;;) {
            for (const e of timeline.data)
              if (
                e.created_at &&
                (e.event === "closed" ||
                  e.event === "reopened" ||
                  e.event === "labeled" ||
                  e.event === "unlabeled")
              )
                events.push({ at: e.created_at, kind: e.event, label: e.label?.name });
            if (!timeline.next) break;
            timeline = await gh.getUrl(timeline.next, timelineSchema);
          }
          const id = `github:${options.repo}#${issue.number}`;
          const labels = issue.labels.map((l) => (typeof l === "string" ? l : l.name));
          const transitions = transitionsOfEvents(id, events, mapping);
          items.push({
            item: {
              id,
              source: "github",
              type: typeOfLabels(labels, mapping, issue.type?.name),
              created_at: new Date(issue.created_at).toISOString(),
              ...(issue.state === "closed" && issue.closed_at
                ? { resolved_at: new Date(issue.closed_at).toISOString() }
                : {}),
              status: transitions.at(-1)?.to ?? issue.state,
              ...(issue.assignee ? { assignee: issue.assignee.login } : {}),
              project: options.repo,
              title: issue.title,
              linked_prs: [],
              attributes: {
                number: issue.number,
                labels,
                updated_at: issue.updated_at,
                ...(issue.html_url ? { url: issue.html_url } : {}),
                ...(issue.state_reason ? { state_reason: issue.state_reason } : {}),
              },
            },
            transitions,
          });
        }
        for (const issue of page.data)
          if (!latest || Date.parse(issue.updated_at) > Date.parse(latest))
            latest = new Date(issue.updated_at).toISOString();
        yield { items, cursor: { since: latest } satisfies Cursor };
        if (!page.next) return;
        page = await gh.getUrl(page.next, z.array(issueSchema));
      }
    },
  };
}
