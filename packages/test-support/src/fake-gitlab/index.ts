export { SAMPLE_GITLAB_PROJECT, sampleGitLabData } from "./sample.js";
export { startFakeGitLab } from "./server.js";
export {
  type EnvironmentInput,
  type GitLabDeploymentInput,
  type GitLabIssueInput,
  gitlabApprovals,
  gitlabCommit,
  gitlabDeployment,
  gitlabDiff,
  gitlabEnvironment,
  gitlabIssue,
  gitlabMergeRequest,
  gitlabNote,
  gitlabProject,
  gitlabUser,
  type MergeRequestInput,
  type MrCommitInput,
  type NoteInput,
} from "./shapes.js";
export type {
  FakeGitLab,
  FakeGitLabData,
  FakeGitLabIssue,
  FakeGitLabOptions,
  FakeGitLabProject,
  FakeMergeRequest,
  GitLabScript,
  RecordedGitLabRequest,
} from "./types.js";
