import { readFile } from "node:fs/promises";
import { InputError } from "@uplift/core";
import { z } from "zod";
import { type TaskResult, taskResultSchema } from "../eval/task-result.js";

const reportFileSchema = z.object({
  model: z.string(),
  endpoint: z.string().optional(),
  tasks: z.array(taskResultSchema),
});

/** The parts of a saved `tune eval --json` report that comparisons need. */
export interface SavedEvalReport {
  file: string;
  model: string;
  endpoint: string;
  tasks: TaskResult[];
}

/** Reads a `tune eval --json` report; a missing file or another shape is an InputError naming it. */
export async function readEvalReport(file: string, flag: string): Promise<SavedEvalReport> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`${flag} ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`, {
      cause: error,
    });
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${flag} ${file}: not JSON (${(error as Error).message})`, {
      hint: "save the output of uplift tune eval --json",
    });
  }
  const parsed = reportFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${flag} ${file}: field ${issue?.path.join(".") || "(root)"}: ${issue?.message}`, {
      hint: "save the output of uplift tune eval --json",
    });
  }
  return { file, model: parsed.data.model, endpoint: parsed.data.endpoint ?? "", tasks: parsed.data.tasks };
}
