import { CorruptDataError, UnavailableError, UpliftError } from "../errors.js";

export interface LanceErrorContext {
  /** The index URI (a local directory or an object-storage URI). */
  uri: string;
  local: boolean;
  /** What was being done, e.g. `bm25 search on table "kb_chunks"`. */
  operation?: string;
  /** The table's directory, named in the hint when its files are damaged. */
  tablePath?: string;
}

/** Signs, in LanceDB's messages, that files under a local index are damaged rather than unreachable. */
const DAMAGE =
  /LanceError\(IO\)|does not have sufficient data|Invalid range|Not a directory|corrupt|invalid (manifest|file)/i;

/** LanceDB's messages end with Rust source locations; keep the part a user can act on. */
export function lanceMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  return raw
    .split(/\s+Caused by:/)[0]
    ?.replace(/,\s*\/(usr\/local\/cargo|rustc)\/\S*/g, "")
    .trim()
    .slice(0, 400) as string;
}

/**
 * Wraps an error thrown by LanceDB: damage under a local index → CorruptDataError (with how to
 * rebuild), anything else → UnavailableError naming the index and the operation.
 */
export function translateLanceError(error: unknown, context: LanceErrorContext): UpliftError {
  if (error instanceof UpliftError) return error;
  const where = `search index ${context.uri}${context.operation ? `: ${context.operation}` : ""}`;
  const message = lanceMessage(error);
  if (context.local && DAMAGE.test(message)) {
    return new CorruptDataError(`${where} failed: the stored data looks damaged (${message})`, {
      cause: error,
      hint: `move ${context.tablePath ?? `the damaged table directory out of ${context.uri}`} away and rebuild it (uplift kb sync, uplift code index)`,
    });
  }
  return new UnavailableError(`${where} failed: ${message}`, { cause: error, code: "UPLIFT_SEARCH_FAILED" });
}
