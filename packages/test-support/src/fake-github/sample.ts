import {
  copilotUserDay,
  githubCommitOfRef,
  githubDeployment,
  githubDeploymentStatus,
  githubIssue,
  githubPrCommit,
  githubPull,
  githubRelease,
  githubReview,
  githubTimelineCommitted,
  githubTimelineEvent,
  githubTimelineReviewed,
  sha,
} from "./shapes.js";
import type { FakeGitHubData, FakePull } from "./types.js";

/** The repository of {@link sampleGitHubData}. */
export const SAMPLE_REPO = "acme/web";
/** The organisation whose Copilot reports {@link sampleGitHubData} serves. */
export const SAMPLE_ORG = "acme";
/** Deployment shas of the sample, by deployment id. */
export const SAMPLE_SHAS = {
  1001: sha("deploy-1001"),
  1002: sha("deploy-1002"),
  1003: sha("deploy-1003"),
  1004: sha("deploy-1004"),
};

/**
 * A small repository with known answers (the week of 2026-03-02), used by connector tests:
 * - #1 ann: first commit 2026-03-02T15:30+01:00, created 03-03 09:00Z, review requested 09:05,
 *   bob comments 11:00, carol approves 13:30, merged 17:00 (+120/−30, 4 files, 2 commits).
 * - #2 dependabot[bot]: created 03-04 08:00Z, bob approves 08:20, merged 08:30.
 * - #3 bob: opened as draft 03-05 10:00Z, ready 15:00, a bot review 15:02, ann requests
 *   changes 03-06 09:00, closed 12:00, reopened 13:00; open; first commit 09:30−05:00 (after creation).
 * - issues #4 (incident, service:payments, 03-04 10:00→12:30, caused by deployment 1002),
 *   #5 (bug), #6 (incident, open since 03-06 20:00).
 * - deployments 1001 production ✓ 03-03 17:20, 1002 production ✓ 03-04 09:10 (later inactive),
 *   1003 staging ✗ 03-05 12:05, 1004 prod-eu (production_environment) still in progress;
 *   release v1.0.0 (published 03-03 18:05, tag at 1001's sha) and a draft release.
 * - Copilot (org acme): 03-03 ann and bob, 03-04 ann.
 */
