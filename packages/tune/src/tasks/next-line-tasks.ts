import type { Rng } from "@uplift/stats";
import type { EvalTask } from "./eval-task.js";
import { cutAtLine, isInterestingLine, lastLines, type TaskSource } from "./task-source.js";

/** Lines before a next-line task's cursor, at least: the model needs something to go on. */
const MIN_PREFIX_LINES = 3;

/**
 * Next-line completion tasks: `perFile` lines drawn with `rng` among the file's code lines
 * (no comments, brackets or imports; after `skipThrough`, the last import line, 1-based). The
 * model sees the file before the line (and after it, for fill-in-the-middle) and must write it.
 */
export function nextLineTasks(source: TaskSource, rng: Rng, perFile: number, skipThrough = 0): EvalTask[] {
  const lines = source.text.split("\n");
  const candidates: number[] = [];
  for (let i = Math.max(MIN_PREFIX_LINES, skipThrough); i < lines.length; i++) {
    if (isInterestingLine(lines[i] ?? "")) candidates.push(i);
  }
  return drawWithoutReplacement(candidates, perFile, rng)
    .sort((a, b) => a - b)
    .map((index) => {
      const cut = cutAtLine(source.text, index);
      return {
        id: `next_line:${source.repo}/${source.path}:${index + 1}`,
        kind: "next_line" as const,
        repo: source.repo,
        path: source.path,
        language: source.language,
        prompt: lastLines(cut.prefix),
        ...cut,
      };
    });
}

/** `count` distinct items drawn uniformly (partial Fisher–Yates on a copy). */
export function drawWithoutReplacement<T>(items: readonly T[], count: number, rng: Rng): T[] {
  const copy = [...items];
  const take = Math.min(count, copy.length);
  for (let i = 0; i < take; i++) {
    const j = i + rng.nextInt(copy.length - i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, take);
}
