import type { Logger } from "@uplift/core";
import { type GitHubIssuesSourceOptions, githubIssuesSource } from "./forge/github-issues-source.js";
import { type GitLabIssuesSourceOptions, gitlabIssuesSource } from "./forge/gitlab-issues-source.js";
import { type JiraSourceOptions, jiraSource } from "./jira/jira-source.js";
import type { WorkItemSource } from "./source.js";

/** Options of each registered work-item source, by name. */
export interface WorkItemSourceOptions {
  jira: JiraSourceOptions;
  "github-issues": GitHubIssuesSourceOptions;
  "gitlab-issues": GitLabIssuesSourceOptions;
}

/**
 * Every WorkItemSource plugin, one file each, registered here (`uplift measure import <name>`).
 * Files (CSV/JSON with a transitions file) come through `uplift measure import csv --kind workitems`.
 */
export const WORK_ITEM_SOURCES: {
  readonly [K in keyof WorkItemSourceOptions]: {
    description: string;
    create(options: WorkItemSourceOptions[K], logger?: Logger): WorkItemSource;
  };
} = {
  jira: {
    description: "Jira Cloud (REST v3) or Server/Data Center (REST v2) issues with their changelog",
    create: jiraSource,
  },
  "github-issues": {
    description:
      "GitHub issues with timeline state and label events, and Projects v2 Status values (--project)",
    create: githubIssuesSource,
  },
  "gitlab-issues": {
    description: "GitLab issues with resource state and label events",
    create: gitlabIssuesSource,
  },
};

/** Creates a registered source by name. */
export function createWorkItemSource<K extends keyof WorkItemSourceOptions>(
  name: K,
  options: WorkItemSourceOptions[K],
  logger?: Logger,
): WorkItemSource {
  return WORK_ITEM_SOURCES[name].create(options, logger);
}
