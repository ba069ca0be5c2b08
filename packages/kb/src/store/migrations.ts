import type { Migration } from "@uplift/core";

/**
 * Tables of the knowledge base. Documents and chunks mirror what the search index holds, with
 * content hashes so a sync rewrites only what changed; a document deleted at its source keeps
 * a row (`deleted_at`) so old answers can still name it, but loses its chunks.
 */
export const kbMigrations: readonly Migration[] = [
  {
    id: "kb/0001_sources_documents_chunks",
    sql: `
CREATE TABLE kb_sources (
  name text PRIMARY KEY,
  type text NOT NULL,
  path text NOT NULL,
  acl text[] NOT NULL DEFAULT '{}',
  url_base text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE kb_documents (
  source text NOT NULL REFERENCES kb_sources (name) ON DELETE CASCADE,
  id text NOT NULL,
  content_hash text,
  title text NOT NULL,
  url text,
  path text,
  format text NOT NULL,
  acl text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz,
  synced_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (source, id)
);
CREATE TABLE kb_chunks (
  id text PRIMARY KEY,
  source text NOT NULL,
  doc_id text NOT NULL,
  hash text NOT NULL,
  ordinal integer NOT NULL,
  heading_path text NOT NULL DEFAULT '',
  token_count integer NOT NULL,
  FOREIGN KEY (source, doc_id) REFERENCES kb_documents (source, id) ON DELETE CASCADE
);
CREATE INDEX kb_chunks_doc ON kb_chunks (source, doc_id);
-- chunk ids written to the index before their batch was committed to the store (write-ahead):
-- what a crash leaves here and is not in kb_chunks is deleted from the index by the next sync
CREATE TABLE kb_index_pending (
  chunk_id text PRIMARY KEY,
  source text NOT NULL
);
CREATE TABLE kb_sync_runs (
  id text PRIMARY KEY,
  source text NOT NULL REFERENCES kb_sources (name) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  embedder text NOT NULL,
  documents_seen integer NOT NULL DEFAULT 0,
  documents_added integer NOT NULL DEFAULT 0,
  documents_updated integer NOT NULL DEFAULT 0,
  documents_unchanged integer NOT NULL DEFAULT 0,
  documents_deleted integer NOT NULL DEFAULT 0,
  documents_skipped integer NOT NULL DEFAULT 0,
  chunks_indexed integer NOT NULL DEFAULT 0,
  chunks_deleted integer NOT NULL DEFAULT 0,
  errors jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX kb_sync_runs_source ON kb_sync_runs (source, started_at);
CREATE TABLE kb_index_state (
  key text PRIMARY KEY,
  value text NOT NULL
);
CREATE TABLE kb_answers (
  id text PRIMARY KEY,
  question text NOT NULL,
  user_login text,
  answer text NOT NULL,
  citations jsonb NOT NULL,
  passages jsonb NOT NULL,
  generator text NOT NULL,
  grounded boolean NOT NULL,
  retrieval text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE kb_feedback (
  id text PRIMARY KEY,
  answer_id text NOT NULL REFERENCES kb_answers (id) ON DELETE CASCADE,
  user_login text,
  vote text NOT NULL CHECK (vote IN ('up', 'down')),
  comment text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kb_feedback_answer ON kb_feedback (answer_id);
`,
  },
  {
    // retrieval confidence of a stored answer: the share of the question's content terms found in
    // its best passage (0 to 1; null for answers stored before it was recorded), for `kb gaps`
    id: "kb/0002_answer_top_coverage",
    sql: `
ALTER TABLE kb_answers ADD COLUMN top_coverage real;
CREATE INDEX kb_answers_created ON kb_answers (created_at);
`,
  },
];
