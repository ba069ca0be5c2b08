import { GitHubClient, InputError, type Logger, silentLogger } from "@uplift/core";
import { z } from "zod";
import { loadFlowMapping } from "../mapping-store.js";
import type { WorkItemPage, WorkItemSource, WorkItemSourceContext } from "../source.js";
import type { WorkItemWithTransitions } from "../work-item-records.js";
import { githubItemId, issueSchema, readIssueItem } from "./github-issue-item.js";
import { readProjectBoard } from "./github-project-board.js";
import {
  BOARD_HISTORY_KEY,
  boardHistoryOf,
  loadStoredWorkItems,
  mergeStatusChanges,
  type StoredWorkItem,
} from "./project-statuses.js";

export interface GitHubIssuesSourceOptions {
  /** "OWNER/NAME"; optional with `project` (then every issue on the board, whatever its repository). */
  repo?: string | undefined;
  /** First import only: issues updated since this instant. */
  since?: string | undefined;
  /** Projects v2 board number: its "Status" values become transitions (GraphQL). */
  project?: number | undefined;
  /** The organisation or user owning the board (default: the owner of `repo`). */
  projectOwner?: string | undefined;
  /** REST base URL (GitHub Enterprise: https://HOST/api/v3); default $GITHUB_API_URL, else api.github.com. */
  apiUrl?: string | undefined;
  token?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  fetch?: typeof fetch | undefined;
}

interface Cursor {
  since?: string | undefined;
}

/**
 * GitHub issues (pull requests left out) with their timeline: `closed`/`reopened` and status
 * labels ("status: In Review", or labels a mapping names as statuses) become transitions; the
 * item type is the first label a mapping names as a type (bug, enhancement, …), else the
 * issue's type, else "issue". Incremental by `updated_at` (`since`, oldest first).
 *
 * With `project`, the Projects v2 board is read too (GraphQL): an issue whose "Status" value
 * differs from the last one recorded gets a transition to it, dated when the value was set. The
 * API has no history of field values, so the history is what imports saw; it is kept in the
 * item's `attributes.project_status_history` and merged with the timeline on every import.
 */
export function githubIssuesSource(
  options: GitHubIssuesSourceOptions,
  logger: Logger = silentLogger(),
): WorkItemSource {
  const repo = options.repo;
  const match = repo === undefined ? undefined : /^([^/\s]+)\/([^/\s]+)$/.exec(repo);
  if (repo !== undefined && !match)
    throw new InputError(`--repo ${repo}: expected OWNER/NAME, e.g. acme/web`);
  const project = options.project;
  if (project !== undefined && (!Number.isInteger(project) || project < 1))
    throw new InputError(`--project ${project}: expected a project number (from its URL …/projects/N)`);
  if (repo === undefined && (project === undefined || !options.projectOwner))
    throw new InputError("give --repo OWNER/NAME, or --project-owner ORG with --project N");
  const projectOwner = options.projectOwner ?? match?.[1];
  let client: GitHubClient | undefined;
  return {
    name: "github-issues",
    scope: repo ?? `${projectOwner}/projects/${project}`,
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
      let latest = cursor.since;
      if (repo !== undefined) {
        const [owner, name] = [match?.[1] as string, match?.[2] as string];
        const mark = cursor.since ?? options.since;
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
          { notFound: `GitHub repository ${repo} not found or no access` },
        );
        for (;;) {
          const issues = page.data.filter((issue) => issue.pull_request === undefined);
          const stored = await loadStoredWorkItems(
            ctx.store,
            issues.map((issue) => githubItemId(repo, issue.number)),
          );
          const items: WorkItemWithTransitions[] = [];
          for (const issue of issues) {
            const read = await readIssueItem(gh, repo, issue, mapping);
            items.push(withBoardHistory(read, stored.get(read.item.id)));
          }
          for (const issue of page.data)
            if (!latest || Date.parse(issue.updated_at) > Date.parse(latest))
              latest = new Date(issue.updated_at).toISOString();
          yield { items, cursor: { since: latest } satisfies Cursor };
          if (!page.next) break;
          page = await gh.getUrl(page.next, z.array(issueSchema));
        }
      }
      if (project === undefined || projectOwner === undefined) return;
      const board = await readProjectBoard(gh, projectOwner, project);
      const onBoard = board.issues.filter(
        (issue) => repo === undefined || issue.repo.toLowerCase() === repo.toLowerCase(),
      );
      logger.info(
        {
          project: `${projectOwner}/${project}`,
          title: board.title,
          issues: onBoard.length,
          other_repositories: board.issues.length - onBoard.length,
          drafts_and_pull_requests: board.skipped,
        },
        "project board read",
      );
      for (let start = 0; start < onBoard.length; start += 100) {
        const slice = onBoard.slice(start, start + 100);
        const stored = await loadStoredWorkItems(
          ctx.store,
          slice.map((issue) => githubItemId(issue.repo, issue.number)),
        );
        const items: WorkItemWithTransitions[] = [];
        for (const entry of slice) {
          if (entry.status === undefined) continue;
          const id = githubItemId(entry.repo, entry.number);
          let current: StoredWorkItem | undefined = stored.get(id);
          if (!current) {
            const [owner, name] = entry.repo.split("/") as [string, string];
            const issue = await gh.get(
              "GET /repos/{owner}/{repo}/issues/{issue_number}",
              { owner, repo: name, issue_number: entry.number },
              issueSchema,
            );
            current = withBoardHistory(await readIssueItem(gh, entry.repo, issue.data, mapping), undefined);
          }
          const history = boardHistoryOf(current.item.attributes);
          const last = history.at(-1)?.to;
          if (last !== undefined && last.toLowerCase() === entry.status.toLowerCase() && stored.has(id))
            continue;
          const change = { at: new Date(entry.at).toISOString(), to: entry.status };
          const changes = last?.toLowerCase() === entry.status.toLowerCase() ? history : [...history, change];
          const transitions = mergeStatusChanges(id, current.transitions, [change]);
          items.push({
            item: {
              ...current.item,
              status: transitions.at(-1)?.to ?? current.item.status,
              attributes: {
                ...current.item.attributes,
                project_status: entry.status,
                [BOARD_HISTORY_KEY]: changes,
              },
            },
            transitions,
          });
        }
        yield { items, cursor: { since: latest } satisfies Cursor };
      }
    },
  };
}

/** An issue read from its timeline, with the board Status changes stored for it merged in. */
function withBoardHistory(
  read: WorkItemWithTransitions,
  stored: StoredWorkItem | undefined,
): WorkItemWithTransitions {
  const history = boardHistoryOf(stored?.item.attributes);
  if (history.length === 0) return read;
  const transitions = mergeStatusChanges(read.item.id, read.transitions, history);
  return {
    item: {
      ...read.item,
      status: transitions.at(-1)?.to ?? read.item.status,
      attributes: {
        ...read.item.attributes,
        project_status: stored?.item.attributes.project_status,
        [BOARD_HISTORY_KEY]: history,
      },
    },
    transitions,
  };
}
