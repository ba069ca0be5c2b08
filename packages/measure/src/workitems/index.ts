export {
  FLOW_ITEM_TYPES,
  FLOW_STATES,
  type FlowItemType,
  FlowMapping,
  type FlowMappingEntry,
  type FlowState,
  type MappingKind,
} from "./flow-mapping.js";
export { type GitHubIssuesSourceOptions, githubIssuesSource } from "./forge/github-issues-source.js";
export { type GitLabIssuesSourceOptions, gitlabIssuesSource } from "./forge/gitlab-issues-source.js";
export { type ImportWorkItemsResult, importWorkItems } from "./import-work-items.js";
export { type ImportWorkItemsFileOptions, importWorkItemsFile } from "./import-work-items-file.js";
export { type JiraSourceOptions, jiraSource } from "./jira/jira-source.js";
export { issueKeysIn, linkWorkItemsToPrs } from "./link-prs.js";
export {
  type ExportMappingResult,
  exportFlowMapping,
  type ImportMappingResult,
  importFlowMapping,
  MAPPING_FILE_COLUMNS,
  type MappingFileRow,
  mappingFileRows,
} from "./mapping-file.js";
export { loadFlowMapping } from "./mapping-store.js";
export type { WorkItemPage, WorkItemRateLimitWait, WorkItemSource, WorkItemSourceContext } from "./source.js";
export { createWorkItemSource, WORK_ITEM_SOURCES, type WorkItemSourceOptions } from "./sources.js";
export {
  type Transition,
  transitionSchema,
  type WorkItem,
  type WorkItemWithTransitions,
  workItemSchema,
} from "./work-item-records.js";
