import { readFile } from "node:fs/promises";
import { InputError } from "@uplift/core";
import { ngramHashes, wordTokens } from "./hashing.js";

/**
 * Decontamination: a training file is dropped when it shares any 10-gram of code tokens
 * (identifier, keyword and number tokens; whitespace, punctuation and layout ignored) with an
 * evaluation task, so a model is never trained on what it will be tested on.
 */
export const DECONTAMINATION_NGRAM = 10;

export interface ContaminationSet {
  /** Files read and the task texts they held. */
  sources: Array<{ file: string; texts: number }>;
  ngrams: ReadonlySet<number>;
}

/** Characters of a task's prefix/suffix taken around its expected text. */
const CONTEXT_CHARS = 400;

/**
 * Reads `--decontaminate` files: JSONL evaluation tasks (`tune tasks` output: the prompt and the
 * expected completion with the code around it; other JSON objects: every string value), or any
 * other file as plain text (a benchmark's source).
 */
export async function loadContaminationSet(files: readonly string[]): Promise<ContaminationSet> {
  const ngrams = new Set<number>();
  const sources: ContaminationSet["sources"] = [];
  for (const file of files) {
    const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
      throw new InputError(
        `--decontaminate ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`,
        {
          cause: error,
        },
      );
    });
    const texts = file.endsWith(".jsonl") ? taskTexts(file, text) : [text];
    for (const t of texts) for (const h of ngramHashes(wordTokens(t), DECONTAMINATION_NGRAM)) ngrams.add(h);
    sources.push({ file, texts: texts.length });
  }
  return { sources, ngrams };
}

function taskTexts(file: string, text: string): string[] {
  const texts: string[] = [];
  text.split("\n").forEach((line, index) => {
    if (!line.trim()) return;
    let task: unknown;
    try {
      task = JSON.parse(line);
    } catch (error) {
      throw new InputError(`--decontaminate ${file}:${index + 1}: not valid JSON`, { cause: error });
    }
    if (!task || typeof task !== "object") return;
    const t = task as Record<string, unknown>;
    if (typeof t.expected === "string") {
      const prefix = typeof t.prefix === "string" ? t.prefix.slice(-CONTEXT_CHARS) : "";
      const suffix = typeof t.suffix === "string" ? t.suffix.slice(0, CONTEXT_CHARS) : "";
      texts.push(`${prefix}${t.expected}${suffix}`);
      if (typeof t.prompt === "string") texts.push(t.prompt);
    } else texts.push(...Object.values(t).filter((v): v is string => typeof v === "string"));
  });
  return texts;
}

/** Whether a text shares a 10-gram with the evaluation set. */
export function isContaminated(text: string, set: ContaminationSet): boolean {
  if (set.ngrams.size === 0) return false;
  const tokens = wordTokens(text);
  if (tokens.length < DECONTAMINATION_NGRAM) return false;
  for (const h of ngramHashes(tokens, DECONTAMINATION_NGRAM)) if (set.ngrams.has(h)) return true;
  return false;
}
