import { type IndexProgress, type IndexReport, indexRepositories } from "@uplift/code";
import { createEmbedder, InputError, NO_EMBEDDER_MESSAGE } from "@uplift/core";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export async function codeIndexCommand(global: GlobalOptions, options: { path: string[] }) {
  if (options.path.length === 0)
    throw new InputError(
      "--path is required: give each repository root, e.g. --path ../billing --path ../shop",
    );
  await withContext(global, async (ctx) => {
    const embedder = createEmbedder(ctx.config.embedder, { logger: ctx.logger });
    const progress = process.stderr.isTTY && !ctx.json ? ttyProgress() : undefined;
    const report = await indexRepositories(options.path, {
      store: await ctx.store(),
      searchIndex: await ctx.searchIndex(),
      embedder,
      logger: ctx.logger,
      ...(progress && { onProgress: progress.update }),
    });
    progress?.done();
    ctx.print(
      { ...report, embedder: report.embedder ?? null, ...(!embedder && { note: NO_EMBEDDER_MESSAGE }) },
      human,
    );
  });
}

function human(report: Omit<IndexReport, "embedder"> & { note?: string }): string {
  const lines = report.repositories.map((r) => {
    const skipped = Object.entries(r.skipped)
      .filter(([, n]) => n > 0)
      .map(([reason, n]) => `${n} ${reason}`)
      .join(", ");
    return (
      `${r.repo} (${r.root}): ${r.files_indexed} indexed, ${r.files_unchanged} unchanged, ${r.files_deleted} removed` +
      `${r.files_unparsed ? `, ${r.files_unparsed} as text only` : ""}; ${r.chunks_written} chunks, ${r.symbols_written} symbols` +
      `${definesList(r.packages)}${skipped ? `; skipped ${skipped}` : ""}` +
      `${
        Object.keys(r.redactions).length
          ? `; redacted ${Object.entries(r.redactions)
              .map(([type, n]) => `${n} ${type}`)
              .join(", ")}`
          : ""
      }`
    );
  });
  if (report.note) lines.push(report.note);
  return lines.join("\n");
}

/** "; defines a, b, c" with each package name once (a name can be declared in several manifests), at most eight. */
function definesList(packages: readonly { name: string }[]): string {
  const names = [...new Set(packages.map((p) => p.name))];
  if (names.length === 0) return "";
  const shown = names.slice(0, 8).join(", ");
  return `; defines ${shown}${names.length > 8 ? ` and ${names.length - 8} more` : ""}`;
}

/** A one-line progress display on stderr, redrawn in place. */
function ttyProgress() {
  let last = 0;
  return {
    update(p: IndexProgress) {
      const now = Date.now();
      if (now - last < 100 && p.filesDone < p.filesTotal) return;
      last = now;
      process.stderr.write(`\r\x1b[Kindexing ${p.repo}: ${p.filesDone}/${p.filesTotal} files`);
    },
    done() {
      process.stderr.write("\r\x1b[K");
    },
  };
}
