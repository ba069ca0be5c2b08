/**
 * Near-duplicate finder evaluation on a labelled set generated from this repository's own
 * TypeScript (no fetched code): for each function-sized chunk, an exact copy, a renamed copy
 * (every local identifier renamed consistently), a renamed copy with one line edited and one
 * deleted (positives), an unrelated chunk and another definition of the same file (negatives). A pair is predicted similar when
 * LSH makes it a candidate (one equal band) and the MinHash estimate ≥ threshold.
 * Run: npx tsc -b && node bench/code-similar.ts [--jscpd DIR]
 *
 * With `--jscpd DIR` (a directory where `npm install jscpd` ran; never a dependency of Uplift) the
 * same pairs go through jscpd, the copy/paste detector most JS/TS teams would reach for, with its
 * default options (50 tokens, 5 lines, "mild" mode), one pair at a time: a pair counts as found
 * when jscpd reports a clone between its two texts (any clone; and, stricter, clones covering at
 * least half of the original's lines).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
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

const { values } = parseArgs({ options: { jscpd: { type: "string" } } });
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
type Pair = {
  kind: string;
  positive: boolean;
  estimate: number;
  exact: number;
  candidate: boolean;
  original: string;
  other: string;
};
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
      original,
      other: code,
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

const DEFAULT_THRESHOLD = 0.5;
console.log(
  `found at ${DEFAULT_THRESHOLD}: ${["copy", "renamed", "renamed+edited", "unrelated", "same-file other"]
    .map((kind) => {
      const of = pairs.filter((p) => p.kind === kind);
      const hit = of.filter((p) => p.candidate && p.estimate >= DEFAULT_THRESHOLD).length;
      return `${kind} ${((100 * hit) / of.length).toFixed(1)}%`;
    })
    .join(", ")}`,
);

if (values.jscpd) await compareWithJscpd(values.jscpd);

/**
 * The same pairs through jscpd's own detector (@jscpd/core Detector + @jscpd/tokenizer, what the
 * jscpd CLI runs per file) with its default options: one fresh in-memory store per pair, so a
 * pair's clone is found between its two texts only.
 */
async function compareWithJscpd(dir: string) {
  const require = createRequire(path.join(path.resolve(dir), "package.json"));
  type Clone = { duplicationA: Side; duplicationB: Side };
  type Side = { sourceId: string; start: { line: number }; end: { line: number } };
  const core = require("@jscpd/core") as {
    Detector: new (
      tokenizer: unknown,
      store: unknown,
      validators: unknown,
      options: unknown,
    ) => { detect(id: string, text: string, format: string): Promise<Clone[]> };
    MemoryStore: new () => unknown;
    getDefaultOptions(): Record<string, unknown>;
  };
  const { Tokenizer } = require("@jscpd/tokenizer") as { Tokenizer: new () => unknown };
  const options = core.getDefaultOptions();
  const started = performance.now();
  const found = await Promise.all(
    pairs.map(async (pair) => {
      const detector = new core.Detector(new Tokenizer(), new core.MemoryStore(), [], options);
      await detector.detect("a", pair.original, "typescript");
      const clones = await detector.detect("b", pair.other, "typescript");
      const covered = new Set<number>();
      for (const clone of clones) {
        const side = clone.duplicationA.sourceId === "a" ? clone.duplicationA : clone.duplicationB;
        for (let line = side.start.line; line <= side.end.line; line++) covered.add(line);
      }
      return { any: clones.length > 0, half: covered.size >= pair.original.split("\n").length / 2 };
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `jscpd ${seconds.toFixed(1)} s over ${pairs.length} pairs (default options: minTokens ${options.minTokens}, minLines ${options.minLines}, mode mild)`,
  );
  for (const [label, key] of [
    ["jscpd, any clone", "any"],
    ["jscpd, clones over ≥ half the lines", "half"],
  ] as const) {
    const hit = found.map((f) => f[key]);
    const byKind = ["copy", "renamed", "renamed+edited", "unrelated", "same-file other"].map((kind) => {
      const of = pairs.map((p, i) => ({ p, i })).filter(({ p }) => p.kind === kind);
      return `${kind} ${((100 * of.filter(({ i }) => hit[i]).length) / of.length).toFixed(1)}%`;
    });
    const tp = pairs.filter((p, i) => p.positive && hit[i]).length;
    const predicted = hit.filter(Boolean).length;
    const positives = pairs.filter((p) => p.positive).length;
    console.log(
      `${label}: precision ${(tp / Math.max(1, predicted)).toFixed(3)} recall ${(tp / positives).toFixed(3)} — found: ${byKind.join(", ")}`,
    );
  }
}
