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

/** Upserts mappings a connector observed (e.g. a commit email GitHub ties to a login) without re-pointing reviewed ones. */
export async function insertObservedIdentities(
  tx: Queryable,
  mappings: readonly IdentityMapping[],
): Promise<number> {
  const distinct = new Map(mappings.map((m) => [normalizeAlias(m.alias), m]));
  return insertRows(
    tx,
    "identities",
    ["alias", "login", "source", "updated_at"],
    [...distinct].map(([alias, m]) => [alias, m.login, m.source, new Date().toISOString()]),
    { onConflict: { columns: ["alias"], action: "nothing" } },
  );
}

/** Links followed from an alias to its login at most (alias → GitHub login → canonical login …). */
const MAX_ALIAS_HOPS = 8;

/**
 * Every mapping, alias → canonical login, small (one row per identity of each developer). Chains
 * are followed: a commit email mapped to a GitHub login that is itself an alias of a developer's
 * login resolves to that login; an alias on a cycle keeps its direct mapping.
 */
export async function loadIdentityMap(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ alias: string; login: string }>("SELECT alias, login FROM identities");
  return resolveAliasChains(new Map(rows.map((row) => [row.alias, row.login])));
}

/** Each alias mapped to the end of its chain (see loadIdentityMap). Pure. */
export function resolveAliasChains(direct: ReadonlyMap<string, string>): Map<string, string> {
  const resolved = new Map<string, string>();
  for (const [alias, first] of direct) {
    let login = first;
    const seen = new Set([alias]);
    for (let hop = 0; hop < MAX_ALIAS_HOPS; hop++) {
      const key = normalizeAlias(login);
      const next = direct.get(key);
      if (next === undefined || next === login) break;
      if (seen.has(key)) {
        login = first; // a cycle (a ↔ b): keep the direct mapping, as reviewed
        break;
      }
      seen.add(key);
      login = next;
    }
    resolved.set(alias, login);
  }
  return resolved;
}

/** The canonical login of `name`: its mapping when one exists, else the name itself. */
export function canonicalLogin(identities: ReadonlyMap<string, string>, name: string): string {
  return identities.get(normalizeAlias(name)) ?? name;
}
