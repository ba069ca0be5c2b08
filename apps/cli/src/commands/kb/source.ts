import { addSource, docSourceFor, parseAclList, removeSource, SourceRepository } from "@uplift/kb";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export async function sourceAddCommand(
  global: GlobalOptions,
  options: { type: string; path: string; acl?: string; urlBase?: string },
  [name]: string[],
) {
  const acl = options.acl === undefined ? [] : parseAclList(options.acl);
  docSourceFor(options.type); // a planned or unknown type exits 2 before the data dir is opened
  await withContext(global, async (ctx) => {
    const source = await addSource(await ctx.store(), {
      name: name ?? "",
      type: options.type,
      path: options.path,
      acl,
      urlBase: options.urlBase,
    });
    ctx.print(
      {
        source: {
          name: source.name,
          type: source.type,
          path: source.path,
          acl: source.acl,
          url_base: source.urlBase ?? null,
        },
      },
      ({ source: s }) =>
        `added kb source ${s.name} (${s.type}, ${s.path}${s.acl.length ? `, acl ${s.acl.join(",")}` : ""}); run uplift kb sync`,
    );
  });
}

export async function sourceListCommand(global: GlobalOptions) {
  await withContext(global, async (ctx) => {
    const sources = (await new SourceRepository(await ctx.store()).statuses()).map((s) => ({
      name: s.name,
      type: s.type,
      path: s.path,
      acl: s.acl,
      url_base: s.urlBase ?? null,
      documents: s.documents,
      chunks: s.chunks,
      last_sync: s.lastSync
        ? {
            status: s.lastSync.status,
            started_at: s.lastSync.startedAt.toISOString(),
            finished_at: s.lastSync.finishedAt?.toISOString() ?? null,
            errors: s.lastSync.errors,
          }
        : null,
      last_success_at: s.lastSuccessAt?.toISOString() ?? null,
    }));
    ctx.print({ sources }, ({ sources }) =>
      sources.length
        ? sources
            .map(
              (s) =>
                `${s.name}\t${s.type}\t${s.documents} docs\t${s.chunks} chunks\t${s.last_sync ? `${s.last_sync.status} ${s.last_sync.started_at}` : "never synced"}\t${s.path}`,
            )
            .join("\n")
        : "no kb sources yet (uplift kb source add NAME --type jsonl|markdown|git --path P)",
    );
  });
}

export async function sourceRemoveCommand(global: GlobalOptions, _options: unknown, [name]: string[]) {
  await withContext(global, async (ctx) => {
    const chunks = await removeSource(await ctx.store(), await ctx.searchIndex(), name ?? "");
    ctx.print(
      { removed: name, chunks_deleted: chunks },
      (r) => `removed kb source ${r.removed} (${r.chunks_deleted} chunks left the index)`,
    );
  });
}
