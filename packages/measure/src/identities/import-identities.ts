import { InputError, type Store } from "@uplift/core";
import { readTable, type Table } from "../import/read-table.js";
import { type IdentityMapping, normalizeAlias, upsertIdentities } from "../store/identities.js";

/** What {@link importIdentities} did. */
export interface ImportIdentitiesResult {
  file: string;
  /** Data rows read. */
  rows: number;
  /** Distinct aliases upserted. */
  written: number;
  /** Rows with an empty login (identities still to be mapped). */
  skipped: number;
}

/** The source of a mapping row that names none. */
export const DEFAULT_IDENTITY_SOURCE = "file";

/**
 * Reads a mapping file (`alias,login[,source]`, as `exportIdentities` writes it), validates
 * every row, then upserts all mappings in one transaction. Rows with an empty login are skipped
 * and counted. Throws InputError (nothing written) on a bad header, an empty alias, or an alias
 * mapped to two logins.
 */
export async function importIdentities(store: Store, file: string): Promise<ImportIdentitiesResult> {
  const table = await readTable(file, "csv");
  const { mappings, skipped } = parseIdentityTable(table);
  const written = mappings.length === 0 ? 0 : await store.transaction((tx) => upsertIdentities(tx, mappings));
  return { file, rows: table.rows.length, written, skipped };
}

/** Validates a read mapping table into distinct mappings (pure; exported for tests). */
export function parseIdentityTable(table: Table): { mappings: IdentityMapping[]; skipped: number } {
  checkHeader(table);
  const byAlias = new Map<string, IdentityMapping & { line: number }>();
  let skipped = 0;
  for (const { line, cells } of table.rows) {
    const where = (column: string) => `${table.file} line ${line}, column ${column}`;
    const alias = normalizeAlias(text(cells.alias));
    const login = text(cells.login).trim();
    const source = text(cells.source).trim() || DEFAULT_IDENTITY_SOURCE;
    if (!alias)
      throw new InputError(`${where("alias")}: the alias is empty; give a Git email, login or survey id`);
    if (/[\s,]/.test(login))
      throw new InputError(
        `${where("login")}: login "${login}" contains a space or comma; give one canonical login`,
      );
    if (!login) {
      skipped++;
      continue;
    }
    const earlier = byAlias.get(alias);
    if (earlier && earlier.login !== login)
      throw new InputError(
        `${where("login")}: alias "${alias}" is mapped to "${login}" here and to "${earlier.login}" on line ${earlier.line}; keep one`,
      );
    if (!earlier) byAlias.set(alias, { alias, login, source, line });
  }
  return {
    mappings: [...byAlias.values()].map(({ alias, login, source }) => ({ alias, login, source })),
    skipped,
  };
}

function checkHeader(table: Table): void {
  const missing = ["alias", "login"].filter((column) => !table.header.includes(column));
  const unknown = table.header.filter((column) => !["alias", "login", "source"].includes(column));
  if (missing.length || unknown.length)
    throw new InputError(
      `${table.file} line 1: the header must be alias,login[,source]` +
        (missing.length ? `; missing ${missing.join(", ")}` : "") +
        (unknown.length ? `; unknown column ${unknown.join(", ")}` : ""),
    );
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}
