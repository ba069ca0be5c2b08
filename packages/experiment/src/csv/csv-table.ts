import { readFileSync } from "node:fs";
import { InputError } from "@uplift/core";
import { CsvError, parse } from "csv-parse/sync";

/** A CSV file read whole: the header row and the data rows with the line each starts on. */
export interface CsvTable {
  /** The path as given, for messages. */
  file: string;
  header: string[];
  rows: string[][];
  /** 1-based line number of each row in the file (the header is line 1 unless blank lines precede it). */
  lines: number[];
}

/**
 * Reads a CSV file with a header row (RFC 4180 quoting, UTF-8, optional BOM, blank lines skipped).
 * A missing file, an empty file, a duplicate or empty column name, or a row with the wrong number
 * of fields throws `InputError` naming the file and line.
 */
export function readCsvTable(file: string): CsvTable {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      cause: error,
    });
  }
  return parseCsvTable(text, file);
}

/** `readCsvTable` on text already in memory; `file` names it in messages. */
export function parseCsvTable(text: string, file: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info: true` every record comes as { record, info } (the typings only know string[][]).
    records = parse(text, { bom: true, info: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new InputError(`${file}${line ? ` line ${line}` : ""}: ${error.message}`, { cause: error });
    }
    throw error;
  }
  const first = records[0];
  if (!first) throw new InputError(`${file} is empty: a header row is required`);
  const header = first.record.map((name) => name.trim());
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") throw new InputError(`${file} line ${startLine(first)}: column ${i + 1} has no name`);
    const before = seen.get(name);
    if (before !== undefined)
      throw new InputError(
        `${file} line ${startLine(first)}: column "${name}" appears twice (columns ${before + 1} and ${i + 1})`,
      );
    seen.set(name, i);
  });
  const data = records.slice(1);
  return {
    file,
    header,
    rows: data.map((r) => r.record),
    lines: data.map(startLine),
  };
}

/** csv-parse reports the line a record ends on; a quoted field may span several lines. */
function startLine(entry: { record: string[]; info: { lines: number } }): number {
  let breaks = 0;
  for (const field of entry.record) for (const ch of field) if (ch === "\n") breaks++;
  return entry.info.lines - breaks;
}

/**
 * Index of column `name` in the table; an unknown name throws `InputError` naming the flag that
 * asked for it and listing the columns the file has.
 */
export function columnIndex(table: CsvTable, name: string, flag: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) {
    throw new InputError(
      `${flag} ${name}: ${table.file} has no column "${name}" (columns: ${table.header.join(", ")})`,
    );
  }
  return index;
}
