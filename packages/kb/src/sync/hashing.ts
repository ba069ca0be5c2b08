import { createHash } from "node:crypto";
import type { ChunkDraft, ChunkOptions } from "../chunk/chunker.js";
import type { KbDocument } from "../types.js";

function sha256(parts: readonly unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

/**
 * Hash of everything that decides a document's chunks and index rows: its content, metadata,
 * effective ACL and the chunking parameters. Equal hash → the sync skips the document.
 */
export function documentHash(
  doc: KbDocument,
  acl: readonly string[],
  chunking: ChunkOptions & { tokenizer: string },
): string {
  return sha256([doc.title, doc.text, doc.url ?? null, doc.path ?? null, doc.format, acl, chunking]);
}

/**
 * Hash of one index row: indexed text plus the metadata stored with it. The ordinal is left out,
 * so that a paragraph added at the top of a page does not rewrite every chunk below it.
 */
export function chunkHash(chunk: ChunkDraft, doc: KbDocument, acl: readonly string[]): string {
  return sha256([chunk.text, chunk.bodyOffset, chunk.headingPath, doc.title, doc.url ?? null, acl]);
}

/**
 * Chunk ids are content-addressed within a document: `source:doc#hash16`, with `~n` for the
 * n-th repeat of an identical chunk. An unchanged chunk keeps its id, so it is not re-indexed.
 */
export function chunkIds(source: string, docId: string, hashes: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return hashes.map((hash) => {
    const short = hash.slice(0, 16);
    const n = (seen.get(short) ?? 0) + 1;
    seen.set(short, n);
    return `${source}:${docId}#${short}${n > 1 ? `~${n}` : ""}`;
  });
}
