import { createEmbedder, runWorker } from "@uplift/core";
import {
  KB_SYNC_JOB,
  parseEvery,
  registerKbSyncJob,
  type SyncProgress,
  type SyncReport,
  syncKnowledgeBase,
} from "@uplift/kb";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export async function syncCommand(global: GlobalOptions, options: { every?: string }, [name]: string[]) {
  if (options.every !== undefined) return syncEvery(global, parseEvery(options.every), name);
  await withContext(global, async (ctx) => {
    const embedder = createEmbedder(ctx.config.embedder, { logger: ctx.logger });
    const progress = process.stderr.isTTY && !ctx.json ? ttyProgress() : undefined;
    const report = await syncKnowledgeBase({
      store: await ctx.store(),
      index: await ctx.searchIndex(),
      embedder,
      logger: ctx.logger,
      ...(name ? { sources: [name] } : {}),
      ...(progress ? { onProgress: progress } : {}),
    });
    if (progress) process.stderr.write("\n");
    ctx.print(toJson(report), renderReport);
    // the report is printed first: the sources that worked are synced all the same
    const failed = report.failures[0];
    if (failed) throw failed.error;
  });
}

/**
 * `kb sync --every 1h`: schedules the `kb.sync` job and processes it in this process until
 * Ctrl-C (with queue.redis_url set, the schedule lives in Redis and `uplift worker` processes
 * can run it too). One line (or JSON object) per run on stdout.
 */
async function syncEvery(global: GlobalOptions, everyMs: number, name: string | undefined) {
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const index = await ctx.searchIndex();
    const embedder = createEmbedder(ctx.config.embedder, { logger: ctx.logger });
    const queue = await ctx.queue();
    registerKbSyncJob(
      queue,
      async () => ({ store, index, embedder }),
      (report) => {
        const json = toJson(report);
        process.stdout.write(
          ctx.json ? `${JSON.stringify(json)}\n` : `${new Date().toISOString()} ${renderReport(json)}\n`,
        );
      },
    );
    await queue.schedule(KB_SYNC_JOB, name ? { sources: [name] } : {}, {
      key: `kb-sync-${name ?? "all"}`,
      everyMs,
    });
    ctx.logger.info({ everyMs, source: name ?? "all" }, "kb sync scheduled; stop with Ctrl-C");
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    await runWorker(queue, { concurrency: 1, signal: controller.signal });
  });
}

function ttyProgress() {
  return ({ source, counts }: SyncProgress) => {
    process.stderr.write(
      `\r${source}: ${counts.documentsSeen} documents read, ${counts.documentsAdded + counts.documentsUpdated} changed, ${counts.chunksIndexed} chunks indexed   `,
    );
  };
}

function toJson(report: SyncReport) {
  return {
    embedder: report.embedder,
    retrieval: report.embedder === "none" ? "bm25" : "hybrid",
    ...(report.embedder === "none" ? { note: "bm25 only: no embedder configured" } : {}),
    rebuilt: report.rebuilt,
    sources: report.sources.map((s) => ({
      source: s.source,
      run_id: s.runId,
      status: s.status,
      documents_seen: s.counts.documentsSeen,
      documents_added: s.counts.documentsAdded,
      documents_updated: s.counts.documentsUpdated,
      documents_unchanged: s.counts.documentsUnchanged,
      documents_deleted: s.counts.documentsDeleted,
      documents_skipped: s.counts.documentsSkipped,
      chunks_indexed: s.counts.chunksIndexed,
      chunks_deleted: s.counts.chunksDeleted,
      redactions: s.counts.redactions ?? {},
      skipped: s.skipped,
    })),
    failures: report.failures.map((f) => ({
      source: f.source,
      error: f.error instanceof Error ? f.error.message : String(f.error),
    })),
  };
}

function renderReport(report: ReturnType<typeof toJson>): string {
  const lines = report.sources.map(
    (s) =>
      `${s.source}: ${s.documents_seen} documents (${s.documents_added} added, ${s.documents_updated} updated, ${s.documents_unchanged} unchanged, ${s.documents_deleted} deleted, ${s.documents_skipped} skipped); ${s.chunks_indexed} chunks indexed, ${s.chunks_deleted} removed`,
  );
  for (const s of report.sources) {
    const redactions = Object.entries(s.redactions);
    if (redactions.length)
      lines.push(`  redacted before indexing: ${redactions.map(([type, n]) => `${n} ${type}`).join(", ")}`);
    for (const item of s.skipped) lines.push(`  skipped ${item.where}: ${item.reason}`);
  }
  for (const f of report.failures) lines.push(`${f.source}: FAILED: ${f.error}`);
  if (report.sources.length === 0 && report.failures.length === 0)
    lines.push("no kb sources yet (uplift kb source add NAME --type jsonl|markdown|git --path P)");
  lines.push(report.note ?? `embedder: ${report.embedder}${report.rebuilt ? " (index rebuilt for it)" : ""}`);
  return lines.join("\n");
}
