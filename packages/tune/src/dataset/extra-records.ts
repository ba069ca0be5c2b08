import { createHash } from "node:crypto";
import { addCounts, redactText } from "@uplift/core";
import { commitPairs } from "./commit-history.js";
import type { SourceInput } from "./dataset-inputs.js";
import type { DatasetDeps, PreferencePair } from "./dataset-types.js";
import type { DatasetManifest } from "./manifest.js";
import type { ShardWriter } from "./shard-writer.js";
import type { DatasetTokenizer } from "./tokenizer.js";

/**
 * `--history`: each included repository's recent commits as `{instruction: message, output:
 * diff}` records, both redacted, exact duplicates (cherry-picks, reverts of reverts) dropped.
 */
export async function writeCommitRecords(
  inputs: readonly SourceInput[],
  limit: number,
  tokenizer: DatasetTokenizer,
  instruct: ShardWriter,
  redactions: Record<string, number>,
  deps: DatasetDeps,
): Promise<DatasetManifest["history"]> {
  const history: DatasetManifest["history"] = { commits: 0, records: 0, tokens: 0, skipped: {} };
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input.kind !== "code" || !input.included || !input.head) continue;
    deps.onProgress?.({ phase: "history", source: input.name, files: 0, bytes: 0 });
    const skip = (reason: string) => {
      history.skipped[reason] = (history.skipped[reason] ?? 0) + 1;
      if (reason !== "duplicate") history.commits++;
    };
    for await (const pair of commitPairs(input.root, limit, skip)) {
      history.commits++;
      const message = await redactText(pair.message);
      const diff = await redactText(pair.diff, { fileName: "change.diff" });
      addCounts(redactions, message.counts);
      addCounts(redactions, diff.counts);
      const hash = createHash("sha256").update(message.text).update("\0").update(diff.text).digest("base64");
      if (seen.has(hash)) {
        skip("duplicate");
        continue;
      }
      seen.add(hash);
      const tokens = tokenizer.count(message.text) + tokenizer.count(diff.text);
      history.records++;
      history.tokens += tokens;
      await instruct.write({
        kind: "commit",
        source: input.name,
        commit: pair.commit,
        instruction: message.text,
        output: diff.text,
        tokens,
      });
    }
  }
  return history;
}

/** `--feedback`: chosen/rejected pairs from kb feedback, every field redacted. */
export async function writePreferenceRecords(
  given: DatasetDeps["preferencePairs"],
  /** Needed only when there are pairs. */
  tokenizer: DatasetTokenizer | undefined,
  preference: ShardWriter,
  redactions: Record<string, number>,
): Promise<DatasetManifest["feedback"]> {
  const feedback = { pairs: 0, unpaired: given?.unpaired ?? 0, tokens: 0 };
  for (const pair of given?.pairs ?? ([] as PreferencePair[])) {
    const [prompt, chosen, rejected] = await Promise.all([
      redactText(pair.prompt),
      redactText(pair.chosen),
      redactText(pair.rejected),
    ]);
    for (const r of [prompt, chosen, rejected]) addCounts(redactions, r.counts);
    const counter = tokenizer as DatasetTokenizer;
    const tokens = counter.count(prompt.text) + counter.count(chosen.text) + counter.count(rejected.text);
    feedback.pairs++;
    feedback.tokens += tokens;
    await preference.write({
      kind: "preference",
      prompt: prompt.text,
      chosen: chosen.text,
      rejected: rejected.text,
      tokens,
    });
  }
  return feedback;
}
