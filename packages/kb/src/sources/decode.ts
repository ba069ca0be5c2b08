import type { ScanContext } from "../types.js";
import { MAX_DOCUMENT_BYTES } from "./limits.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * The text of a file, or undefined after reporting a skip (larger than MAX_DOCUMENT_BYTES, or not
 * UTF-8): such a file is counted and the sync goes on.
 */
export function decodeDocumentFile(
  bytes: Uint8Array,
  where: string,
  id: string,
  context: ScanContext,
): string | undefined {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    context.skip({ where, id, reason: `larger than ${MAX_DOCUMENT_BYTES} bytes` });
    return undefined;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    context.skip({ where, id, reason: "not valid UTF-8 (convert it, e.g. iconv -t UTF-8)" });
    return undefined;
  }
}
