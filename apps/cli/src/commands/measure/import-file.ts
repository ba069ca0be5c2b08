import { InputError } from "@uplift/core";
import { formatOf, IMPORT_KINDS, type ImportFileResult, type ImportKind, importFile } from "@uplift/measure";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export interface ImportFileOptions {
  kind: string;
  format?: string;
  transitions?: string;
}

/** `uplift measure import csv|json --kind K FILE`: validate every row, then write all in one transaction. */
export async function importFileCommand(
  global: GlobalOptions,
  options: ImportFileOptions,
  [file]: string[],
  command: "csv" | "json",
): Promise<void> {
  const kind = parseKind(options.kind);
  if (!file) throw new InputError("FILE: give the file to import");
  const format = formatOf(file, options.format ?? (command === "csv" ? "csv" : jsonFormatOf(file)));
  if (options.transitions !== undefined && kind !== "workitems")
    throw new InputError(`--transitions: only with --kind workitems (not --kind ${kind})`);
  await withContext(global, async (ctx) => {
    const result = await importFile(await ctx.store(), {
      kind,
      file,
      format,
      logger: ctx.logger,
      ...(options.transitions === undefined ? {} : { transitions: options.transitions }),
    });
    ctx.print({ ...result, file }, render);
  });
}

function parseKind(kind: string): ImportKind {
  if ((IMPORT_KINDS as readonly string[]).includes(kind)) return kind as ImportKind;
  throw new InputError(`--kind ${kind}: unknown kind (one of ${IMPORT_KINDS.join(", ")})`);
}

/** `import json` reads .jsonl/.ndjson as JSON lines, anything else as a JSON array. */
function jsonFormatOf(file: string): string {
  return /\.(jsonl|ndjson)$/i.test(file) ? "jsonl" : "json";
}

function render(result: ImportFileResult): string {
  const skipped = Object.entries(result.skipped);
  const anomalies = Object.entries(result.anomalies);
  const lines = [
    `imported ${result.file} as ${result.kind}: ${result.rows} rows read, ${result.written} written` +
      (skipped.length ? `, skipped ${skipped.map(([k, v]) => `${k} ${v}`).join(", ")}` : ""),
  ];
  if (result.identities !== undefined) lines.push(`identities mapped: ${result.identities}`);
  if (result.transitions)
    lines.push(
      `transitions from ${result.transitions.file}: ${result.transitions.rows} read, ${result.transitions.written} written`,
    );
  if (anomalies.length)
    lines.push(`excluded from metrics (data quality): ${anomalies.map(([k, v]) => `${k} ${v}`).join(", ")}`);
  return lines.join("\n");
}
