/**
 * Near-duplicate finder evaluation on a labelled set generated from this repository's own
 * TypeScript (no fetched code): for each function-sized chunk, an exact copy, a renamed copy
 * (every local identifier renamed consistently), a renamed copy with one line edited and one
 * deleted (positives), an unrelated chunk and another definition of the same file (negatives). A pair is predicted similar when
 * LSH makes it a candidate (one equal band) and the MinHash estimate ≥ threshold.
 * Run: npx tsc -b && node bench/code-similar.ts
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import {
  bandKeys,
  chunkFile,
  estimateJaccard,
  jaccard,
  MIN_TOKENS,
  minhashSignature,
  normalisedTokens,
  parseSource,
  shingleHashes,
  TreeSitterLoader,
} from "@uplift/code";

const ROOT = new URL("..", import.meta.url).pathname;
const files = execFileSync(
  "git",
  ["ls-files", "packages/*/src/*.ts", "packages/*/src/**/*.ts", "apps/*/src/**/*.ts"],
  { cwd: ROOT },
)
  .toString()
  .trim()
  .split("\n")
  .filter((f) => !f.endsWith(".test.ts"));
const loader = new TreeSitterLoader();
const chunks: string[] = [];
const fileOf: number[] = [];
for (const [fileIndex, file] of files.entries()) {
  const text = readFileSync(`${ROOT}/${file}`, "utf8");
  const parsed = await parseSource(loader, "typescript", text);
  for (const chunk of chunkFile(text, parsed?.symbols ?? []))
    if (chunk.kind !== "block" && normalisedTokens(chunk.text).length >= MIN_TOKENS * 2) {
      chunks.push(chunk.text);
      fileOf.push(fileIndex);
    }
}

let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const KEYWORDS = new Set(
  normalisedTokens(
    "if else for while return const let function class new this await async true false null undefined import export type interface",
  ),
);
function renameIdentifiers(code: string): string {
  const names = new Map<string, string>();
  return code.replace(/(\.?)\b([A-Za-z_$][\w$]*)\b/g, (whole, dot: string, name: string) => {
    if (dot || KEYWORDS.has(name) || normalisedTokens(name)[0] !== "I") return whole;
    if (!names.has(name)) names.set(name, `v${names.size}_${name.length}`);
    return names.get(name) as string;
  });
}
function editOneLineDeleteOne(code: string): string {
  const lines = code.split("\n");
  if (lines.length < 4) return `${code}\nconsole.log("edited");`;
  const edit = 1 + Math.floor(random() * (lines.length - 2));
  lines[edit] = `${lines[edit]} // edited\n  logger.debug({ step: ${edit} }, "edited");`;
  lines.splice(1 + Math.floor(random() * (lines.length - 2)), 1);
  return lines.join("\n");
}

const signature = (code: string) => minhashSignature(shingleHashes(normalisedTokens(code)));
type Pair = { kind: string; positive: boolean; estimate: number; exact: number; candidate: boolean };
const pairs: Pair[] = [];
for (const [i, original] of chunks.entries()) {
  const a = signature(original);
  const bandsA = new Set(bandKeys(a));
  const variants: [string, boolean, string][] = [
    ["copy", true, original],
    ["renamed", true, renameIdentifiers(original)],
    ["renamed+edited", true, editOneLineDeleteOne(renameIdentifiers(original))],
    [
      "unrelated",
      false,
      chunks[(i + 1 + Math.floor(random() * (chunks.length - 1))) % chunks.length] as string,
    ],
  ];
  // a harder negative: another definition of the same file (same author, style and vocabulary)
  const sibling = chunks.findIndex((_, j) => j !== i && fileOf[j] === fileOf[i]);
  if (sibling !== -1) variants.push(["same-file other", false, chunks[sibling] as string]);
  for (const [kind, positive, code] of variants) {
    const b = signature(code);
    const exact = jaccard(shingleHashes(normalisedTokens(original)), shingleHashes(normalisedTokens(code)));
    pairs.push({
      kind,
      positive,
      estimate: estimateJaccard(a, b),
      exact,
      candidate: bandKeys(b).some((k) => bandsA.has(k)),
    });
  }
}

console.log(`labelled pairs: ${pairs.length} from ${chunks.length} chunks of ${files.length} files`);
for (const kind of ["copy", "renamed", "renamed+edited", "unrelated", "same-file other"]) {
  const of = pairs.filter((p) => p.kind === kind);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log(
    `${kind.padEnd(15)} n=${of.length} mean estimate ${mean(of.map((p) => p.estimate)).toFixed(3)} mean exact ${mean(of.map((p) => p.exact)).toFixed(3)} LSH candidate ${(mean(of.map((p) => (p.candidate ? 1 : 0))) * 100).toFixed(1)}%`,
  );
}
console.log(
  "threshold  precision  recall  (positives: copy, renamed, renamed+edited; negatives: unrelated, same-file other)",
);
for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8]) {
  const predicted = pairs.filter((p) => p.candidate && p.estimate >= threshold);
  const tp = predicted.filter((p) => p.positive).length;
  const positives = pairs.filter((p) => p.positive).length;
  const editedRecall =
    pairs.filter((p) => p.kind === "renamed+edited" && p.candidate && p.estimate >= threshold).length /
    pairs.filter((p) => p.kind === "renamed+edited").length;
  console.log(
    `${threshold.toFixed(1).padStart(9)}  ${(tp / Math.max(1, predicted.length)).toFixed(3).padStart(9)}  ${(tp / positives).toFixed(3).padStart(6)}  (renamed+edited recall ${editedRecall.toFixed(3)})`,
  );
}
