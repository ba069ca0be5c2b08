import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { CorruptDataError } from "../errors.js";

/** The PostgreSQL major version embedded by @electric-sql/pglite 0.5. */
export const PGLITE_PG_MAJOR = "18";

/** Size of `global/pg_control` in every PostgreSQL data directory (PG_CONTROL_FILE_SIZE). */
const PG_CONTROL_BYTES = 8192;

/** Directories PostgreSQL needs at startup; initdb creates them all. */
const REQUIRED_DIRS = ["global", "base", "pg_wal", "pg_xact", "pg_multixact", "pg_subtrans", "pg_tblspc"];

/**
 * Checks, reading only, that `dir` is either absent/empty ("fresh": initdb will run) or a
 * complete data directory of the embedded PostgreSQL ("existing"). PGlite itself writes to a
 * damaged directory before it fails (WAL, pg_control), so damage must be caught here first.
 * @throws CorruptDataError naming the directory and the problem.
 */
export function inspectPgliteDataDir(dir: string): "fresh" | "existing" {
  const kind = kindOf(dir);
  if (kind === "missing") return "fresh";
  if (kind !== "dir") throw corrupt(dir, "it is not a directory");
  if (readdirSync(dir).length === 0) return "fresh";

  const versionFile = path.join(dir, "PG_VERSION");
  if (kindOf(versionFile) !== "file")
    throw corrupt(dir, "PG_VERSION is missing, so it is not a database directory");
  const version = readFileSync(versionFile, "utf8").trim();
  if (!/^\d{1,3}$/.test(version)) {
    throw corrupt(
      dir,
      `PG_VERSION holds ${JSON.stringify(version.slice(0, 40))} instead of a PostgreSQL version`,
    );
  }
  if (version !== PGLITE_PG_MAJOR) {
    throw corrupt(
      dir,
      `it was created by PostgreSQL ${version}, this Uplift embeds PostgreSQL ${PGLITE_PG_MAJOR}`,
    );
  }
  for (const name of REQUIRED_DIRS) {
    if (kindOf(path.join(dir, name)) !== "dir") throw corrupt(dir, `the directory ${name}/ is missing`);
  }
  if (readdirSync(path.join(dir, "base")).length === 0) throw corrupt(dir, "base/ holds no database");
  const control = path.join(dir, "global", "pg_control");
  if (kindOf(control) !== "file") throw corrupt(dir, "global/pg_control is missing");
  const size = statSync(control).size;
  if (size !== PG_CONTROL_BYTES)
    throw corrupt(dir, `global/pg_control has ${size} bytes instead of ${PG_CONTROL_BYTES}`);
  return "existing";
}

/** What to do about a damaged embedded database. */
export const CORRUPT_HINT =
  "restore that directory from a backup, or move it away to start with an empty database";

function corrupt(dir: string, problem: string): CorruptDataError {
  return new CorruptDataError(`the embedded database in ${dir} is damaged: ${problem}; nothing was changed`, {
    hint: CORRUPT_HINT,
  });
}

function kindOf(file: string): "missing" | "file" | "dir" | "other" {
  try {
    const stat = statSync(file);
    return stat.isDirectory() ? "dir" : stat.isFile() ? "file" : "other";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
}
