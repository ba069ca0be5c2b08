import { sha } from "../fake-github/shapes.js";
import {
  gitlabApprovals,
  gitlabCommit,
  gitlabDeployment,
  gitlabDiff,
  gitlabEnvironment,
  gitlabMergeRequest,
  gitlabNote,
  gitlabProject,
} from "./shapes.js";
import type { FakeGitLabData } from "./types.js";

/** The project of {@link sampleGitLabData}. */
export const SAMPLE_GITLAB_PROJECT = "grp/api";

/**
 * A small GitLab project with known answers (week of 2026-03-02):
 * - !7 ann: first commit 2026-03-01T18:00+01:00, created 03-02 09:00Z, review requested 09:01,
 *   bob's diff note 10:15 (first review), ann replies 10:30, carol approves 12:00, merged 15:00;
 *   diffs +5/−1 over 2 files; 2 commits.
 * - !8 renovate-bot (a bot user): created 03-03 10:00Z, closed unmerged 11:00.
 * - !9 bob: a draft opened 03-04 09:00Z, no review yet.
 * - deployments: 71 production ✓ 03-02 16:00, 72 staging ✗ 03-03 10:00, 73 production running,
 *   74 production canceled 03-04 13:00; environments production (tier production), staging.
 */
export function sampleGitLabData(): FakeGitLabData {
  const path = SAMPLE_GITLAB_PROJECT;
  const production = gitlabEnvironment(path, { id: 1, name: "production", tier: "production" });
  const staging = gitlabEnvironment(path, { id: 2, name: "staging", tier: "staging" });
  return {
    projects: {
      [path]: {
        project: gitlabProject(path),
        merge_requests: [
          {
            mr: gitlabMergeRequest(path, {
              iid: 7,
              title: "Rate limit the login endpoint",
              author: "ann",
              created_at: "2026-03-02T09:00:00.000Z",
              updated_at: "2026-03-02T15:00:05.000Z",
              merged_at: "2026-03-02T15:00:00.000Z",
              changes_count: "2",
              user_notes_count: 2,
              merge_commit_sha: sha("gl-merge-7"),
              reviewers: ["bob"],
            }),
            commits: [
              gitlabCommit(path, {
                id: sha("gl-7-b"),
                author_name: "ann",
                authored_date: "2026-03-02T08:30:00.000Z",
              }),
              gitlabCommit(path, {
                id: sha("gl-7-a"),
                author_name: "ann",
                authored_date: "2026-03-01T18:00:00.000+01:00",
              }),
            ],
            notes: [
              gitlabNote(7, {
                id: 701,
                author: "ann",
                body: "requested review from @bob",
                created_at: "2026-03-02T09:01:00.000Z",
                system: true,
              }),
              gitlabNote(7, {
                id: 702,
                author: "bob",
                body: "Should this be configurable?",
                created_at: "2026-03-02T10:15:00.000Z",
                type: "DiffNote",
              }),
              gitlabNote(7, {
                id: 703,
                author: "ann",
                body: "Done.",
                created_at: "2026-03-02T10:30:00.000Z",
                type: "DiscussionNote",
              }),
              gitlabNote(7, {
                id: 704,
                author: "carol",
                body: "approved this merge request",
                created_at: "2026-03-02T12:00:00.000Z",
                system: true,
              }),
            ],
            approvals: gitlabApprovals(7, ["carol"]),
            diffs: [gitlabDiff("app/login.rb", 3, 1), gitlabDiff("config/limits.yml", 2, 0)],
          },
          {
            mr: gitlabMergeRequest(path, {
              iid: 8,
              title: "Update dependency rack to v3.1.8",
              author: "renovate-bot",
              author_bot: true,
              created_at: "2026-03-03T10:00:00.000Z",
              updated_at: "2026-03-03T11:00:00.000Z",
              closed_at: "2026-03-03T11:00:00.000Z",
              changes_count: "1",
            }),
            commits: [
              gitlabCommit(path, {
                id: sha("gl-8"),
                author_name: "renovate-bot",
                authored_date: "2026-03-03T09:59:00.000Z",
              }),
            ],
            notes: [],
            approvals: gitlabApprovals(8, []),
            diffs: [gitlabDiff("Gemfile.lock", 1, 1)],
          },
          {
            mr: gitlabMergeRequest(path, {
              iid: 9,
              title: "Audit log",
              author: "bob",
              draft: true,
              created_at: "2026-03-04T09:00:00.000Z",
              updated_at: "2026-03-04T09:00:00.000Z",
              changes_count: "1",
            }),
            commits: [
              gitlabCommit(path, {
                id: sha("gl-9"),
                author_name: "bob",
                authored_date: "2026-03-04T08:00:00.000Z",
              }),
            ],
            notes: [],
            approvals: gitlabApprovals(9, []),
            diffs: [gitlabDiff("app/audit.rb", 40, 0)],
          },
        ],
        deployments: [
          gitlabDeployment(path, {
            id: 71,
            iid: 1,
            sha: sha("gl-merge-7"),
            status: "success",
            created_at: "2026-03-02T15:50:00.000Z",
            updated_at: "2026-03-02T16:00:00.000Z",
            finished_at: "2026-03-02T16:00:00.000Z",
            environment: production,
          }),
          gitlabDeployment(path, {
            id: 72,
            iid: 2,
            sha: sha("gl-72"),
            status: "failed",
            created_at: "2026-03-03T09:55:00.000Z",
            updated_at: "2026-03-03T10:00:00.000Z",
            finished_at: "2026-03-03T10:00:00.000Z",
            environment: staging,
          }),
          gitlabDeployment(path, {
            id: 73,
            iid: 3,
            sha: sha("gl-73"),
            status: "running",
            created_at: "2026-03-04T12:00:00.000Z",
            updated_at: "2026-03-04T12:00:00.000Z",
            environment: production,
          }),
          gitlabDeployment(path, {
            id: 74,
            iid: 4,
            sha: sha("gl-74"),
            status: "canceled",
            created_at: "2026-03-04T12:50:00.000Z",
            updated_at: "2026-03-04T13:00:00.000Z",
            environment: production,
          }),
        ],
        environments: [production, staging],
      },
    },
  };
}
