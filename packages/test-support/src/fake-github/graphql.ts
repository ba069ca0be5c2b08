import type { FakeDiscussion, FakeDiscussionComment, FakeGitHubData, FakeProjectItem } from "./types.js";

type Json = Record<string, unknown>;

/** What `POST /graphql` answers: always HTTP 200, with `data` or GitHub's `errors` list. */
export interface GraphqlAnswer {
  data: Json | null;
  errors?: Json[];
}

/**
 * Answers the two query shapes the connectors send, told apart by the field they select (the fake
 * parses no GraphQL): `repositoryOwner(login: $owner) { … on ProjectV2Owner { projectV2(number:
 * $number) { items(first: $first, after: $after) … } } }` and `repository(owner: $owner, name:
 * $name) { discussions(first: $first, after: $after, orderBy: UPDATED_AT DESC) … }`, and
 * `nodes(ids: $ids) { … on Discussion { … } }` for discussions by node id. Connections
 * page with opaque cursors and `pageInfo { hasNextPage endCursor }`; `maxPerPage` caps `first`.
 * Unknown owners, projects and repositories answer `NOT_FOUND` errors, as GitHub does.
 */
export function graphqlRoute(
  data: FakeGitHubData,
  body: { query?: unknown; variables?: unknown },
  maxPerPage: number,
): GraphqlAnswer {
  const query = typeof body.query === "string" ? body.query : "";
  const vars = (body.variables ?? {}) as Json;
  const first = Math.max(1, Math.min(Number(vars.first ?? 100) || 100, maxPerPage, 100));
  const after = typeof vars.after === "string" ? decodeCursor(vars.after) : 0;
  if (/\bprojectV2\s*\(/.test(query)) {
    const owner = String(vars.owner ?? "");
    const number = Number(vars.number);
    const boards = data.projects?.[owner];
    if (!boards && !ownsRepos(data, owner))
      return notFound(["repositoryOwner"], `Could not resolve to a User with the login of '${owner}'.`);
    const board = boards?.[number];
    if (!board)
      return notFound(
        ["repositoryOwner", "projectV2"],
        `Could not resolve to a ProjectV2 with the number ${number}.`,
      );
    const items = page(board.items, first, after, (item) => projectItem(item));
    return { data: { repositoryOwner: { projectV2: { title: board.title, items } } } };
  }
  if (/\bnodes\s*\(\s*ids\s*:/.test(query)) {
    const ids = Array.isArray(vars.ids) ? vars.ids.map(String) : [];
    const all = Object.entries(data.discussions ?? {}).flatMap(([repo, list]) =>
      list.map((d) => [discussionId(repo, d.number), repo, d] as const),
    );
    const nodes = ids.map((id) => {
      const found = all.find(([candidate]) => candidate === id);
      return found ? discussion(found[1], found[2]) : null;
    });
    const missing = ids.filter((_, i) => nodes[i] === null);
    return {
      data: { nodes },
      ...(missing.length
        ? {
            errors: missing.map((id) => ({
              type: "NOT_FOUND",
              path: ["nodes", ids.indexOf(id)],
              message: `Could not resolve to a node with the global id of '${id}'`,
            })),
          }
        : {}),
    };
  }
  if (/\bdiscussions\s*\(/.test(query)) {
    const fullName = `${String(vars.owner ?? "")}/${String(vars.name ?? "")}`;
    if (!data.repos[fullName] && !data.discussions?.[fullName])
      return notFound(["repository"], `Could not resolve to a Repository with the name '${fullName}'.`);
    const sorted = [...(data.discussions?.[fullName] ?? [])].sort(
      (a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || b.number - a.number,
    );
    const discussions = page(sorted, first, after, (d) => discussion(fullName, d));
    return { data: { repository: { discussions } } };
  }
  return {
    data: null,
    errors: [{ message: "the fake GitHub answers only project board and discussion queries" }],
  };
}

/** GitHub's answer to a query over the GraphQL rate limit. */
export function graphqlRateLimited(): GraphqlAnswer {
  return {
    data: null,
    errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded for user ID 10001." }],
  };
}

function page<T>(all: readonly T[], first: number, after: number, render: (item: T) => Json): Json {
  const slice = all.slice(after, after + first);
  const end = after + slice.length;
  return {
    totalCount: all.length,
    pageInfo: {
      hasNextPage: end < all.length,
      endCursor: slice.length ? encodeCursor(end) : null,
    },
    nodes: slice.map(render),
  };
}

function projectItem(item: FakeProjectItem): Json {
  const kind = item.kind ?? "Issue";
  const content =
    kind === "DraftIssue"
      ? { __typename: "DraftIssue", title: "draft" }
      : { __typename: kind, number: item.number, repository: { nameWithOwner: item.repo } };
  return {
    id: item.id,
    type: kind === "DraftIssue" ? "DRAFT_ISSUE" : kind === "Issue" ? "ISSUE" : "PULL_REQUEST",
    updatedAt: item.updatedAt,
    content,
    fieldValueByName:
      item.status === undefined
        ? null
        : {
            __typename: "ProjectV2ItemFieldSingleSelectValue",
            name: item.status,
            updatedAt: item.statusUpdatedAt ?? item.updatedAt,
          },
  };
}

function discussion(repo: string, d: FakeDiscussion): Json {
  const url = `https://github.com/${repo}/discussions/${d.number}`;
  const comments = d.comments.map((c, i) => comment(c, `${discussionId(repo, d.number)}_C${i}`));
  return {
    __typename: "Discussion",
    id: discussionId(repo, d.number),
    number: d.number,
    title: d.title,
    url,
    body: d.body,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    author: { login: d.author },
    category: { name: d.category },
    answer: d.answer === undefined ? null : (comments[d.answer] ?? null),
    comments: { totalCount: comments.length, nodes: comments },
  };
}

/** A discussion's node id (opaque to clients, stable here). */
function discussionId(repo: string, number: number): string {
  return `D_kwDO${Buffer.from(`${repo}#${number}`).toString("base64url")}`;
}

function comment(c: FakeDiscussionComment, id: string): Json {
  return {
    id,
    body: c.body,
    createdAt: c.createdAt,
    author: { login: c.author },
  };
}

function notFound(path: string[], message: string): GraphqlAnswer {
  return { data: null, errors: [{ type: "NOT_FOUND", path, locations: [{ line: 2, column: 3 }], message }] };
}

function ownsRepos(data: FakeGitHubData, owner: string): boolean {
  return Object.keys(data.repos).some((name) => name.startsWith(`${owner}/`));
}

function encodeCursor(offset: number): string {
  return Buffer.from(`cursor:v2:${offset}`).toString("base64");
}

function decodeCursor(cursor: string): number {
  const offset = Number(/^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"))?.[1]);
  return Number.isFinite(offset) ? offset : 0;
}
