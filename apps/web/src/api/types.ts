/**
 * Shapes of the /api responses the dashboard reads. They mirror the zod schemas in
 * apps/server/src/api/schemas.ts (also published at /api/openapi.json).
 */
export interface User {
  login: string;
  groups: string[];
}

export interface DependencyHealth {
  ok: boolean;
  detail?: string;
}

export interface InstanceHealth {
  status: "ok" | "degraded";
  version: string;
  started_at: string;
  uptime_seconds: number;
  checks: Record<string, DependencyHealth>;
}
