import { type CodeImport, moduleTargets, type RepoPackage } from "@uplift/code";
import type { Rng } from "@uplift/stats";
import type { EvalTask } from "./eval-task.js";
import { drawWithoutReplacement } from "./next-line-tasks.js";
import { cutAtLine, lastLines, type TaskSource } from "./task-source.js";

interface ImportedApi {
  module: string;
  /** The name as the file uses it. */
  local: string;
  /** The repository that defines it. */
  repo: string;
}

/**
 * API-usage tasks: lines that call (`name(…)`) or reach into (`name.member`) a name imported
 * from another repository of the organisation — resolved through the org's package map with
 * @uplift/code `moduleTargets`, as the code index resolves imports. A model that has learnt
 * the org's libraries should write these calls; one that has not must guess.
 */
export function apiUsageTasks(
  source: TaskSource,
  imports: readonly CodeImport[],
  packages: readonly RepoPackage[],
  rng: Rng,
  perFile: number,
  importLines: [number, number] | undefined,
): EvalTask[] {
  const apis = importedApis(source, imports, packages);
  if (apis.length === 0) return [];
  const lines = source.text.split("\n");
  const start = importLines ? importLines[1] : 0;
  const candidates: { index: number; api: ImportedApi }[] = [];
  for (let i = Math.max(start, 1); i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^\s*(import|from|export .* from|\/\/|#|\*)/.test(line)) continue;
    const api = apis.find((a) => usesName(line, a.local));
    if (api) candidates.push({ index: i, api });
  }
  return drawWithoutReplacement(candidates, perFile, rng)
    .sort((a, b) => a.index - b.index)
    .map(({ index, api }) => {
      const cut = cutAtLine(source.text, index);
      return {
        id: `api_usage:${source.repo}/${source.path}:${index + 1}`,
        kind: "api_usage" as const,
        repo: source.repo,
        path: source.path,
        language: source.language,
        prompt: lastLines(cut.prefix),
        ...cut,
        api: { module: api.module, name: api.local, repo: api.repo },
      };
    });
}

/** Imported names whose module resolves to a repository other than the file's own. */
function importedApis(
  source: TaskSource,
  imports: readonly CodeImport[],
  packages: readonly RepoPackage[],
): ImportedApi[] {
  const apis: ImportedApi[] = [];
  for (const imported of imports) {
    const targets = moduleTargets(
      imported.module,
      source.path,
      source.language as Parameters<typeof moduleTargets>[2],
      packages,
    );
    const other = targets.find((t) => t.repo !== undefined && t.repo !== source.repo);
    if (!other?.repo) continue;
    for (const name of imported.names) {
      if (/^[A-Za-z_$][\w$]*$/.test(name.local))
        apis.push({ module: imported.module, local: name.local, repo: other.repo });
    }
  }
  return apis;
}

function usesName(line: string, name: string): boolean {
  const escaped = name.replace(/\$/g, "\\$");
  return new RegExp(`(^|[^\\w$.])${escaped}\\s*(\\(|\\.[A-Za-z_$])`).test(line);
}
