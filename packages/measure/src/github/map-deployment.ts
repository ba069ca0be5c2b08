import { type Deployment, deploymentSchema } from "../records.js";
import { recordEnvironment } from "./environment.js";
import type { DeploymentPayload, DeploymentStatusPayload, ReleasePayload } from "./payloads.js";
import { toInstant } from "./time.js";

/** GitHub deployment states that end a deployment (anything else may still change). */
const TERMINAL = new Set(["success", "failure", "error", "inactive"]);

/**
 * Maps a GitHub deployment and its statuses to a record: `success` at its first success status
 * (a later `inactive` — superseded by a newer deployment — does not undo it), else `failure` /
 * `error` at the last such status, else `cancelled` when it went `inactive` without success,
 * else `in_progress` (queued, pending, in progress, or no status yet) at its latest status.
 */
export function mapDeployment(
  repo: string,
  deployment: DeploymentPayload,
  statuses: readonly DeploymentStatusPayload[],
  production: RegExp,
): Deployment {
  const ordered = [...statuses].sort(
    (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id,
  );
  const { status, at } = outcome(ordered, deployment.created_at);
  return deploymentSchema.parse({
    id: `github:${repo}/deployment/${deployment.id}`,
    source: "github",
    repo,
    service: repo.split("/").at(-1),
    environment: recordEnvironment(deployment.environment, deployment.production_environment, production),
    sha: deployment.sha,
    finished_at: toInstant(at),
    status,
    attributes: {
      github_id: deployment.id,
      ref: deployment.ref,
      task: deployment.task,
      environment_name: deployment.environment,
      production_environment: deployment.production_environment,
      transient_environment: deployment.transient_environment,
      creator: deployment.creator?.login,
      created_at: toInstant(deployment.created_at),
      statuses: ordered.map((s) => ({ state: s.state, at: toInstant(s.created_at) })),
    },
  });
}

/** True while a deployment's statuses may still change (it stays on the cursor's pending list). */
export function isDeploymentOpen(statuses: readonly DeploymentStatusPayload[]): boolean {
  return !statuses.some((s) => TERMINAL.has(s.state));
}

function outcome(
  ordered: readonly DeploymentStatusPayload[],
  createdAt: string,
): { status: Deployment["status"]; at: string } {
  const success = ordered.find((s) => s.state === "success");
  if (success) return { status: "success", at: success.created_at };
  const failed = ordered.findLast((s) => s.state === "failure" || s.state === "error");
  if (failed) return { status: failed.state === "error" ? "error" : "failure", at: failed.created_at };
  const inactive = ordered.findLast((s) => s.state === "inactive");
  if (inactive) return { status: "cancelled", at: inactive.created_at };
  return { status: "in_progress", at: ordered.at(-1)?.created_at ?? createdAt };
}

/**
 * Maps a published release to a deployment record in `environment` ("release" by default, or
 * "production" for teams that ship by releasing): successful at `published_at`, at the commit the
 * tag points to.
 */
export function mapRelease(
  repo: string,
  release: ReleasePayload,
  sha: string,
  environment: string,
): Deployment {
  return deploymentSchema.parse({
    id: `github:${repo}/release/${release.id}`,
    source: "github",
    repo,
    service: repo.split("/").at(-1),
    environment,
    sha,
    finished_at: toInstant(release.published_at ?? release.created_at),
    status: "success",
    attributes: {
      github_release_id: release.id,
      tag: release.tag_name,
      name: release.name ?? undefined,
      prerelease: release.prerelease,
      author: release.author?.login,
      url: release.html_url,
    },
  });
}
