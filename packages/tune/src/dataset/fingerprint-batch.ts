import { createHash } from "node:crypto";
import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";
import { InputError, redactTexts } from "@uplift/core";
import type { AcceptedFile } from "./dataset-types.js";
import { type ContaminationSet, isContaminated } from "./decontaminate.js";
import { importSpecifiers } from "./import-order.js";
import { textSignature } from "./minhash.js";
import { type FilterReason, filterBytes, filterText, MAX_BYTES } from "./quality-filters.js";

/** A run of listed files of one input, already past the path filters, for pass 1's per-file work. */
export interface FingerprintRequest {
  root: string;
  kind: "code" | "docs";
  files: Array<{ path: string; language: AcceptedFile["language"] }>;
}

/** What pass 1 learnt of one file, in the order of the request. */
export type FileFingerprint =
  | { path: string; size: number; skipped: FilterReason }
  | {
      path: string;
      size: number;
      language: AcceptedFile["language"];
      /** Replacements made by redaction, by type. */
      redactions: Record<string, number>;
      /** SHA-256 (base64) of the whitespace-normalised redacted text: the exact-dedup key. */
      hash: string;
      contaminated: boolean;
      /** MinHash signature; undefined when the text has no words. */
      signature: Int32Array | undefined;
      imports: string[];
      /** The redacted text's UTF-8 bytes: `[start, end)` of the batch's `texts`. */
      start: number;
      end: number;
    };

export interface FingerprintBatch {
  files: FileFingerprint[];
  /** The redacted texts of the batch, UTF-8, one after the other. */
  texts: Uint8Array;
}

/**
 * Pass 1's per-file work, which needs nothing from other files: read, filter, redact (one
 * secretlint pass for the batch), hash, decontamination check, MinHash signature and import
 * specifiers. Run in a worker thread; the main thread then decides, in listing order, what is
 * an exact or near duplicate. `redactTexts` gives each text the same result whatever the batch.
 */
export async function fingerprintBatch(
  request: FingerprintRequest,
  contamination: ContaminationSet,
): Promise<FingerprintBatch> {
  const out: Array<FileFingerprint | undefined> = [];
  const pending: Array<{ at: number; raw: string; size: number }> = [];
  for (const file of request.files) {
    const bytes = readListedFile(request.root, file.path);
    if (bytes === undefined) {
      out.push({ path: file.path, size: 0, skipped: "not_a_file" }); // a symlink, a submodule, or gone
      continue;
    }
    const size = typeof bytes === "number" ? bytes : bytes.length;
    if (typeof bytes === "number") {
      out.push({ path: file.path, size, skipped: "too_large" });
      continue;
    }
    const byBytes = filterBytes(bytes);
    if (byBytes) {
      out.push({ path: file.path, size, skipped: byBytes });
      continue;
    }
    const raw = bytes.toString("utf8").replace(/\r\n/g, "\n");
    const byText = request.kind === "code" ? filterText(raw) : raw.trim() ? undefined : "empty";
    if (byText) {
      out.push({ path: file.path, size, skipped: byText });
      continue;
    }
    pending.push({ at: out.length, raw, size });
    out.push(undefined);
  }
  const redacted = await redactTexts(pending.map((p) => p.raw));
  const encoded: Buffer[] = [];
  let offset = 0;
  for (const [i, p] of pending.entries()) {
    const file = request.files[p.at] as FingerprintRequest["files"][number];
    const { text, counts } = redacted[i] as { text: string; counts: Record<string, number> };
    const bytes = Buffer.from(text, "utf8");
    encoded.push(bytes);
    out[p.at] = {
      path: file.path,
      size: p.size,
      language: file.language,
      redactions: counts,
      hash: createHash("sha256").update(text.replace(/\s+/g, " ").trim()).digest("base64"),
      contaminated: isContaminated(text, contamination),
      signature: textSignature(text),
      imports: file.language === "docs" ? [] : importSpecifiers(text, file.language),
      start: offset,
      end: offset + bytes.length,
    };
    offset += bytes.length;
  }
  return { files: out as FileFingerprint[], texts: Buffer.concat(encoded, offset) };
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
