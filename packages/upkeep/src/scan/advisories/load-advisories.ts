import { readFileSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { InputError, type Logger } from "@uplift/core";
import { AdvisoryIndex } from "./advisory-index.js";
import { osvRecordSchema } from "./osv-schema.js";
import { readJsonEntriesOfZip } from "./read-osv-zip.js";

export interface AdvisoryDatabase {
  index: AdvisoryIndex;
  /** Records indexed (withdrawn ones excluded). */
  loaded: number;
  /** Files that could not be read or are not OSV: named with the problem; the rest still load. */
  skipped: { file: string; message: string }[];
  withdrawn: number;
  /** GIT ranges (commits, not versions): counted, not evaluated. */
  git_ranges_ignored: number;
  /** `affected` entries of ecosystems a scan does not cover (e.g. Debian, crates.io). */
  other_ecosystems: number;
}

const READ_BATCH = 2_000;

/**
 * Loads a directory of OSV JSON records, searched recursively: `.json` files (one record or an
 * array of records each) and `.zip` archives of them (OSV's per-ecosystem `all.zip` exports,
 * decompressed in batches). A missing directory is bad input; a damaged file or archive entry is
 * skipped and named (`archive.zip/ENTRY.json` for an entry).
 */
export async function loadAdvisories(
  dir: string,
  options: { logger?: Logger } = {},
): Promise<AdvisoryDatabase> {
  const root = path.resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory())
    throw new InputError(`--advisories ${dir}: no such directory`, {
      hint: "give a directory of OSV JSON files, e.g. an unzipped OSV database export",
    });
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && (e.name.endsWith(".json") || e.name.endsWith(".zip")))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const db: AdvisoryDatabase = {
    index: new AdvisoryIndex(),
    loaded: 0,
    skipped: [],
    withdrawn: 0,
    git_ranges_ignored: 0,
    other_ecosystems: 0,
  };
  // Synchronous reads in batches: for tens of thousands of small files they cost a tenth of
  // the CPU of promise-based reads (measured: 0.5 s vs 3.9 s for 50,000 records); the event
  // loop gets a turn between batches.
  for (const [i, file] of files.entries()) {
    if (i > 0 && i % READ_BATCH === 0) await yieldToEventLoop();
    const relative = path.relative(root, file);
    if (file.endsWith(".zip")) {
      try {
        readJsonEntriesOfZip(
          file,
          (name, text) => addFile(db, `${relative}/${name}`, text),
          (name, message) => db.skipped.push({ file: `${relative}/${name}`, message }),
        );
      } catch (error) {
        db.skipped.push({ file: relative, message: `not a readable zip: ${(error as Error).message}` });
      }
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      db.skipped.push({ file: relative, message: `cannot read: ${(error as Error).message}` });
      continue;
    }
    addFile(db, relative, text);
  }
  options.logger?.debug(
    { dir: root, files: files.length, loaded: db.loaded, skipped: db.skipped.length },
    "advisories loaded",
  );
  return db;
}

function addFile(db: AdvisoryDatabase, file: string, text: string): void {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    db.skipped.push({ file, message: `not JSON: ${(error as Error).message}` });
    return;
  }
  const records = Array.isArray(json) ? json : [json];
  for (const [n, raw] of records.entries()) {
    const parsed = osvRecordSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = [...(Array.isArray(json) ? [n] : []), ...(issue?.path ?? [])].join(".");
      db.skipped.push({
        file,
        message: `not an OSV record: ${where ? `${where}: ` : ""}${issue?.message ?? "invalid"}`,
      });
      continue;
    }
    const record = parsed.data;
    if (record.withdrawn) {
      db.withdrawn++;
      continue;
    }
    const counts = db.index.add(record);
    db.loaded++;
    db.git_ranges_ignored += counts.gitRanges;
    db.other_ecosystems += counts.otherEcosystems;
  }
}
