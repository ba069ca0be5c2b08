import { type GitHubClient, NotFoundError } from "@uplift/core";
import { z } from "zod";

/** The single-select field whose value is an item's status on the board. */
export const PROJECT_STATUS_FIELD = "Status";

/** One issue on a Projects v2 board with its current Status value. */
export interface BoardIssueStatus {
  /** "OWNER/NAME" of the issue. */
  repo: string;
  number: number;
  /** The Status value's name; undefined when the item has none set. */
  status: string | undefined;
  /** When the Status value was last set (else when the item last changed). */
  at: string;
}

/** What reading a board found. */
export interface ProjectBoard {
  title: string;
  issues: BoardIssueStatus[];
  /** Draft issues and pull requests on the board: not work items of this source. */
  skipped: number;
  pages: number;
}

const BOARD_QUERY = `query ProjectBoard($owner: String!, $number: Int!, $first: Int!, $after: String, $field: String!) {
  repositoryOwner(login: $owner) {
    ... on ProjectV2Owner {
      projectV2(number: $number) {
        title
        items(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes {
            updatedAt
            content {
              __typename
              ... on Issue { number repository { nameWithOwner } }
            }
            fieldValueByName(name: $field) {
              ... on ProjectV2ItemFieldSingleSelectValue { name updatedAt }
            }
          }
        }
      }
    }
  }
}`;

const itemSchema = z.object({
  updatedAt: z.string(),
  content: z
    .object({
      __typename: z.string(),
      number: z.number().int().optional(),
      repository: z.object({ nameWithOwner: z.string() }).optional(),
    })
    .nullish(),
  fieldValueByName: z.object({ name: z.string().optional(), updatedAt: z.string().optional() }).nullish(),
});
const boardSchema = z.object({
  repositoryOwner: z
    .object({
      projectV2: z
        .object({
          title: z.string(),
          items: z.object({
            pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullish() }),
            nodes: z.array(itemSchema.nullable()),
          }),
        })
        .nullish(),
    })
    .nullish(),
});

/**
 * Reads every item of the Projects v2 board `number` of `owner` (an organisation or a user)
 * through GraphQL, 100 per page following `pageInfo.endCursor`: each issue with its current
 * "Status" single-select value and when it was set. The API gives current values only, no history.
 */
export async function readProjectBoard(
  gh: GitHubClient,
  owner: string,
  number: number,
  field: string = PROJECT_STATUS_FIELD,
): Promise<ProjectBoard> {
  const notFound = `GitHub project ${number} of ${owner} not found or no access`;
  const board: ProjectBoard = { title: "", issues: [], skipped: 0, pages: 0 };
  let after: string | undefined;
  for (;;) {
    const data = await gh.graphql(
      BOARD_QUERY,
      { owner, number, first: 100, field, ...(after ? { after } : {}) },
      boardSchema,
      { notFound },
    );
    const project = data.repositoryOwner?.projectV2;
    if (!project) throw new NotFoundError(notFound);
    board.title = project.title;
    board.pages += 1;
    for (const node of project.items.nodes) {
      const content = node?.content;
      if (!node || content?.__typename !== "Issue" || !content.repository || content.number === undefined) {
        board.skipped += 1;
        continue;
      }
      board.issues.push({
        repo: content.repository.nameWithOwner,
        number: content.number,
        status: node.fieldValueByName?.name,
        at: node.fieldValueByName?.updatedAt ?? node.updatedAt,
      });
    }
    const { hasNextPage, endCursor } = project.items.pageInfo;
    if (!hasNextPage || !endCursor) return board;
    after = endCursor;
  }
}
