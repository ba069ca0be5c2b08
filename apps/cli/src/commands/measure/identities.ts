import { InputError } from "@uplift/core";
import {
  type ExportIdentitiesResult,
  exportIdentities,
  type ImportIdentitiesResult,
  importIdentities,
} from "@uplift/measure";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export interface ExportIdentitiesOptions {
  out: string;
}

/** `uplift measure identities export --out FILE`: the reviewable mapping, unresolved names included. */
export async function exportIdentitiesCommand(
  global: GlobalOptions,
  options: ExportIdentitiesOptions,
): Promise<void> {
  await withContext(global, async (ctx) => {
    const result = await exportIdentities(await ctx.store(), options.out);
    ctx.print(
      result,
      (r: ExportIdentitiesResult) =>
        `wrote ${r.file}: ${r.mapped} mapped, ${r.unresolved} unresolved (empty login: fill in and import)`,
    );
  });
}

/** `uplift measure identities import FILE`: validate every row, then upsert all in one transaction. */
export async function importIdentitiesCommand(
  global: GlobalOptions,
  _options: unknown,
  [file]: string[],
): Promise<void> {
  if (!file) throw new InputError("FILE: give the identity mapping file (alias,login[,source]) to import");
  await withContext(global, async (ctx) => {
    const result = await importIdentities(await ctx.store(), file);
    ctx.print(
      result,
      (r: ImportIdentitiesResult) =>
        `imported ${r.file}: ${r.rows} rows read, ${r.written} mappings written, ${r.skipped} skipped (empty login)`,
    );
  });
}
