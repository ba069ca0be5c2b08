import { readFile } from "node:fs/promises";
import path from "node:path";
import { InputError } from "@uplift/core";
import { parse } from "csv-parse/sync";

export type TableFormat = "csv" | "json" | "jsonl";

/** One input row: where it is in the file and its cells by column name. */
export interface TableRow {
  /** 1-based line of the file (CSV, JSONL), or the 1-based element number of a JSON array. */
  line: number;
  cells: Record<string, unknown>;
}

export interface Table {
  file: string;
  format: TableFormat;
  /** Column names: the CSV header row, or the union of keys of JSON objects in first-seen order. */
  header: string[];
  rows: TableRow[];
  /** Where `line` points: "line" (CSV, JSONL) or "record" (JSON array). */
  unit: "line" | "record";
}

/** The format named by `--format`, else by the file's extension (.csv, .json, .jsonl/.ndjson). */
export function formatOf(file: string, format?: string): TableFormat {
  const name = (format ?? path.extname(file).slice(1)).toLowerCase();
  if (name === "csv" || name === "json" || name === "jsonl") return name;
  if (name === "ndjson") return "jsonl";
  throw new InputError(
    format
      ? `--format ${format}: unknown format (csv, json or jsonl)`
      : `${file}: cannot tell the format from the extension "${path.extname(file)}" (use .csv, .json, .jsonl or --format)`,
  );
}

/** Reads a CSV (header row required), JSON (array of objects) or JSONL file into rows. */
export async function readTable(file: string, format: TableFormat): Promise<Table> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(`${file}: cannot read the file (${(error as Error).message})`, { cause: error });
  }
  if (format === "csv") return readCsv(file, text);
  if (format === "jsonl") return readJsonl(file, text);
  return readJson(file, text);
}

function readCsv(file: string, text: string): Table {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new InputError(
      `${file}${line ? ` line ${line}` : ""}: not valid CSV (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
  const first = records[0];
  if (!first) throw new InputError(`${file}: the file is empty; a header row is required`);
  const header = first.record.map((name) => name.trim());
  const seen = new Set<string>();
  for (const [index, name] of header.entries()) {
    if (!name)
      throw new InputError(`${file} line ${first.info.lines}: header column ${index + 1} has no name`);
    if (seen.has(name))
      throw new InputError(`${file} line ${first.info.lines}: header column "${name}" appears twice`);
    seen.add(name);
  }
  const rows = records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    cells: Object.fromEntries(header.map((name, i) => [name, record[i]])),
  }));
  return { file, format: "csv", header, rows, unit: "line" };
}

function readJsonl(file: string, text: string): Table {
  const rows: TableRow[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    rows.push({ line: index + 1, cells: parseObject(file, `line ${index + 1}`, () => JSON.parse(line)) });
  }
  return { file, format: "jsonl", header: keysOf(rows), rows, unit: "line" };
}

function readJson(file: string, text: string): Table {
  const value = parseObject(file, "", () => JSON.parse(text.replace(/^\uFEFF/, "")), true);
  if (!Array.isArray(value)) throw new InputError(`${file}: expected a JSON array of objects`);
  const rows = value.map((item, index) => ({
    line: index + 1,
    cells: parseObject(file, `record ${index + 1}`, () => item),
  }));
  return { file, format: "json", header: keysOf(rows), rows, unit: "record" };
}

function parseObject(
  file: string,
  where: string,
  read: () => unknown,
  allowArray = false,
): Record<string, unknown> {
  let value: unknown;
  try {
    value = read();
  } catch (error) {
    throw new InputError(`${file}${where ? ` ${where}` : ""}: not valid JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  if (allowArray && Array.isArray(value)) return value as unknown as Record<string, unknown>;
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new InputError(`${file}${where ? ` ${where}` : ""}: expected a JSON object`);
  return value as Record<string, unknown>;
}

function keysOf(rows: readonly TableRow[]): string[] {
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.cells)) keys.add(key);
  return [...keys];
}
