import { InputError, type Logger, silentLogger } from "@uplift/core";
import type { FlowMappingEntry } from "../flow-mapping.js";
import type { WorkItemPage, WorkItemSource, WorkItemSourceContext } from "../source.js";
import { JiraClient } from "./jira-client.js";
import {
  changelogPageSchema,
  devInfoSchema,
  fieldsSchema,
  type JiraHistory,
  type JiraIssue,
  searchJqlPageSchema,
  searchPageSchema,
  statusesSchema,
} from "./jira-payloads.js";
import {
  categoryMapping,
  type JiraFieldIds,
  jiraInstant,
  mapJiraIssue,
  prIdOfUrl,
} from "./map-jira-issue.js";

export interface JiraSourceOptions {
  /** Site URL: https://acme.atlassian.net (Cloud) or https://jira.example.com (Server/Data Center). */
  url: string;
  /** A project key (`project = KEY`), or … */
  project?: string | undefined;
  /** … any JQL selecting the issues (without ORDER BY). */
  jql?: string | undefined;
  /** "3": Cloud `/rest/api/3/search/jql` (nextPageToken); "2": `/rest/api/2/search` (startAt; Server/DC). Default: 3 on *.atlassian.net, else 2. */
  apiVersion?: "2" | "3" | undefined;
  /** First import only: issues updated since this instant. */
  since?: string | undefined;
  /** Also read each issue's pull requests from development information (one request per issue). */
  devInfo?: boolean | undefined;
  token?: string | undefined;
  email?: string | undefined;
  pageSize?: number | undefined;
  fetch?: typeof fetch | undefined;
  retryBaseMs?: number | undefined;
}

/** Where a Jira import stands: the latest `updated` stored. */
interface JiraCursor {
  updated?: string | undefined;
}

/** Reads overlap the mark by a day: JQL compares minutes in the user's time zone; re-reading is idempotent. */
const OVERLAP_MS = 86_400_000;
const FIELDS = [
  "summary",
  "issuetype",
  "status",
  "created",
  "updated",
  "resolutiondate",
  "assignee",
  "project",
];

/** JQL's date form "yyyy/MM/dd HH:mm" (UTC). */
function jqlTime(ms: number): string {
  const d = new Date(ms).toISOString();
  return `${d.slice(0, 10).replace(/-/g, "/")} ${d.slice(11, 16)}`;
}

/**
 * Jira issues with their complete status changelog (`expand=changelog`, then
 * `/issue/{key}/changelog` when the embedded one is truncated), issue types, status categories
 * (stored as "jira-category" mappings), sprints and story points (custom fields found by name in
 * `/rest/api/2/field`) and, with `devInfo`, linked pull requests. Incremental by `updated`.
 */
