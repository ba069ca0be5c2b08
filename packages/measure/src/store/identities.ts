import { insertRows, type Queryable } from "@uplift/core";
import type { Developer } from "../records.js";

/** One identity mapping: an alias (Git email, GitHub/GitLab login, survey id) → canonical login. */
export interface IdentityMapping {
  alias: string;
  login: string;
  /** Where the mapping came from, e.g. "developers:people.csv" or "mapping:identities.yaml". */
  source: string;
}

/** Aliases are matched case-insensitively; they are stored trimmed and lower-case. */
export function normalizeAlias(alias: string): string {
  return alias.trim().toLowerCase();
}

/** The mappings a developer row implies: its login to itself, and each alias to the login. */
export function identitiesOfDevelopers(developers: readonly Developer[], source: string): IdentityMapping[] {
  const byAlias = new Map<string, IdentityMapping>();
  for (const developer of developers) {
    for (const alias of [developer.login, ...developer.aliases]) {
      byAlias.set(normalizeAlias(alias), { alias: normalizeAlias(alias), login: developer.login, source });
    }
  }
  return [...byAlias.values()];
}

/** Upserts mappings (an alias already mapped is re-pointed). Call inside a transaction. */
export async function upsertIdentities(tx: Queryable, mappings: readonly IdentityMapping[]): Promise<number> {
  return insertRows(
    tx,
    "identities",
    ["alias", "login", "source", "updated_at"],
    mappings.map((m) => [m.alias, m.login, m.source, new Date().toISOString()]),
    { onConflict: { columns: ["alias"], action: "update" } },
  );
}

/** Every mapping, alias → login; small (one row per identity of each developer). */
export async function loadIdentityMap(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ alias: string; login: string }>("SELECT alias, login FROM identities");
  return new Map(rows.map((row) => [row.alias, row.login]));
}

/** The canonical login of `name`: its mapping when one exists, else the name itself. */
export function canonicalLogin(identities: ReadonlyMap<string, string>, name: string): string {
  return identities.get(normalizeAlias(name)) ?? name;
}
