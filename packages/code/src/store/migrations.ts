import type { Migration } from "@uplift/core";

/**
 * The org code index's records (docs/code.md). Files are keyed by (repo, path); everything
 * derived from a file cascades when the file row is deleted, so re-indexing a file is
 * "delete its row, insert the new rows" in one transaction.
 */
export const CODE_INDEX_MIGRATION: Migration = {
  id: "code/0001_code_index",
  sql: `
CREATE TABLE code_repos (
  name text PRIMARY KEY,
  root text NOT NULL UNIQUE,
  listing text NOT NULL,
  indexed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE code_files (
  repo text NOT NULL REFERENCES code_repos (name) ON DELETE CASCADE,
  path text NOT NULL,
  language text NOT NULL,
  content_hash text NOT NULL,
  content text NOT NULL,
  namespace text NOT NULL DEFAULT '',
  parsed boolean NOT NULL,
  syntax_errors boolean NOT NULL,
  line_count integer NOT NULL,
  PRIMARY KEY (repo, path)
);

CREATE TABLE code_symbols (
  repo text NOT NULL,
  path text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  container text NOT NULL DEFAULT '',
  start_line integer NOT NULL,
  end_line integer NOT NULL,
  doc_start_line integer NOT NULL,
  signature text NOT NULL,
  doc text NOT NULL,
  top_level boolean NOT NULL,
  FOREIGN KEY (repo, path) REFERENCES code_files (repo, path) ON DELETE CASCADE
);
CREATE INDEX code_symbols_name ON code_symbols (name);
CREATE INDEX code_symbols_file ON code_symbols (repo, path);

CREATE TABLE code_imports (
  repo text NOT NULL,
  path text NOT NULL,
  module text NOT NULL,
  imported text NOT NULL,
  local text NOT NULL,
  line integer NOT NULL,
  FOREIGN KEY (repo, path) REFERENCES code_files (repo, path) ON DELETE CASCADE
);
CREATE INDEX code_imports_module ON code_imports (module);
CREATE INDEX code_imports_file ON code_imports (repo, path);

CREATE TABLE code_packages (
  repo text NOT NULL REFERENCES code_repos (name) ON DELETE CASCADE,
  name text NOT NULL,
  ecosystem text NOT NULL,
  dir text NOT NULL,
  PRIMARY KEY (repo, ecosystem, name, dir)
);
CREATE INDEX code_packages_name ON code_packages (name);

CREATE TABLE code_chunks (
  id text PRIMARY KEY,
  repo text NOT NULL,
  path text NOT NULL,
  start_line integer NOT NULL,
  end_line integer NOT NULL,
  symbol text NOT NULL,
  kind text NOT NULL,
  language text NOT NULL,
  content text NOT NULL,
  minhash text,
  FOREIGN KEY (repo, path) REFERENCES code_files (repo, path) ON DELETE CASCADE
);
CREATE INDEX code_chunks_file ON code_chunks (repo, path);

CREATE TABLE code_chunk_bands (
  band bigint NOT NULL,
  chunk_id text NOT NULL REFERENCES code_chunks (id) ON DELETE CASCADE
);
CREATE INDEX code_chunk_bands_band ON code_chunk_bands (band);
CREATE INDEX code_chunk_bands_chunk ON code_chunk_bands (chunk_id);
`,
};

/**
 * What the last walk of a repository found (its fingerprint, the files kept, the skip counts,
 * the package names), so that a repository whose files did not change is reported without
 * reading them. Null until a walk completes, and reset when one starts.
 */
export const CODE_REPO_LAST_WALK_MIGRATION: Migration = {
  id: "code/0002_repo_last_walk",
  sql: "ALTER TABLE code_repos ADD COLUMN last_walk jsonb;",
};

/**
 * LSH candidates per band in chunk-id order, read as an index range (`CodeIndexReader`
 * caps each band): (band, chunk_id) replaces the index on band alone.
 */
export const CODE_BAND_CHUNK_INDEX_MIGRATION: Migration = {
  id: "code/0003_band_chunk_index",
  sql: `
CREATE INDEX code_chunk_bands_band_chunk ON code_chunk_bands (band, chunk_id);
DROP INDEX code_chunk_bands_band;
`,
};