export function jiraSource(options: JiraSourceOptions, logger: Logger = silentLogger()): WorkItemSource {
  if (!options.project && !options.jql)
    throw new InputError("--project KEY or --jql QUERY: say which issues to import");
  if (options.project && options.jql) throw new InputError("--project and --jql: give one of them");
  let site: URL;
  try {
    site = new URL(options.url);
  } catch {
    throw new InputError(`--url ${options.url}: not a URL (e.g. https://acme.atlassian.net)`);
  }
  const version = options.apiVersion ?? (site.hostname.endsWith(".atlassian.net") ? "3" : "2");
  const base = options.jql ?? `project = "${options.project}"`;
  const pageSize = options.pageSize ?? 100;
  let client: JiraClient | undefined;
  const api = `/rest/api/${version}`;

  async function histories(c: JiraClient, issue: JiraIssue): Promise<JiraHistory[]> {
    const embedded = issue.changelog;
    const all = [...(embedded?.histories ?? [])];
    if (embedded && (embedded.total ?? all.length) <= all.length && embedded.startAt === 0) return all;
    // truncated: read the whole changelog page by page
    const out: JiraHistory[] = [];
    for (let startAt = 0; ; ) {
      const page = await c.get(
        `${api}/issue/${encodeURIComponent(issue.key)}/changelog`,
        { startAt, maxResults: 100 },
        changelogPageSchema,
      );
      out.push(...page.values);
      startAt = page.startAt + page.values.length;
      if (page.isLast === true || page.values.length === 0 || startAt >= page.total) return out;
    }
  }

  async function linkedPrs(c: JiraClient, issue: JiraIssue): Promise<string[]> {
    if (!options.devInfo) return [];
    const ids = new Set<string>();
    for (const applicationType of ["GitHub", "gitlab"]) {
      const info = await c.get(
        "/rest/dev-status/latest/issue/detail",
        { issueId: issue.id, applicationType, dataType: "pullrequest" },
        devInfoSchema,
      );
      for (const detail of info.detail)
        for (const pr of detail.pullRequests) {
          const id = prIdOfUrl(pr.url);
          if (id) ids.add(id);
        }
    }
    return [...ids].sort();
  }

  return {
    name: "jira",
    scope: `${site.origin}${site.pathname.replace(/\/+$/, "")} ${base}`,
    stats: () => client?.stats ?? { requests: 0, rate_limited_waits: 0 },
    async *pages(ctx: WorkItemSourceContext): AsyncGenerator<WorkItemPage> {
      const c = new JiraClient({
        baseUrl: options.url,
        token: options.token,
        email: options.email,
        logger,
        onRateLimit: ctx.onRateLimit,
        fetch: options.fetch,
        retryBaseMs: options.retryBaseMs,
      });
      client = c;
      const fieldList = await c.get(`${api}/field`, {}, fieldsSchema);
      const byName = (...names: string[]) => fieldList.find((f) => names.includes(f.name.toLowerCase()))?.id;
      const fields: JiraFieldIds = {
        sprint: byName("sprint"),
        storyPoints: byName("story points", "story point estimate"),
      };
      const mappings = (await c.get(`${api}/status`, {}, statusesSchema))
        .map((s) => categoryMapping(s.name, s.statusCategory?.key))
        .filter((m): m is FlowMappingEntry => m !== undefined);
      const cursor = (ctx.cursor as JiraCursor | undefined) ?? {};
      const mark = cursor.updated ?? options.since;
      const jql = `${mark ? `(${base}) AND updated >= "${jqlTime(Date.parse(mark) - OVERLAP_MS)}"` : base} ORDER BY updated ASC, key ASC`;
      const query = {
        jql,
        maxResults: pageSize,
        expand: "changelog",
        fields: [...FIELDS, fields.sprint, fields.storyPoints].filter(Boolean).join(","),
      };
      let latest = cursor.updated;
      let first = true;
      let startAt = 0;
      let token: string | undefined;
      for (;;) {
        const page =
          version === "3"
            ? await c.get(`${api}/search/jql`, { ...query, nextPageToken: token }, searchJqlPageSchema)
            : await c.get(`${api}/search`, { ...query, startAt }, searchPageSchema);
        const items = [];
        for (const issue of page.issues) {
          items.push(
            mapJiraIssue(site.origin, issue, await histories(c, issue), fields, await linkedPrs(c, issue)),
          );
          const updated = jiraInstant(issue.fields.updated);
          if (!latest || Date.parse(updated) > Date.parse(latest)) latest = updated;
        }
        if (items.length > 0 || first)
          yield { items, cursor: { updated: latest } satisfies JiraCursor, ...(first ? { mappings } : {}) };
        first = false;
        if ("nextPageToken" in page || version === "3") {
          const next = (page as { nextPageToken?: string | null; isLast?: boolean }).nextPageToken;
          if (!next || (page as { isLast?: boolean }).isLast === true) return;
          token = next;
        } else {
          const offset = page as { startAt: number; total: number };
          startAt = offset.startAt + page.issues.length;
          if (page.issues.length === 0 || startAt >= offset.total) return;
        }
      }
    },
  };
}
