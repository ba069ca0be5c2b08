import { renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text with a header row, `\n` line endings and a final newline. */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  return `${[header, ...rows].map((row) => row.map(field).join(",")).join("\n")}\n`;
}

/** A file written under a temporary name, waiting to replace its target. */
export interface StagedFile {
  /** Renames the temporary file over the target (atomic on one file system). */
  commit(): void;
  /** Removes the temporary file (when what it goes with failed). */
  discard(): void;
}

/**
 * Writes `text` to a temporary file next to `file`, so that a reader never sees half a file and a
 * failure elsewhere (the store refusing the experiment) leaves the target untouched. Call
 * `commit()` once everything else succeeded, `discard()` otherwise.
 */
export function stageFile(file: string, text: string): StagedFile {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temporary, text);
  return {
    commit: () => renameSync(temporary, file),
    discard: () => rmSync(temporary, { force: true }),
  };
}

/** Stages `text` for `file`, runs `work`, then commits the file, or discards it if `work` throws. */
export async function writeFileAfter<T>(file: string, text: string, work: () => Promise<T>): Promise<T> {
  const staged = stageFile(file, text);
  try {
    const result = await work();
    staged.commit();
    return result;
  } catch (error) {
    staged.discard();
    throw error;
  }
}
