import type { Migration } from "../store/types.js";

/**
 * Gateway telemetry (schema version 1 of `gateway-event.ts`): one row per gateway call and one
 * per suggestion outcome an IDE reports. No foreign key to `users`: an event outlives its user
 * and a write never fails on one. Apply after `coreMigrations`.
 */
export const telemetryMigrations: readonly Migration[] = [
  {
    id: "core/0002_telemetry",
    sql: `
CREATE TABLE gateway_events (
  id text PRIMARY KEY,
  schema_version integer NOT NULL,
  at timestamptz NOT NULL,
  login text NOT NULL,
  kind text NOT NULL,
  model text NOT NULL,
  status text NOT NULL,
  http_status integer NOT NULL,
  latency_ms double precision NOT NULL,
  upstream_ms double precision,
  context_ms double precision,
  prompt_tokens integer,
  completion_tokens integer,
  context_tokens integer NOT NULL,
  context_snippets integer NOT NULL,
  context_used boolean NOT NULL,
  stream boolean NOT NULL,
  repo text,
  language text,
  client text,
  error_code text
);
CREATE INDEX gateway_events_at ON gateway_events (at);
CREATE INDEX gateway_events_login_at ON gateway_events (login, at);

CREATE TABLE suggestion_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  schema_version integer NOT NULL,
  completion_id text NOT NULL,
  at timestamptz NOT NULL,
  login text NOT NULL,
  event text NOT NULL,
  chars_suggested integer,
  chars_kept integer
);
CREATE INDEX suggestion_events_completion ON suggestion_events (completion_id);
CREATE INDEX suggestion_events_login_at ON suggestion_events (login, at);
`,
  },
  {
    id: "core/0003_gateway_event_route",
    sql: `
ALTER TABLE gateway_events ADD COLUMN experiment text;
ALTER TABLE gateway_events ADD COLUMN arm text;
`,
  },
];
