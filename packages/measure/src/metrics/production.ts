import type { DeploymentFact } from "./facts.js";
import type { ResolvedOptions } from "./types.js";

/** A successful deployment to a production environment: what DORA metrics count. */
export function isProductionSuccess(deployment: DeploymentFact, options: ResolvedOptions): boolean {
  return (
    deployment.status === "success" &&
    options.productionEnvironments.has(deployment.environment.toLowerCase())
  );
}
