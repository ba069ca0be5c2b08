import type { FakeJiraData, FakeJiraIssue } from "./types.js";

type Json = Record<string, unknown>;

/** Jira's status categories: key, id, name. */
const CATEGORIES: Record<string, { id: number; name: string }> = {
  new: { id: 2, name: "To Do" },
  indeterminate: { id: 4, name: "In Progress" },
  done: { id: 3, name: "Done" },
};

/** A status as Jira returns it (`fields.status` and `/rest/api/2/status` items). */
export function jiraStatus(name: string, category: "new" | "indeterminate" | "done"): Json {
  const c = CATEGORIES[category] as { id: number; name: string };
  return {
    self: `https://jira.example/rest/api/2/status/${name.length}`,
    name,
    id: String(10_000 + name.length),
    statusCategory: { self: "", id: c.id, key: category, colorName: "blue-gray", name: c.name },
  };
}

/** Jira's time form: "2025-03-03T09:00:00.000+0000". */
export function jiraTime(iso: string): string {
  return new Date(iso).toISOString().replace("Z", "+0000");
}

export interface JiraIssueInput {
  key: string;
  id?: string;
  type: string;
  summary?: string;
  /** The status now, and its category. */
  status: string;
  category: "new" | "indeterminate" | "done";
  created: string;
  updated?: string;
  resolved?: string;
  assignee?: { accountId: string; displayName: string; emailAddress?: string };
  /** Status changes, oldest first; each becomes one changelog history. */
  transitions?: { at: string; from: string; to: string }[];
  /** Other field changes, as extra histories (they must not become transitions). */
  otherChanges?: { at: string; field: string; from: string; to: string }[];
  sprint?: string;
  storyPoints?: number;
  pullRequests?: string[];
}

/** The site's custom fields (ids differ per site; the connector finds them by name). */
export const JIRA_FIELDS: Json[] = [
  { id: "summary", name: "Summary", custom: false },
  { id: "customfield_10020", name: "Sprint", custom: true, schema: { type: "array", items: "json" } },
  { id: "customfield_10016", name: "Story Points", custom: true, schema: { type: "number" } },
];

/** An issue with its fields and changelog, in the shape of Jira Cloud v3 / Server v2. */
export function jiraIssue(input: JiraIssueInput): FakeJiraIssue {
  const id = input.id ?? String(10_000 + Number(input.key.split("-")[1] ?? 0));
  const changes = [
    ...(input.transitions ?? []).map((t) => ({ at: t.at, field: "status", from: t.from, to: t.to })),
    ...(input.otherChanges ?? []),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const author = input.assignee ?? { accountId: "557058:reporter", displayName: "Reporter" };
  const histories = changes.map((change, i) => ({
    id: String(Number(id) * 100 + i),
    author: { accountId: author.accountId, displayName: author.displayName, active: true },
    created: jiraTime(change.at),
    items: [
      {
        field: change.field,
        fieldtype: "jira",
        fieldId: change.field,
        from: change.field === "status" ? "1" : null,
        fromString: change.from,
        to: change.field === "status" ? "3" : null,
        toString: change.to,
      },
    ],
  }));
  const last = changes.at(-1)?.at ?? input.created;
  return {
    id,
    key: input.key,
    fields: {
      summary: input.summary ?? `Issue ${input.key}`,
      issuetype: { id: "10001", name: input.type, subtask: false },
      status: jiraStatus(input.status, input.category),
      created: jiraTime(input.created),
      updated: jiraTime(input.updated ?? last),
      resolutiondate: input.resolved ? jiraTime(input.resolved) : null,
      assignee: input.assignee ? { ...input.assignee, active: true } : null,
      project: { id: "10000", key: input.key.split("-")[0], name: "Project" },
      customfield_10020: input.sprint ? [{ id: 1, name: input.sprint, state: "closed", boardId: 1 }] : null,
      customfield_10016: input.storyPoints ?? null,
    },
    histories,
    pullRequests: input.pullRequests ?? [],
  };
}

/** A small project: a story through review and a block, a bug, an open task, a custom "QA" status. */
export function sampleJiraData(): FakeJiraData {
  const ann = { accountId: "557058:ann", displayName: "Ann", emailAddress: "ann@example.com" };
  const bob = { accountId: "557058:bob", displayName: "Bob" };
  return {
    fields: JIRA_FIELDS,
    statuses: [
      jiraStatus("To Do", "new"),
      jiraStatus("In Progress", "indeterminate"),
      jiraStatus("In Review", "indeterminate"),
      jiraStatus("Blocked", "indeterminate"),
      jiraStatus("QA", "indeterminate"),
      jiraStatus("Done", "done"),
    ],
    issues: [
      jiraIssue({
        key: "WEB-1",
        type: "Story",
        status: "Done",
        category: "done",
        created: "2025-03-03T09:00:00Z",
        resolved: "2025-03-05T09:00:00Z",
        assignee: ann,
        sprint: "Sprint 4",
        storyPoints: 3,
        transitions: [
          { at: "2025-03-03T10:00:00Z", from: "To Do", to: "In Progress" },
          { at: "2025-03-04T10:00:00Z", from: "In Progress", to: "Blocked" },
          { at: "2025-03-04T16:00:00Z", from: "Blocked", to: "In Review" },
          { at: "2025-03-05T09:00:00Z", from: "In Review", to: "Done" },
        ],
        otherChanges: [{ at: "2025-03-03T11:00:00Z", field: "assignee", from: "", to: "Ann" }],
        pullRequests: ["https://github.com/acme/web/pull/12"],
      }),
      jiraIssue({
        key: "WEB-2",
        type: "Bug",
        status: "Done",
        category: "done",
        created: "2025-03-03T09:00:00Z",
        resolved: "2025-03-04T09:00:00Z",
        assignee: bob,
        transitions: [
          { at: "2025-03-03T12:00:00Z", from: "To Do", to: "QA" },
          { at: "2025-03-04T09:00:00Z", from: "QA", to: "Done" },
        ],
      }),
      jiraIssue({
        key: "WEB-3",
        type: "Task",
        status: "In Progress",
        category: "indeterminate",
        created: "2025-03-04T09:00:00Z",
        assignee: ann,
        transitions: [{ at: "2025-03-04T09:30:00Z", from: "To Do", to: "In Progress" }],
      }),
    ],
  };
}
