import { GitHubClient, NotFoundError } from "@uplift/core";
import { z } from "zod";
import type { DocSource, KbDocument, SourceConfig } from "../types.js";
import { parseRepo } from "./github-issues.js";

/** Discussions listed per GraphQL page (ids and update times only). */
const LIST_PAGE = 100;
/** Changed discussions fetched whole per GraphQL request (each with up to 100 comments). */
const FETCH_BATCH = 25;

const LIST_QUERY = `query DiscussionList($owner: String!, $name: String!, $first: Int!, $after: String) {
  repository(owner: $owner, name: $name) {
    discussions(first: $first, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { id number updatedAt }
    }
  }
}`;

const FETCH_QUERY = `query DiscussionContent($ids: [ID!]!) {
  nodes(ids: $ids) {
    ... on Discussion {
      id number title url body createdAt updatedAt
      author { login }
      category { name }
      answer { id }
      comments(first: 100) {
        totalCount
        nodes { id body createdAt author { login } }
      }
    }
  }
}`;

const listSchema = z.object({
  repository: z
    .object({
      discussions: z.object({
        pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }),
        nodes: z.array(
          z.object({ id: z.string(), number: z.number().int(), updatedAt: z.string() }).nullable(),
        ),
      }),
    })
    .nullish(),
});
const author = z.object({ login: z.string() }).nullish();
const commentSchema = z.object({ id: z.string(), body: z.string(), createdAt: z.string(), author });
const discussionSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  url: z.string(),
  body: z.string(),
  updatedAt: z.string(),
  author,
  category: z.object({ name: z.string() }),
  answer: z.object({ id: z.string() }).nullish(),
  comments: z.object({ totalCount: z.number().int(), nodes: z.array(commentSchema.nullable()) }),
});
const fetchSchema = z.object({ nodes: z.array(discussionSchema.nullable()) });
type Discussion = z.output<typeof discussionSchema>;
type Comment = z.output<typeof commentSchema>;

/**
 * The discussions of a GitHub repository through the GraphQL API (core's GitHubClient:
 * `GITHUB_TOKEN`, `GITHUB_API_URL` for GitHub Enterprise, rate limits waited out). `--path
 * OWNER/NAME`. One document per discussion: its category, body, the accepted answer and the
 * comments (first 100). Id: `OWNER/NAME/discussions/N`; URL: the discussion's page.
 * Incremental by `updatedAt`: every sync lists ids and update times (100 per request, so a deleted
 * discussion leaves the index) and fetches whole only the discussions whose `updatedAt` differs
 * from the indexed one, 25 per request. No per-discussion permissions: give a private
 * repository's source `--acl`.
 */
export const githubDiscussionsSource: DocSource = {
  type: "github-discussions",
  description:
    "the discussions of a GitHub repository with answers and comments, through GraphQL (--path OWNER/NAME)",
  localPath: false,
  async check(config) {
    parseRepo(config.path);
  },
  async *scan(config, context) {
    const { owner, repo } = parseRepo(config.path);
    const fullName = `${owner}/${repo}`;
    const github = new GitHubClient({ logger: context.logger });
    const notFound = `repository ${fullName} not found, or GITHUB_TOKEN cannot read it`;
    const changed: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await github.graphql(
        LIST_QUERY,
        { owner, name: repo, first: LIST_PAGE, ...(after ? { after } : {}) },
        listSchema,
        { notFound },
      );
      const discussions = page.repository?.discussions;
      if (!discussions) throw new NotFoundError(notFound);
      for (const node of discussions.nodes) {
        if (!node) continue;
        const id = documentId(fullName, node.number);
        const indexed = context.indexedUpdatedAt?.(id);
        if (indexed !== undefined && Date.parse(indexed) === Date.parse(node.updatedAt) && context.keep)
          context.keep(id);
        else changed.push(node.id);
      }
      if (!discussions.pageInfo.hasNextPage || !discussions.pageInfo.endCursor) break;
      after = discussions.pageInfo.endCursor;
    }
    context.logger.info({ repository: fullName, changed: changed.length }, "discussions to fetch");
    for (let start = 0; start < changed.length; start += FETCH_BATCH) {
      const ids = changed.slice(start, start + FETCH_BATCH);
      const { nodes } = await github.graphql(FETCH_QUERY, { ids }, fetchSchema, { notFound });
      for (const [i, discussion] of nodes.entries()) {
        if (!discussion) {
          // deleted between listing and fetching: it leaves the index like any vanished document
          context.logger.debug({ node: ids[i] }, "discussion gone before it was fetched");
          continue;
        }
        if (discussion.comments.totalCount > discussion.comments.nodes.length)
          context.logger.info(
            { discussion: discussion.url, comments: discussion.comments.totalCount },
            "only the first 100 comments are indexed",
          );
        yield discussionDocument(discussion, fullName, config);
      }
    }
  },
};

function documentId(repo: string, number: number): string {
  return `${repo}/discussions/${number}`;
}

/** The Markdown of a discussion: category line, body, "## Answer", then "## Comments" (the answer not repeated). */
function discussionDocument(d: Discussion, repo: string, config: SourceConfig): KbDocument {
  const comments = d.comments.nodes.filter((c): c is Comment => c !== null);
  const answer = d.answer ? comments.find((c) => c.id === d.answer?.id) : undefined;
  const heading = (c: Comment) => `${c.author?.login ?? "ghost"} (${c.createdAt})`;
  const parts = [
    `Category: ${d.category.name}${answer ? " · answered" : ""} · started by ${d.author?.login ?? "ghost"}`,
    d.body.trim(),
  ];
  if (answer) parts.push(`## Answer\n\n### ${heading(answer)}\n\n${answer.body.trim()}`);
  const others = comments.filter((c) => c !== answer);
  if (others.length) {
    parts.push("## Comments");
    for (const c of others) parts.push(`### ${heading(c)}\n\n${c.body.trim()}`);
  }
  return {
    id: documentId(repo, d.number),
    title: `${d.title.trim()} (${d.category.name})`,
    text: parts.filter(Boolean).join("\n\n"),
    url: d.url,
    updated_at: d.updatedAt,
    source: config.name,
    format: "markdown",
  };
}
