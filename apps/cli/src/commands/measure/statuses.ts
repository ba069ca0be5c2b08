import { InputError } from "@uplift/core";
import {
  type ExportMappingResult,
  exportFlowMapping,
  type ImportMappingResult,
  importFlowMapping,
} from "@uplift/measure";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export interface ExportStatusesOptions {
  out: string;
}

/** `uplift measure statuses export --out FILE`: the reviewable Flow mapping, unmapped names listed. */
export async function exportStatusesCommand(
  global: GlobalOptions,
  options: ExportStatusesOptions,
): Promise<void> {
  await withContext(global, async (ctx) => {
    const result = await exportFlowMapping(await ctx.store(), options.out);
    ctx.print(result, (r: ExportMappingResult) =>
      [
        `wrote ${r.file}: ${r.rows} rows, ${r.unmapped.length} unmapped (empty flow: fill in and import)`,
        ...r.unmapped.map((u) => `  unmapped ${u.kind} "${u.name}": ${u.items} items`),
      ].join("\n"),
    );
  });
}

/** `uplift measure statuses import FILE`: validate every row, then store the mapping in one transaction. */
export async function importStatusesCommand(
  global: GlobalOptions,
  _options: unknown,
  [file]: string[],
): Promise<void> {
  if (!file) throw new InputError("FILE: give the mapping file (kind,name,flow) to import");
  await withContext(global, async (ctx) => {
    const result = await importFlowMapping(await ctx.store(), file);
    ctx.print(
      result,
      (r: ImportMappingResult) =>
        `imported ${r.file}: ${r.rows} rows read, ${r.written} mappings stored, ${r.skipped} skipped (empty flow or unchanged default)`,
    );
  });
}