export function sampleGitHubData(): FakeGitHubData {
  const repo = SAMPLE_REPO;
  return {
    repos: {
      [repo]: {
        pulls: [pull1(repo), pull2(repo), pull3(repo)],
        issues: [
          githubIssue(repo, {
            number: 4,
            title: "Checkout fails for EU customers",
            author: "carol",
            labels: ["incident", "service:payments"],
            created_at: "2026-03-04T10:00:00Z",
            updated_at: "2026-03-04T12:30:00Z",
            closed_at: "2026-03-04T12:30:00Z",
            body: "Checkout errors after the morning deploy.\n\nCaused-by-deployment: 1002\n",
          }),
          githubIssue(repo, {
            number: 5,
            title: "Typo on the pricing page",
            author: "dave",
            labels: ["bug"],
            created_at: "2026-03-05T08:00:00Z",
            updated_at: "2026-03-05T08:00:00Z",
          }),
          githubIssue(repo, {
            number: 6,
            title: "Search latency above SLO",
            author: "carol",
            labels: ["incident"],
            created_at: "2026-03-06T20:00:00Z",
            updated_at: "2026-03-06T20:00:00Z",
          }),
        ],
        deployments: [
          {
            deployment: githubDeployment(repo, {
              id: 1001,
              sha: SAMPLE_SHAS[1001],
              environment: "production",
              created_at: "2026-03-03T17:10:00Z",
            }),
            statuses: [
              githubDeploymentStatus(repo, 1001, {
                id: 1,
                state: "in_progress",
                created_at: "2026-03-03T17:11:00Z",
              }),
              githubDeploymentStatus(repo, 1001, {
                id: 2,
                state: "success",
                created_at: "2026-03-03T17:20:00Z",
              }),
            ],
          },
          {
            deployment: githubDeployment(repo, {
              id: 1002,
              sha: SAMPLE_SHAS[1002],
              environment: "production",
              created_at: "2026-03-04T09:00:00Z",
            }),
            statuses: [
              githubDeploymentStatus(repo, 1002, {
                id: 3,
                state: "success",
                created_at: "2026-03-04T09:10:00Z",
              }),
              githubDeploymentStatus(repo, 1002, {
                id: 6,
                state: "inactive",
                created_at: "2026-03-05T10:00:00Z",
              }),
            ],
          },
          {
            deployment: githubDeployment(repo, {
              id: 1003,
              sha: SAMPLE_SHAS[1003],
              environment: "staging",
              created_at: "2026-03-05T12:00:00Z",
            }),
            statuses: [
              githubDeploymentStatus(repo, 1003, {
                id: 4,
                state: "failure",
                created_at: "2026-03-05T12:05:00Z",
                environment: "staging",
              }),
            ],
          },
          {
            deployment: githubDeployment(repo, {
              id: 1004,
              sha: SAMPLE_SHAS[1004],
              environment: "prod-eu",
              production_environment: true,
              created_at: "2026-03-06T09:00:00Z",
            }),
            statuses: [
              githubDeploymentStatus(repo, 1004, {
                id: 5,
                state: "queued",
                created_at: "2026-03-06T09:00:30Z",
                environment: "prod-eu",
              }),
              githubDeploymentStatus(repo, 1004, {
                id: 7,
                state: "in_progress",
                created_at: "2026-03-06T09:01:00Z",
                environment: "prod-eu",
              }),
            ],
          },
        ],
        releases: [
          githubRelease(repo, {
            id: 501,
            tag_name: "v1.0.0",
            created_at: "2026-03-03T18:00:00Z",
            published_at: "2026-03-03T18:05:00Z",
          }),
          githubRelease(repo, {
            id: 502,
            tag_name: "v1.1.0-rc.1",
            created_at: "2026-03-06T18:00:00Z",
            draft: true,
          }),
        ],
        refs: { "v1.0.0": githubCommitOfRef(repo, SAMPLE_SHAS[1001], "2026-03-03T16:55:00Z") },
      },
    },
    copilot: {
      [SAMPLE_ORG]: {
        "2026-03-03": [
          copilotUserDay({
            day: "2026-03-03",
            login: "ann",
            completion: { shown: 40, accepted: 12, lines_suggested: 60, lines_accepted: 20 },
            chat: { interactions: 3, generated: 5, accepted: 2, lines_added: 15 },
          }),
          copilotUserDay({
            day: "2026-03-03",
            login: "bob",
            completion: { shown: 10, accepted: 5, lines_suggested: 12, lines_accepted: 6 },
            ide: "intellij",
          }),
        ],
        "2026-03-04": [
          copilotUserDay({
            day: "2026-03-04",
            login: "ann",
            completion: { shown: 30, accepted: 9, lines_suggested: 45, lines_accepted: 14 },
          }),
        ],
      },
    },
  };
}

function pull1(repo: string): FakePull {
  const commits = [
    githubPrCommit(repo, {
      author: "ann",
      email: "ann@acme.dev",
      authored_at: "2026-03-02T15:30:00+01:00",
      message: "Add cart badge",
    }),
    githubPrCommit(repo, {
      author: "ann",
      email: "ann@acme.dev",
      authored_at: "2026-03-03T08:45:00Z",
      message: "Fix badge colour",
    }),
  ];
  const reviews = [
    githubReview(repo, 1, {
      id: 11,
      user: "ann",
      state: "COMMENTED",
      submitted_at: "2026-03-03T10:00:00Z",
      body: "note to self",
    }),
    githubReview(repo, 1, { id: 12, user: "bob", state: "COMMENTED", submitted_at: "2026-03-03T11:00:00Z" }),
    githubReview(repo, 1, { id: 13, user: "carol", state: "APPROVED", submitted_at: "2026-03-03T13:30:00Z" }),
  ];
  return {
    pull: githubPull(repo, {
      number: 1,
      title: "Cart badge",
      author: "ann",
      created_at: "2026-03-03T09:00:00Z",
      updated_at: "2026-03-03T17:05:00Z",
      merged_at: "2026-03-03T17:00:00Z",
      additions: 120,
      deletions: 30,
      changed_files: 4,
      commits: 2,
      review_comments: 3,
    }),
    commits,
    reviews,
    timeline: [
      ...commits.map((c) => githubTimelineCommitted(repo, c)),
      githubTimelineEvent(repo, 1, {
        event: "review_requested",
        actor: "ann",
        reviewer: "bob",
        created_at: "2026-03-03T09:05:00Z",
      }),
      ...reviews.map(githubTimelineReviewed),
      githubTimelineEvent(repo, 1, { event: "merged", actor: "ann", created_at: "2026-03-03T17:00:00Z" }),
      githubTimelineEvent(repo, 1, { event: "closed", actor: "ann", created_at: "2026-03-03T17:00:00Z" }),
    ],
  };
}

