import { languageOf, parseSource, readSourceFile, type TreeSitterLoader } from "@uplift/code";
import { InputError, type Logger } from "@uplift/core";
import { createRng, type Rng } from "@uplift/stats";
import { apiUsageTasks } from "./api-usage-tasks.js";
import type { EvalTask, TaskKind, TaskSnippet } from "./eval-task.js";
import { functionBodyTasks, MAX_BODY_LINES } from "./function-body-tasks.js";
import { nextLineTasks } from "./next-line-tasks.js";
import { filesChangedAfter, openTaskRepository, packageMap, type TaskRepository } from "./select-files.js";

/** Code context for a cursor (from the org code index), or undefined when there is none. */
export type TaskContextSource = (file: {
  root: string;
  path: string;
  line: number;
  column: number;
}) => Promise<TaskSnippet[]>;

export interface BuildTasksOptions {
  /** The organisation's repositories (`--repo`): API resolution, and tasks from files changed after `after`. */
  repos: readonly string[];
  /** Repositories kept out of training (`--holdout-repo`): tasks from all their files. */
  holdoutRepos: readonly string[];
  /** Training cutoff (`--after`): only files changed later give tasks from `repos`. */
  after?: Date | undefined;
  seed: number;
  /** At most this many tasks (kinds interleaved so that a limit keeps the mix). */
  limit?: number | undefined;
  /** Next-line and API-usage tasks drawn per file (default 2 each). */
  perFile?: number;
  maxBodyLines?: number;
  /** Assembles code context for `next_line_context` twins; undefined: no code index, no such tasks. */
  context?: TaskContextSource | undefined;
  loader: TreeSitterLoader;
  logger: Logger;
}

export interface TasksSummary {
  /** How files were chosen: held-out repositories and/or files changed after the cutoff. */
  selection: string[];
  repos: { name: string; root: string; role: "holdout" | "after" | "all"; files: number }[];
  files_considered: number;
  files_parsed: number;
  by_kind: Record<TaskKind, number>;
  n: number;
  seed: number;
  /** `code index` when next-line tasks have a twin with context, else `none` and why. */
  context: string;
}

/**
 * Builds evaluation tasks from code a model could not have memorised (held-out repositories,
 * files changed after a cutoff): function bodies from signature + doc comment, next lines with
 * and without org code context, and calls into other repositories' APIs. Deterministic for a
 * seed: files are visited in sorted order, each file's draws come from its own stream
 * (seed + repository/path), and kinds are shuffled with the seed and interleaved.
 */
