import { InputError } from "@uplift/core";
import { importSarif, type SarifImportResult } from "@uplift/measure";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

export interface ImportSarifFlags {
  repo?: string;
  pr?: string;
  commit?: string;
  base?: string;
}

/**
 * `uplift measure import sarif FILE… --repo R (--pr N | --commit SHA) [--base SHA]`: validates
 * every file against SARIF 2.1.0, then stores each tool's findings for the PR or commit.
 */
export async function importSarifCommand(global: GlobalOptions, options: ImportSarifFlags, args: string[]) {
  const files = args.flat();
  const pr = options.pr === undefined ? undefined : Number(options.pr);
  if (options.pr !== undefined && !(Number.isInteger(pr) && (pr as number) >= 0))
    throw new InputError(`--pr ${options.pr}: expected a PR number`);
  await withContext(global, async (ctx) => {
    const store = await ctx.store();
    const result = await importSarif(store, {
      files,
      repo: options.repo ?? "",
      pr,
      commit: options.commit,
      base: options.base,
      logger: ctx.logger,
    });
    ctx.print(toJson(result), render);
  });
}

function toJson(result: SarifImportResult) {
  return {
    repo: result.repo,
    pr: result.pr,
    commit: result.commit,
    base: result.base,
    analyses: result.analyses,
    findings_by_level: result.findingsByLevel,
    duration_ms: result.durationMs,
  };
}

function render(out: ReturnType<typeof toJson>): string {
  const scope = out.pr !== null ? `${out.repo}#${out.pr}` : `${out.repo}@${out.commit?.slice(0, 12)}`;
  const lines = [`${scope}: base ${out.base?.slice(0, 12) ?? "(none: only the tools' own baseline state)"}`];
  for (const a of out.analyses) {
    lines.push(
      `  ${a.tool}: ${a.results} results as ${a.findings} findings (${a.suppressed} suppressed, ${a.absent} fixed per baseline) from ${a.files.length} file(s)`,
    );
  }
  const l = out.findings_by_level;
  lines.push(`  by level: error ${l.error}, warning ${l.warning}, note ${l.note}`);
  return lines.join("\n");
}
