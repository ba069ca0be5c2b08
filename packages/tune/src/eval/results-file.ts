import { appendFile, readFile } from "node:fs/promises";
import { InputError, type Logger } from "@uplift/core";
import { type TaskResult, taskResultSchema } from "./task-result.js";

/**
 * Results already in a `--results` file (JSONL, one task per line, appended as tasks finish),
 * by task id. A torn last line (the process was killed while writing) is ignored and redone;
 * results of another model are refused, so that two models never mix in one file.
 */
export async function readDoneResults(
  file: string,
  model: string,
  logger: Logger,
): Promise<Map<string, TaskResult>> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return "";
    throw new InputError(`--results ${file}: ${error.message}`, { cause: error });
  });
  const done = new Map<string, TaskResult>();
  const lines = text.split("\n");
  for (const [index, raw] of lines.entries()) {
    if (raw.trim() === "") continue;
    let parsed: ReturnType<typeof taskResultSchema.safeParse>;
    try {
      parsed = taskResultSchema.safeParse(JSON.parse(raw));
    } catch {
      parsed = taskResultSchema.safeParse(undefined);
    }
    if (!parsed.success) {
      const last = lines.slice(index + 1).every((l) => l.trim() === "");
      if (last) {
        logger.warn(
          { file, line: index + 1 },
          "incomplete last line in the results file; that task runs again",
        );
        continue;
      }
      throw new InputError(`--results ${file}:${index + 1}: not a task result`, {
        hint: "give a results file written by uplift tune eval, or a new file name",
      });
    }
    if (parsed.data.model !== model)
      throw new InputError(
        `--results ${file}:${index + 1}: holds results of model ${parsed.data.model}, not ${model}`,
        { hint: "use one results file per model" },
      );
    done.set(parsed.data.id, parsed.data);
  }
  return done;
}

/** Appends results one line each (a torn line at the end is what `readDoneResults` tolerates). */
export class ResultsAppender {
  private writing: Promise<void> = Promise.resolve();
  private needsNewline: Promise<boolean>;

  constructor(private readonly file: string) {
    this.needsNewline = readFile(file, "utf8").then(
      (text) => text.length > 0 && !text.endsWith("\n"),
      () => false,
    );
  }

  append(result: TaskResult): Promise<void> {
    this.writing = this.writing.then(async () => {
      const lead = (await this.needsNewline) ? "\n" : "";
      this.needsNewline = Promise.resolve(false);
      await appendFile(this.file, `${lead}${JSON.stringify(result)}\n`);
    });
    return this.writing;
  }
}
