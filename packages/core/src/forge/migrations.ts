import type { Migration } from "../store/types.js";

/**
 * The forge clients' HTTP cache (ETag + parsed body per request URL). Domain-free: any
 * connector that calls GitHub or GitLab can share it. Apply with the other migrations.
 */
export const forgeMigrations: readonly Migration[] = [
  {
    id: "forge/0001_http_cache",
    sql: `
CREATE TABLE forge_http_cache (
  key text PRIMARY KEY,
  etag text NOT NULL,
  next_url text,
  body jsonb NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
];
