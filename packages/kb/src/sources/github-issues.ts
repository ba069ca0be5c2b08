import { GitHubClient, InputError } from "@uplift/core";
import { z } from "zod";
import type { DocSource, KbDocument, SourceConfig } from "../types.js";

const REPO = /^([A-Za-z0-9][A-Za-z0-9-]{0,38})\/([A-Za-z0-9._-]{1,100})$/;

const issueSchema = z.object({
  number: z.number().int(),
  title: z.string(),
  body: z.string().nullish(),
  html_url: z.string(),
  updated_at: z.string(),
  state: z.string(),
  user: z.object({ login: z.string() }).nullish(),
  pull_request: z.unknown().optional(),
});
const commentSchema = z.object({
  issue_url: z.string(),
  body: z.string().nullish(),
  created_at: z.string(),
  user: z.object({ login: z.string() }).nullish(),
});
type Issue = z.output<typeof issueSchema>;
type Comment = z.output<typeof commentSchema>;

/** `OWNER/NAME` of `--path`, or InputError. */
export function parseRepo(text: string): { owner: string; repo: string } {
  const match = REPO.exec(text.trim());
  if (!match?.[1] || !match[2])
    throw new InputError(`--path ${text}: expected a GitHub repository as OWNER/NAME (e.g. acme/handbook)`);
  return { owner: match[1], repo: match[2] };
}

/**
 * The issues of a GitHub repository through the REST API (core's GitHubClient: `GITHUB_TOKEN`,
 * `GITHUB_API_URL` for GitHub Enterprise, rate limits waited out). `--path OWNER/NAME`. One
 * document per issue (pull requests excluded), open or closed, its comments attached under
 * "## Comments". Id: `OWNER/NAME#N`; URL: the issue's page. Discussions (GraphQL only) are not
 * read yet. The API gives no per-issue permissions: give a private repository's source `--acl`.
 */
export const githubIssuesSource: DocSource = {
  type: "github-issues",
  description: "the issues of a GitHub repository, through the API (--path OWNER/NAME)",
  localPath: false,
  async check(config) {
    parseRepo(config.path);
  },
  async *scan(config, context) {
    const { owner, repo } = parseRepo(config.path);
    const github = new GitHubClient({ logger: context.logger });
    const notFound = `repository ${owner}/${repo} not found, or GITHUB_TOKEN cannot read it`;
    const comments = new Map<number, Comment[]>();
    for await (const page of github.pages(
      "GET /repos/{owner}/{repo}/issues/comments",
      { owner, repo, sort: "created", direction: "asc" },
      commentSchema,
      { notFound },
    )) {
      for (const comment of page.data) {
        const number = Number(/\/issues\/(\d+)$/.exec(comment.issue_url)?.[1]);
        if (!Number.isInteger(number)) continue;
        const list = comments.get(number) ?? [];
        list.push(comment);
        comments.set(number, list);
      }
    }
    for await (const page of github.pages(
      "GET /repos/{owner}/{repo}/issues",
      { owner, repo, state: "all", sort: "created", direction: "asc" },
      issueSchema,
      { notFound },
    )) {
      for (const issue of page.data) {
        if (issue.pull_request !== undefined) continue;
        yield issueDocument(issue, comments.get(issue.number) ?? [], `${owner}/${repo}`, config);
      }
    }
  },
};

function issueDocument(
  issue: Issue,
  comments: readonly Comment[],
  repo: string,
  config: SourceConfig,
): KbDocument {
  const parts = [(issue.body ?? "").trim()];
  if (comments.length) {
    parts.push("## Comments");
    for (const c of comments)
      parts.push(`### ${c.user?.login ?? "ghost"} (${c.created_at})\n\n${(c.body ?? "").trim()}`);
  }
  return {
    id: `${repo}#${issue.number}`,
    title: `#${issue.number} ${issue.title.trim()}${issue.state === "closed" ? " (closed)" : ""}`,
    text: parts.filter(Boolean).join("\n\n"),
    url: issue.html_url,
    updated_at: issue.updated_at,
    source: config.name,
    format: "markdown",
  };
}
