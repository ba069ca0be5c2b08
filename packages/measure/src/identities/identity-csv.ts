/** Columns of a reviewable identity mapping file, in order. */
export const IDENTITY_FILE_COLUMNS = ["alias", "login", "source"] as const;

/** One row of an identity mapping file; `login` is empty for an identity nobody has mapped yet. */
export interface IdentityFileRow {
  alias: string;
  login: string;
  source: string;
}

/** Orders rows by login, then alias (code-unit order, so the file is the same on every machine). */
export function compareIdentityRows(a: IdentityFileRow, b: IdentityFileRow): number {
  return compareText(a.login, b.login) || compareText(a.alias, b.alias);
}

/** The file text: header `alias,login,source`, one row a line, RFC 4180 quoting. */
export function formatIdentityCsv(rows: readonly IdentityFileRow[]): string {
  const lines = [IDENTITY_FILE_COLUMNS.join(",")];
  for (const row of rows) lines.push([row.alias, row.login, row.source].map(csvCell).join(","));
  return `${lines.join("\n")}\n`;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
