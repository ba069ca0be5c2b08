import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { listRepositoryFiles } from "@uplift/code";
import { addCounts, InputError, redactTexts } from "@uplift/core";
import type { AcceptedFile, DatasetDeps, FilterCounts } from "./dataset-types.js";
import { type ContaminationSet, isContaminated } from "./decontaminate.js";
import { importSpecifiers } from "./import-order.js";
import { textSignature } from "./minhash.js";
import type { NearDuplicateIndex } from "./near-dedup.js";
import { type FilterReason, filterByPath, filterBytes, filterText, MAX_BYTES } from "./quality-filters.js";
import type { SpillFile } from "./spill-file.js";

/** Documentation files read from `--docs` folders. */
const DOC_FILE = /\.(md|mdx|markdown|rst|txt|adoc|asciidoc)$/i;

/** State shared by every input of a run: dedup sets, counters, the spill file. */
export interface ReadState {
  spill: SpillFile;
  nearDuplicates: NearDuplicateIndex;
  exactHashes: Set<string>;
  contamination: ContaminationSet;
  filters: FilterCounts;
  redactions: Record<string, number>;
  exactDuplicates: number;
  contaminated: Array<{ source: string; path: string }>;
  contaminatedCount: number;
  accepted: AcceptedFile[];
  bytesRead: number;
}

export interface SourceReadReport {
  listed: number;
  accepted: number;
  bytesRead: number;
}

/**
 * Pass 1 over one input (a repository or a docs folder): list the files (honouring
 * .gitignore), filter, redact secrets and PII, drop exact duplicates (hash of whitespace-
 * normalised content) and contaminated files, fingerprint the rest for near-dedup and spill
 * their redacted text. Nothing unredacted is ever written.
 */
export async function readSourceFiles(
  sourceIndex: number,
  name: string,
  root: string,
  kind: "code" | "docs",
  state: ReadState,
  deps: DatasetDeps,
): Promise<SourceReadReport> {
  const { paths } = await listRepositoryFiles(root);
  let accepted = 0;
  let bytesRead = 0;
  const skip = (reason: FilterReason) => {
    state.filters[reason]++;
  };
  const batch: PendingFile[] = [];
  let batchChars = 0;
  const flush = async () => {
    const redacted = await redactTexts(batch.map((b) => b.raw));
    for (const [i, pending] of batch.entries()) {
      const { text, counts } = redacted[i] as { text: string; counts: Record<string, number> };
      addCounts(state.redactions, counts);
      if (keepFile(sourceIndex, name, pending, text, state)) accepted++;
    }
    batch.length = 0;
    batchChars = 0;
    deps.onProgress?.({ phase: "read", source: name, files: accepted, bytes: state.bytesRead });
  };
  for (const relative of paths) {
    let language: AcceptedFile["language"];
    if (kind === "docs") {
      if (!DOC_FILE.test(relative)) {
        skip("unsupported");
        continue;
      }
      language = "docs";
    } else {
      const byPath = filterByPath(relative);
      if ("skipped" in byPath) {
        skip(byPath.skipped);
        continue;
      }
      language = byPath.language;
    }
    const bytes = readListedFile(root, relative);
    if (bytes === undefined) {
      skip("not_a_file"); // a symlink, a submodule, or a file deleted since the listing
      continue;
    }
    const size = typeof bytes === "number" ? bytes : bytes.length;
    bytesRead += size;
    state.bytesRead += size;
    if (typeof bytes === "number") {
      skip("too_large");
      continue;
    }
    const byBytes = filterBytes(bytes);
    if (byBytes) {
      skip(byBytes);
      continue;
    }
    const raw = bytes.toString("utf8").replace(/\r\n/g, "\n");
    const byText = kind === "code" ? filterText(raw) : raw.trim() ? undefined : "empty";
    if (byText) {
      skip(byText);
      continue;
    }
    batch.push({ path: relative, language, raw });
    batchChars += raw.length;
    if (batch.length >= BATCH_FILES || batchChars >= BATCH_CHARS) await flush();
  }
  await flush();
  return { listed: paths.length, accepted, bytesRead };
}

/** Files redacted together (one secretlint pass); bounded so memory stays small. */
const BATCH_FILES = 256;
const BATCH_CHARS = 4 * 1024 * 1024;

interface PendingFile {
  path: string;
  language: AcceptedFile["language"];
  raw: string;
}

/** Exact dedup, decontamination and near-dedup fingerprinting of one redacted file; true when accepted. */
function keepFile(
  sourceIndex: number,
  name: string,
  file: PendingFile,
  text: string,
  state: ReadState,
): boolean {
  const hash = createHash("sha256").update(text.replace(/\s+/g, " ").trim()).digest("base64");
  if (state.exactHashes.has(hash)) {
    state.exactDuplicates++;
    return false;
  }
  state.exactHashes.add(hash);
  if (isContaminated(text, state.contamination)) {
    state.contaminatedCount++;
    if (state.contaminated.length < 1000) state.contaminated.push({ source: name, path: file.path });
    return false;
  }
  const signature = textSignature(text);
  if (!signature) {
    state.filters.empty++;
    return false;
  }
  const nearId = state.nearDuplicates.add(signature);
  const spill = state.spill.append(text);
  state.accepted.push({
    source: sourceIndex,
    path: file.path,
    language: file.language,
    bytes: spill.length,
    spill,
    nearId,
    imports: file.language === "docs" ? [] : importSpecifiers(text, file.language),
  });
  return true;
}

/**
 * Reads a listed file; only the size (a number) of a file over the size limit; undefined for
 * what is not a regular file (symlink, submodule, gone).
 */
function readListedFile(root: string, relative: string): Buffer | number | undefined {
  const absolute = path.join(root, relative);
  try {
    const info = lstatSync(absolute);
    if (!info.isFile()) return undefined;
    if (info.size > MAX_BYTES) return info.size;
    return readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    throw new InputError(`${absolute}: cannot read (${code ?? (error as Error).message})`, {
      cause: error,
      hint: "fix its permissions or add it to .gitignore",
    });
  }
}
