import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildFeedbackEvalSet } from "@uplift/kb";
import { withContext } from "../../context.js";
import type { GlobalOptions } from "../../options.js";

/** `uplift kb feedback-set --out DIR`: the feedback as `kb eval` input files. */
export async function feedbackSetCommand(global: GlobalOptions, options: { out: string }) {
  await withContext(global, async (ctx) => {
    const set = await buildFeedbackEvalSet(await ctx.store());
    const dir = path.resolve(options.out);
    await mkdir(dir, { recursive: true });
    const queries = path.join(dir, "queries.jsonl");
    const qrels = path.join(dir, "qrels.tsv");
    // written under temporary names and renamed: a half-written pair is never read as a set
    await writeFile(`${queries}.tmp`, set.queries.map((q) => `${JSON.stringify(q)}\n`).join(""));
    await writeFile(
      `${qrels}.tmp`,
      set.qrels.map((j) => `${j.query_id}\t${j.doc_id}\t${j.relevance}\n`).join(""),
    );
    await rename(`${queries}.tmp`, queries);
    await rename(`${qrels}.tmp`, qrels);
    const summary = {
      queries: set.queries.length,
      judgments: set.qrels.length,
      relevant: set.qrels.filter((j) => j.relevance > 0).length,
      votes: set.votes,
      tied: set.tied,
      files: { queries, qrels },
    };
    ctx.print(
      summary,
      (s) =>
        `${s.queries} questions, ${s.judgments} judgments (${s.relevant} relevant) from ${s.votes} votes` +
        `${s.tied ? `, ${s.tied} left out (likes and dislikes cancel)` : ""}\n` +
        `run: uplift kb eval --queries ${queries} --qrels ${qrels}`,
    );
  });
}
