import { readFile, realpath } from "node:fs/promises";
import path from "node:path";
import {
  CodeIndexReader,
  chunkFile,
  findSimilarCode,
  languageOf,
  parseSource,
  TreeSitterLoader,
} from "@uplift/code";
import { InputError } from "@uplift/core";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";
import { fraction, lineRange, positiveInteger } from "./parse-flags.js";

interface SimilarOptions {
  file: string;
  lines?: string;
  threshold: string;
  k: string;
}

/** One near-duplicate: where it is, how similar (MinHash estimate of Jaccard), and which query lines it matches. */
interface SimilarResult {
  repo: string;
  path: string;
  start_line: number;
  end_line: number;
  symbol: string;
  kind: string;
  jaccard: number;
  score: number;
  query_start_line: number;
  query_end_line: number;
  text: string;
}

export async function codeSimilarCommand(global: GlobalOptions, options: SimilarOptions) {
  const threshold = fraction("--threshold", options.threshold);
  const k = positiveInteger("--k", options.k, 1000);
  const range = options.lines ? lineRange(options.lines) : undefined;
  const absolute = path.resolve(options.file);
  const text = await readFile(absolute, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new InputError(
      `--file ${options.file}: ${error.code === "ENOENT" ? "no such file" : error.message}`,
      { cause: error },
    );
  });
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  if (range && range.end > lines.length)
    throw new InputError(`--lines ${options.lines}: ${options.file} has ${lines.length} line(s)`);
  const language = languageOf(absolute);
  const queries = range
    ? [{ start: range.start, end: range.end, code: lines.slice(range.start - 1, range.end).join("\n") }]
    : await wholeFileQueries(text, language);
  await withContext(global, async (ctx) => {
    const reader = new CodeIndexReader(await ctx.store());
    const located = await reader.locate(await realpath(absolute));
    const results: SimilarResult[] = [];
    let tooShort = 0;
    for (const query of queries) {
      const found = await findSimilarCode(
        reader,
        {
          code: query.code,
          language,
          ...(located && {
            self: { repo: located.repo, path: located.path, startLine: query.start, endLine: query.end },
          }),
        },
        { threshold, k },
      );
      if (found.tooShort) tooShort++;
      for (const { chunk, jaccard } of found.matches) {
        results.push({
          repo: chunk.repo,
          path: chunk.path,
          start_line: chunk.start_line,
          end_line: chunk.end_line,
          symbol: chunk.symbol,
          kind: chunk.kind,
          jaccard,
          score: jaccard,
          query_start_line: query.start,
          query_end_line: query.end,
          text: chunk.content,
        });
      }
    }
    results.sort((a, b) => b.jaccard - a.jaccard);
    const output = {
      results: results.slice(0, k),
      threshold,
      ...(tooShort === queries.length && {
        note: "the code is too short to compare (fewer than 25 normalised tokens)",
      }),
    };
    ctx.print(output, (o) =>
      o.results.length
        ? o.results
            .map(
              (r) =>
                `${r.jaccard.toFixed(2)}  lines ${r.query_start_line}-${r.query_end_line} ≈ ${r.repo}/${r.path}:${r.start_line}-${r.end_line}${r.symbol ? ` ${r.symbol}` : ""}`,
            )
            .join("\n")
        : (o.note ?? `no code above Jaccard ${threshold}`),
    );
  });
}

/** Without --lines, each definition-bounded chunk of the file is a query. */
async function wholeFileQueries(text: string, language: ReturnType<typeof languageOf>) {
  const parsed = language ? await parseSource(new TreeSitterLoader(), language, text) : undefined;
  return chunkFile(text.replace(/\r\n/g, "\n"), parsed?.symbols ?? []).map((c) => ({
    start: c.startLine,
    end: c.endLine,
    code: c.text,
  }));
}
