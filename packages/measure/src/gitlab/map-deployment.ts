import { recordEnvironment } from "../github/environment.js";
import { toInstant } from "../github/time.js";
import { type Deployment, deploymentSchema } from "../records.js";
import type { GitLabDeploymentPayload } from "./payloads.js";

const STATUS: Record<string, Deployment["status"]> = {
  success: "success",
  failed: "failure",
  canceled: "cancelled",
  skipped: "cancelled",
  created: "in_progress",
  running: "in_progress",
  blocked: "in_progress",
};

/**
 * Maps a GitLab deployment: environment "production" when its tier is `production` (from the
 * environments list when the deployment does not carry it) or its name matches `production`;
 * finished at `finished_at`, else its job's, else its last update.
 */
export function mapGitLabDeployment(
  project: string,
  deployment: GitLabDeploymentPayload,
  tiers: ReadonlyMap<number, string>,
  production: RegExp,
): Deployment {
  const env = deployment.environment;
  const tier = env.tier ?? tiers.get(env.id);
  return deploymentSchema.parse({
    id: `gitlab:${project}/deployment/${deployment.id}`,
    source: "gitlab",
    repo: project,
    service: project.split("/").at(-1),
    environment: recordEnvironment(env.name, tier === "production", production),
    sha: deployment.sha,
    finished_at: toInstant(
      deployment.finished_at ?? deployment.deployable?.finished_at ?? deployment.updated_at,
    ),
    status: STATUS[deployment.status] ?? "in_progress",
    attributes: {
      gitlab_id: deployment.id,
      iid: deployment.iid,
      ref: deployment.ref,
      environment_name: env.name,
      tier,
      gitlab_status: deployment.status,
      user: deployment.user?.username,
      created_at: toInstant(deployment.created_at),
    },
  });
}
