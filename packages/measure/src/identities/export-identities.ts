import { writeFile } from "node:fs/promises";
import type { Queryable } from "@uplift/core";
import { compareIdentityRows, formatIdentityCsv, type IdentityFileRow } from "./identity-csv.js";
import { findUnresolvedIdentities } from "./unresolved-identities.js";

/** What {@link exportIdentities} wrote. */
export interface ExportIdentitiesResult {
  file: string;
  /** Rows of the `identities` table written. */
  mapped: number;
  /** Names seen in records that map to no developer, written with an empty login. */
  unresolved: number;
}

/** The rows of a reviewable mapping file: every mapping plus every unresolved name (empty login). */
export async function identityFileRows(db: Queryable): Promise<{ rows: IdentityFileRow[]; mapped: number }> {
  const { rows: mappings } = await db.query<IdentityFileRow>("SELECT alias, login, source FROM identities");
  const unresolved = (await findUnresolvedIdentities(db)).map((alias) => ({ alias, login: "", source: "" }));
  return { rows: [...mappings, ...unresolved].sort(compareIdentityRows), mapped: mappings.length };
}

/**
 * Writes `alias,login,source` to `file`, sorted by login then alias; the unresolved names come
 * first (empty login) for a reviewer to fill in and import with {@link importIdentities}.
 */
export async function exportIdentities(db: Queryable, file: string): Promise<ExportIdentitiesResult> {
  const { rows, mapped } = await identityFileRows(db);
  await writeFile(file, formatIdentityCsv(rows));
  return { file, mapped, unresolved: rows.length - mapped };
}
