import type { ModelRoute } from "./model-registry.js";

/** A developer's arm in one experiment (from `experiment design`'s stored assignment). */
export interface ArmAssignment {
  experiment: string;
  unit: string;
  arm: string;
}

/**
 * The route that applies to a developer: among the routes whose experiment assigned them to
 * the routed arm, the most recently set. Logins compare case-insensitively (as identities do).
 */
export function routeForUser(
  routes: readonly ModelRoute[],
  assignments: readonly ArmAssignment[],
  login: string,
): ModelRoute | undefined {
  const user = login.toLowerCase();
  const arms = new Map<string, string>();
  for (const a of assignments) if (a.unit.toLowerCase() === user) arms.set(a.experiment, a.arm);
  return [...routes]
    .filter((r) => arms.get(r.experiment) === r.arm)
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
}