export async function buildEvalTasks(
  options: BuildTasksOptions,
): Promise<{ tasks: EvalTask[]; summary: TasksSummary }> {
  if (options.repos.length + options.holdoutRepos.length === 0)
    throw new InputError("give at least one --repo DIR (or --holdout-repo DIR)");
  const org = await Promise.all(options.repos.map((dir) => openTaskRepository("--repo", dir)));
  const holdout = await Promise.all(
    options.holdoutRepos.map((dir) => openTaskRepository("--holdout-repo", dir)),
  );
  const all = [...org, ...holdout];
  const names = new Set<string>();
  for (const repo of all) {
    if (names.has(repo.name))
      throw new InputError(
        `two repositories are named ${repo.name} (${repo.root}); names are directory names`,
      );
    names.add(repo.name);
  }
  const packages = await packageMap(all);
  const selected: { repo: TaskRepository; paths: string[]; role: "holdout" | "after" | "all" }[] = [];
  const selection: string[] = [];
  for (const repo of holdout) selected.push({ repo, paths: repo.paths, role: "holdout" });
  if (holdout.length > 0) selection.push("held-out repositories (--holdout-repo)");
  if (options.after) {
    for (const repo of org)
      selected.push({ repo, paths: await filesChangedAfter(repo, options.after), role: "after" });
    selection.push(`files changed after ${options.after.toISOString()} (--after)`);
  } else if (holdout.length === 0) {
    for (const repo of org) selected.push({ repo, paths: repo.paths, role: "all" });
    selection.push("all files of --repo, taken as held out (no --after, no --holdout-repo)");
    options.logger.warn("no --after and no --holdout-repo: every --repo is taken as unseen by the model");
  }

  const perFile = options.perFile ?? 2;
  const byKind: Record<Exclude<TaskKind, "next_line_context">, EvalTask[]> = {
    function_body: [],
    next_line: [],
    api_usage: [],
  };
  const sources = new Map<string, { root: string }>();
  let considered = 0;
  let parsed = 0;
  for (const { repo, paths } of selected) {
    for (const relative of paths) {
      if (!languageOf(relative)) continue;
      considered++;
      const read = await readSourceFile(repo.root, relative);
      if (!("file" in read)) continue;
      const text = read.file.text.replace(/\r\n/g, "\n");
      const file = await parseSource(options.loader, read.file.language, text);
      if (!file) continue;
      parsed++;
      const source = { repo: repo.name, path: relative, language: read.file.language, text };
      sources.set(`${repo.name}/${relative}`, { root: repo.root });
      const rng = fileRng(options.seed, `${repo.name}/${relative}`);
      byKind.function_body.push(
        ...functionBodyTasks(source, file.symbols, options.maxBodyLines ?? MAX_BODY_LINES),
      );
      byKind.next_line.push(...nextLineTasks(source, rng, perFile, file.importLines?.[1] ?? 0));
      byKind.api_usage.push(...apiUsageTasks(source, file.imports, packages, rng, perFile, file.importLines));
    }
  }

  const order = createRng(options.seed);
  const queues = Object.values(byKind).map((tasks) => shuffle(tasks, order));
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const tasks: EvalTask[] = [];
  let contextTwins = 0;
  for (let round = 0; tasks.length < limit; round++) {
    let any = false;
    for (const queue of queues) {
      const task = queue[round];
      if (!task || tasks.length >= limit) continue;
      any = true;
      tasks.push(task);
      if (task.kind === "next_line" && options.context && tasks.length < limit) {
        const twin = await withContext(
          task,
          sources.get(`${task.repo}/${task.path}`)?.root ?? "",
          options.context,
        );
        if (twin) {
          tasks.push(twin);
          contextTwins++;
        }
      }
    }
    if (!any) break;
  }
  const counts: Record<TaskKind, number> = {
    function_body: 0,
    next_line: 0,
    next_line_context: 0,
    api_usage: 0,
  };
  for (const task of tasks) counts[task.kind]++;
  return {
    tasks,
    summary: {
      selection,
      repos: selected.map(({ repo, paths, role }) => ({
        name: repo.name,
        root: repo.root,
        role,
        files: paths.length,
      })),
      files_considered: considered,
      files_parsed: parsed,
      by_kind: counts,
      n: tasks.length,
      seed: options.seed,
      context: options.context
        ? `code index (${contextTwins} next_line tasks have a twin with context)`
        : "none (no code index in the data dir: run uplift code index first)",
    },
  };
}

/** The next-line task again, with the org code context for its cursor (none: no twin). */
async function withContext(
  task: EvalTask,
  root: string,
  context: TaskContextSource,
): Promise<EvalTask | undefined> {
  const line = task.prefix.split("\n").length;
  const column = (task.prefix.split("\n").at(-1)?.length ?? 0) + 1;
  const snippets = (await context({ root, path: task.path, line, column })).filter(
    (s) => !(s.repo === task.repo && s.path === task.path),
  );
  if (snippets.length === 0) return undefined;
  return {
    ...task,
    id: task.id.replace(/^next_line:/, "next_line_context:"),
    kind: "next_line_context",
    context: snippets,
  };
}

/** A stream of draws for one file: independent of which other files exist or their order. */
function fileRng(seed: number, key: string): Rng {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return createRng([seed >>> 0, hash >>> 0, 0x9e3779b9, 0x7f4a7c15]);
}

function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
