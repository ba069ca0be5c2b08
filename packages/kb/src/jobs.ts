import { InputError, type JobQueue } from "@uplift/core";
import { z } from "zod";
import { type SyncOptions, type SyncReport, syncKnowledgeBase } from "./sync/sync.js";

/** Name of the background job that runs `kb sync`. */
export const KB_SYNC_JOB = "kb.sync";

export const kbSyncJobSchema = z.object({ sources: z.array(z.string().min(1)).optional() });
export type KbSyncJob = z.output<typeof kbSyncJobSchema>;

/** What a `kb.sync` job returns (JSON): counts per source and the sources that failed. */
export interface KbSyncJobResult {
  embedder: string;
  sources: { source: string; documents_changed: number; documents_deleted: number; chunks_indexed: number }[];
  failures: { source: string; error: string }[];
}

/**
 * Registers the `kb.sync` job: `deps()` gives the store, index and embedder for each run (a
 * worker opens them once). A run in which every source failed throws (an input error fails the
 * job at once, others are retried by the queue); partial failures are in the result.
 * @example
 * registerKbSyncJob(queue, async () => ({ store, index, embedder }), (report) => log(report));
 * await queue.schedule(KB_SYNC_JOB, {}, { key: "kb-sync-all", everyMs: 3_600_000 });
 */
export function registerKbSyncJob(
  queue: JobQueue,
  deps: () => Promise<Pick<SyncOptions, "store" | "index" | "embedder">>,
  onReport?: (report: SyncReport) => void,
): void {
  queue.register<KbSyncJob, KbSyncJobResult>(
    KB_SYNC_JOB,
    async (job) => {
      const report = await syncKnowledgeBase({
        ...(await deps()),
        logger: job.log,
        ...(job.data.sources ? { sources: job.data.sources } : {}),
      });
      onReport?.(report);
      const [first] = report.failures;
      if (first && report.sources.length === 0) throw first.error;
      return {
        embedder: report.embedder,
        sources: report.sources.map((s) => ({
          source: s.source,
          documents_changed: s.counts.documentsAdded + s.counts.documentsUpdated,
          documents_deleted: s.counts.documentsDeleted,
          chunks_indexed: s.counts.chunksIndexed,
        })),
        failures: report.failures.map((f) => ({
          source: f.source,
          error: f.error instanceof Error ? f.error.message : String(f.error),
        })),
      };
    },
    { schema: kbSyncJobSchema },
  );
}

/** Parses `--every`: a whole number with s, m, h or d (`90s`, `15m`, `1h`, `1d`); at least 10 s. */
export function parseEvery(text: string): number {
  const match = /^(\d+)\s*(s|m|h|d)$/i.exec(text.trim());
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[(match?.[2] ?? "").toLowerCase() as "s"];
  const ms = Number(match?.[1]) * (unit ?? Number.NaN);
  if (!match || !Number.isFinite(ms) || ms < 10_000)
    throw new InputError(`--every ${text}: expected an interval of at least 10s such as 15m, 1h or 1d`);
  return ms;
}
