import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EvalTask } from "./eval-task.js";

/** Writes tasks.jsonl under a temporary name and renames it: a partial file is never mistaken for a finished one. */
export async function writeTasksFile(file: string, tasks: readonly EvalTask[]): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.partial-${process.pid}`;
  await writeFile(
    temporary,
    tasks.map((task) => JSON.stringify(task)).join("\n") + (tasks.length ? "\n" : ""),
  );
  await rename(temporary, file);
}
