import type { Migration } from "../store/types.js";

/**
 * The platform's own tables (users and API tokens belong to no domain). Apply with
 * `store.migrate(coreMigrations)` before any domain's migrations.
 */
export const coreMigrations: readonly Migration[] = [
  {
    id: "core/0001_users_tokens",
    sql: `
CREATE TABLE users (
  login text PRIMARY KEY,
  groups text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  login text NOT NULL REFERENCES users (login) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
CREATE INDEX api_tokens_login ON api_tokens (login);
`,
  },
];