function pull2(repo: string): FakePull {
  const reviews = [
    githubReview(repo, 2, { id: 21, user: "bob", state: "APPROVED", submitted_at: "2026-03-04T08:20:00Z" }),
  ];
  return {
    pull: githubPull(repo, {
      number: 2,
      title: "Bump lodash from 4.17.20 to 4.17.21",
      author: "dependabot[bot]",
      created_at: "2026-03-04T08:00:00Z",
      updated_at: "2026-03-04T08:31:00Z",
      merged_at: "2026-03-04T08:30:00Z",
      additions: 2,
      deletions: 2,
      changed_files: 1,
      commits: 1,
      labels: ["dependencies"],
    }),
    commits: [githubPrCommit(repo, { author: "dependabot[bot]", authored_at: "2026-03-04T07:59:00Z" })],
    reviews,
    timeline: [
      ...reviews.map(githubTimelineReviewed),
      githubTimelineEvent(repo, 2, { event: "merged", actor: "bob", created_at: "2026-03-04T08:30:00Z" }),
      githubTimelineEvent(repo, 2, { event: "closed", actor: "bob", created_at: "2026-03-04T08:30:00Z" }),
    ],
  };
}

function pull3(repo: string): FakePull {
  const reviews = [
    githubReview(repo, 3, {
      id: 31,
      user: "copilot-pull-request-reviewer[bot]",
      state: "COMMENTED",
      submitted_at: "2026-03-05T15:02:00Z",
    }),
    githubReview(repo, 3, {
      id: 32,
      user: "ann",
      state: "CHANGES_REQUESTED",
      submitted_at: "2026-03-06T09:00:00Z",
    }),
    githubReview(repo, 3, { id: 33, user: "carol", state: "PENDING" }),
  ];
  const commits = [
    githubPrCommit(repo, { author: "bob", email: "bob@acme.dev", authored_at: "2026-03-05T09:30:00-05:00" }),
  ];
  return {
    pull: githubPull(repo, {
      number: 3,
      title: "Search filters",
      author: "bob",
      created_at: "2026-03-05T10:00:00Z",
      updated_at: "2026-03-06T13:00:00Z",
      draft: false,
      additions: 300,
      deletions: 12,
      changed_files: 9,
      commits: 1,
      requested_reviewers: ["carol"],
    }),
    commits,
    reviews,
    timeline: [
      ...commits.map((c) => githubTimelineCommitted(repo, c)),
      githubTimelineEvent(repo, 3, {
        event: "ready_for_review",
        actor: "bob",
        created_at: "2026-03-05T15:00:00Z",
      }),
      githubTimelineEvent(repo, 3, {
        event: "review_requested",
        actor: "bob",
        reviewer: "ann",
        created_at: "2026-03-05T15:00:05Z",
      }),
      githubTimelineEvent(repo, 3, {
        event: "review_requested",
        actor: "bob",
        reviewer: "carol",
        created_at: "2026-03-05T15:00:06Z",
      }),
      githubTimelineEvent(repo, 3, { event: "commented", actor: "bob", created_at: "2026-03-05T16:00:00Z" }),
      ...reviews.filter((r) => r.state !== "PENDING").map(githubTimelineReviewed),
      githubTimelineEvent(repo, 3, { event: "closed", actor: "bob", created_at: "2026-03-06T12:00:00Z" }),
      githubTimelineEvent(repo, 3, { event: "reopened", actor: "bob", created_at: "2026-03-06T13:00:00Z" }),
    ],
  };
}
