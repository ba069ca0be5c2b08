import { readFile } from "node:fs/promises";
import { InputError } from "@uplift/core";
import { z } from "zod";

/** Kinds of evaluation task `uplift tune tasks` builds (docs/tune.md, "Evaluation and promotion"). */
export const TASK_KINDS = ["function_body", "next_line", "next_line_context", "api_usage"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** A snippet of other code shown with a task (from the org code index). */
export const taskSnippetSchema = z.object({
  repo: z.string(),
  path: z.string(),
  text: z.string(),
});

/**
 * A runnable check for pass@1: `files` are written into an empty temporary directory, the
 * completed source (`prefix + completion + suffix`) as `path`, then `command` runs there (no
 * shell); exit status 0 within the timeout is a pass.
 */
export const taskTestSchema = z.object({
  path: z.string().min(1),
  command: z.array(z.string()).min(1),
  files: z.record(z.string(), z.string()).default({}),
});

/**
 * One evaluation task, one line of tasks.jsonl. `prefix + expected + suffix` is the original
 * file; `prompt` is what is asked in words or code (the doc comment and signature of a
 * function, the lines before a cursor).
 */
export const evalTaskSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(TASK_KINDS),
  repo: z.string(),
  path: z.string(),
  language: z.string(),
  prompt: z.string(),
  prefix: z.string(),
  suffix: z.string().optional(),
  expected: z.string(),
  context: z.array(taskSnippetSchema).optional(),
  test: taskTestSchema.optional(),
  /** API-usage tasks: the imported module and the repository that defines it. */
  api: z.object({ module: z.string(), name: z.string(), repo: z.string() }).optional(),
});

export type EvalTask = z.infer<typeof evalTaskSchema>;
export type TaskSnippet = z.infer<typeof taskSnippetSchema>;
export type TaskTest = z.infer<typeof taskTestSchema>;

/** Parses tasks.jsonl text; a bad line is an InputError naming the file, line and field. */
export function parseTasks(text: string, file: string): EvalTask[] {
  const tasks: EvalTask[] = [];
  const ids = new Set<string>();
  const lines = text.split("\n");
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    const where = `${file}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new InputError(`${where}: not valid JSON (${(error as Error).message})`, {
        hint: "each line of a tasks file is one JSON object (uplift tune tasks writes them)",
      });
    }
    const parsed = evalTaskSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".") || "(line)";
      throw new InputError(`${where}: field ${field}: ${issue?.message ?? "invalid"}`, {
        hint: "see docs/tune.md for the task fields",
      });
    }
    if (ids.has(parsed.data.id)) throw new InputError(`${where}: duplicate task id ${parsed.data.id}`);
    ids.add(parsed.data.id);
    tasks.push(parsed.data);
  }
  if (tasks.length === 0)
    throw new InputError(`${file}: no tasks`, { hint: "build some with uplift tune tasks" });
  return tasks;
}

/** Reads and validates a tasks file. */
export async function readTasksFile(file: string): Promise<EvalTask[]> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`--tasks ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`, {
      cause: error,
    });
  });
  return parseTasks(text, file);
}
