export { startFakeJira } from "./server.js";
export {
  JIRA_FIELDS,
  type JiraIssueInput,
  jiraIssue,
  jiraStatus,
  jiraTime,
  sampleJiraData,
} from "./shapes.js";
export type {
  FakeJira,
  FakeJiraData,
  FakeJiraIssue,
  FakeJiraOptions,
  JiraScript,
  RecordedJiraRequest,
} from "./types.js";
