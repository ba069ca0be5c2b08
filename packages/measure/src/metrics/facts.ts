import type { Commit, Deployment, Incident, PullRequest, TelemetryDay } from "../records.js";
import { instantMs } from "./span.js";

/**
 * The fields of a pull request the metrics read, times as epoch milliseconds (NaN = absent).
 * `author` is the canonical login (after identity resolution).
 */
export interface PrFact {
  id: string;
  repo: string;
  author: string;
  created: number;
  merged: number;
  firstCommit: number;
  firstReview: number;
  /** additions + deletions; NaN when either is unknown. */
  size: number;
  draft: boolean;
  bot: boolean;
}

export interface DeploymentFact {
  id: string;
  repo: string;
  /** The deployed service; the repository when the source names none. */
  service: string;
  environment: string;
  sha: string;
  finished: number;
  status: string;
}

export interface IncidentFact {
  id: string;
  service: string;
  started: number;
  resolved: number;
  deploymentId: string | undefined;
}

export interface TelemetryFact {
  user: string;
  /** Epoch ms of the day's UTC midnight. */
  day: number;
  shown: number;
  accepted: number;
}

export interface CommitFact {
  repo: string;
  sha: string;
  author: string;
  authored: number;
}

/** Names a login resolves to (alias → canonical); identity when absent. */
export type ResolveLogin = (name: string) => string;
const same: ResolveLogin = (name) => name;

/** GitHub's convention for app accounts ("dependabot[bot]"); sources may also set `author_is_bot`. */
export function looksLikeBot(login: string): boolean {
  return /\[bot\]$/i.test(login);
}

export function prFact(pr: PullRequest, resolve: ResolveLogin = same): PrFact {
  return {
    id: pr.id,
    repo: pr.repo,
    author: resolve(pr.author),
    created: instantMs(pr.created_at),
    merged: instantMs(pr.merged_at),
    firstCommit: instantMs(pr.first_commit_at),
    firstReview: instantMs(pr.first_review_at),
    size: pr.additions === undefined || pr.deletions === undefined ? Number.NaN : pr.additions + pr.deletions,
    draft: pr.draft,
    bot: pr.author_is_bot || looksLikeBot(pr.author),
  };
}

export function deploymentFact(deployment: Deployment): DeploymentFact {
  return {
    id: deployment.id,
    repo: deployment.repo,
    service: deployment.service ?? deployment.repo,
    environment: deployment.environment,
    sha: deployment.sha,
    finished: instantMs(deployment.finished_at),
    status: deployment.status,
  };
}

export function incidentFact(incident: Incident): IncidentFact {
  return {
    id: incident.id,
    service: incident.service,
    started: instantMs(incident.started_at),
    resolved: instantMs(incident.resolved_at),
    deploymentId: incident.deployment_id,
  };
}

export function telemetryFact(day: TelemetryDay, resolve: ResolveLogin = same): TelemetryFact {
  return {
    user: resolve(day.user),
    day: Date.parse(`${day.date}T00:00:00Z`),
    shown: day.shown,
    accepted: day.accepted,
  };
}

export function commitFact(commit: Commit, resolve: ResolveLogin = same): CommitFact {
  return {
    repo: commit.repo,
    sha: commit.sha,
    author: resolve(commit.author),
    authored: instantMs(commit.authored_at),
  };
}
