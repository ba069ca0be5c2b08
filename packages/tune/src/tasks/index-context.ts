import path from "node:path";
import { assembleContext, type ContextDeps } from "@uplift/code";
import type { TaskContextSource } from "./build-tasks.js";

/** Token budget of a task's context (the gateway's default is 2,048; tasks stay small). */
export const TASK_CONTEXT_BUDGET = 1024;

/**
 * Code context for task cursors from the org code index, as `uplift code context` assembles it
 * (definitions across repositories, similar code, imports). The caller removes the task's own
 * file from it, since the index holds the line to be predicted.
 */
export function indexContextSource(deps: ContextDeps, budgetTokens = TASK_CONTEXT_BUDGET): TaskContextSource {
  return async ({ root, path: relative, line, column }) => {
    const context = await assembleContext(
      { file: path.join(root, relative), cursor: { line, column }, budgetTokens },
      deps,
    );
    return context.snippets
      .filter((s) => s.reason !== "imports")
      .map((s) => ({ repo: s.repo, path: s.path, text: s.text }));
  };
}
