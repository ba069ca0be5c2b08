import path from "node:path";
import { ConfigError } from "../errors.js";
import { type Logger, silentLogger } from "../logger.js";
import type { SearchIndex } from "./types.js";

export interface OpenSearchIndexOptions {
  /** `search.uri`: empty → `<dataDir>/lance`; a local path; or `s3://bucket/prefix`, `gs://…`, `az://…`. */
  uri?: string | undefined;
  dataDir: string;
  logger?: Logger;
  /**
   * Object-storage options (keys as in LanceDB's storage docs: `endpoint`, `region`, `allow_http`, …).
   * Without them LanceDB reads the usual environment variables itself: AWS_ACCESS_KEY_ID,
   * AWS_SECRET_ACCESS_KEY, AWS_REGION, AWS_ENDPOINT, GOOGLE_SERVICE_ACCOUNT, AZURE_STORAGE_ACCOUNT_NAME, …
   */
  storageOptions?: Record<string, string>;
  /**
   * How stale a long-lived reader may be, in seconds, when another process (a worker) writes the
   * same tables. Default 5; 0 checks on every read, which costs a request per query on object storage.
   */
  readConsistencySeconds?: number;
}

const OBJECT_STORE_SCHEMES = ["s3", "s3+ddb", "gs", "az", "abfss", "memory", "file"];

/** Resolves `search.uri`: where the index lives, and whether that is a local directory. */
export function resolveSearchUri(uri: string | undefined, dataDir: string): { uri: string; local: boolean } {
  const given = uri?.trim() ?? "";
  if (given === "") return { uri: path.resolve(dataDir, "lance"), local: true };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(given)?.[1]?.toLowerCase();
  if (scheme === undefined) return { uri: path.resolve(given), local: true };
  if (!OBJECT_STORE_SCHEMES.includes(scheme)) {
    throw new ConfigError(
      `search.uri: unsupported scheme "${scheme}://" in ${given}; use a local path or ${OBJECT_STORE_SCHEMES.map((s) => `${s}://`).join(", ")}`,
    );
  }
  return { uri: given, local: scheme === "file" };
}

/**
 * Opens the search index (DESIGN: SearchIndex) on LanceDB. LanceDB's native library is loaded
 * here, on first use, so commands that never search do not pay for it.
 * @example
 * const index = await openSearchIndex({ uri: config.search.uri, dataDir, logger });
 * const chunks = await index.openTable({ name: "kb_chunks", columns: { acl_groups: "string[]", public: "boolean" } });
 * const hits = await chunks.search({ mode: "bm25", text: "deploy rollback", k: 10 });
 */
export async function openSearchIndex(options: OpenSearchIndexOptions): Promise<SearchIndex> {
  const { uri, local } = resolveSearchUri(options.uri, options.dataDir);
  const { openLanceSearchIndex } = await import("./lancedb.js");
  return openLanceSearchIndex({
    uri,
    local,
    logger: options.logger ?? silentLogger(),
    readConsistencySeconds: options.readConsistencySeconds ?? 5,
    ...(options.storageOptions ? { storageOptions: options.storageOptions } : {}),
  });
}
