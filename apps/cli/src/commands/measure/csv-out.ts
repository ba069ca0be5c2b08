import { writeFile } from "node:fs/promises";

/** Writes rows as CSV (RFC 4180 quoting); nested values as JSON text; columns = union of keys. */
export async function writeCsv(file: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const lines = [columns.map(cell).join(",")];
  for (const row of rows) lines.push(columns.map((column) => cell(row[column])).join(","));
  await writeFile(file, `${lines.join("\n")}\n`);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
