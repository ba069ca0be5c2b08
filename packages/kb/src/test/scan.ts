import { silentLogger } from "@uplift/core";
import type { DocSource, KbDocument, SkippedItem, SourceConfig } from "../types.js";

/** Test helper: every document a source yields, and what it skipped. */
export async function scanAll(
  source: DocSource,
  config: SourceConfig,
): Promise<{ docs: KbDocument[]; skipped: SkippedItem[] }> {
  const docs: KbDocument[] = [];
  const skipped: SkippedItem[] = [];
  for await (const doc of source.scan(config, { logger: silentLogger(), skip: (item) => skipped.push(item) }))
    docs.push(doc);
  return { docs, skipped };
}
