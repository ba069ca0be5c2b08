import type { Queryable } from "@uplift/core";
import { tableExists } from "../store/catalog.js";
import { normalizeAlias } from "../store/identities.js";

/**
 * The names records use that map to no developer: PR authors, telemetry users, survey
 * respondents and (when the Git connector's `commits` table exists) the emails of commit
 * authors whose stored author does not resolve. A name resolves when `identities` maps it
 * (case-insensitively, as metrics do) or a `developers` row has it as login. Returned
 * normalized (trimmed, lower-case), distinct and sorted.
 */
export async function findUnresolvedIdentities(db: Queryable): Promise<string[]> {
  const mapped = new Set(
    (await db.query<{ alias: string }>("SELECT alias FROM identities")).rows.map((row) => row.alias),
  );
  const logins = new Set(
    (await db.query<{ login: string }>("SELECT login FROM developers")).rows.map((row) => row.login),
  );
  const resolves = (name: string) => mapped.has(normalizeAlias(name)) || logins.has(name);
  const unresolved = new Set<string>();
  const seen = async (sql: string) => {
    for (const { name } of (await db.query<{ name: string }>(sql)).rows) {
      if (name.trim() !== "" && !resolves(name)) unresolved.add(normalizeAlias(name));
    }
  };
  await seen("SELECT DISTINCT author AS name FROM prs");
  await seen('SELECT DISTINCT "user" AS name FROM telemetry_days');
  await seen("SELECT DISTINCT respondent AS name FROM survey_answers");
  if (await tableExists(db, "commits")) {
    const { rows } = await db.query<{ author: string; email: string }>(
      "SELECT DISTINCT author, author_email AS email FROM commits",
    );
    for (const { author, email } of rows) {
      if (resolves(author)) continue;
      const name = email.trim() !== "" ? email : author;
      if (name.trim() !== "" && !resolves(name)) unresolved.add(normalizeAlias(name));
    }
  }
  return [...unresolved].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
