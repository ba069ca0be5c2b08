/**
 * MinHash near-dedup quality: recall and precision of `NearDuplicateIndex` (5-gram shingles, 256
 * permutations, 25×10 LSH bands, Jaccard ≥ 0.7) on a generated set with known duplicates; bar: both ≥ 0.95.
 *
 *   npx tsc -b && node bench/tune-dataset-minhash.ts [--originals 1000] [--seed 1]
 *
 * Each original is a 60–160-line file of code from a Zipf-distributed 3,000-word vocabulary; it
 * gets 0–3 near copies (2–7 % of lines rewritten: true Jaccard ≈ 0.75–0.95) that must be
 * removed, and 0–1 "hard negative" (35–60 % of lines rewritten: Jaccard ≈ 0.1–0.5) that must
 * be kept. Truth is the threshold's: the exact Jaccard of every variant with its original is
 * computed with plain string shingles (independent of the MinHash code); a variant at ≥ 0.7 is
 * a copy to remove, one that came out below is kept. Distributions are printed.
 * Removed = not its cluster's representative; precision = removed that are copies / removed,
 * recall = copies removed / copies.
 */
import { parseArgs } from "node:util";
import { NearDuplicateIndex, textSignature } from "@uplift/tune";
import { mulberry32, syllableWords } from "./seeded-random.ts";

const { values } = parseArgs({
  options: { originals: { type: "string", default: "1000" }, seed: { type: "string", default: "1" } },
});
const ORIGINALS = Number(values.originals);

const rand = mulberry32(Number(values.seed));
const WORDS = syllableWords(rand, 3000);
const word = () => WORDS[Math.min(WORDS.length - 1, Math.floor(WORDS.length ** rand()) - 1)] as string;
const line = () => `  const ${word()} = ${word()}.${word()}(${word()}, ${Math.floor(rand() * 100)});`;
const rewrite = (lines: string[], share: number) => lines.map((l) => (rand() < share ? line() : l));

function shingles(text: string): Set<string> {
  const tokens = text.match(/[A-Za-z0-9_]+/g) ?? [];
  const set = new Set<string>();
  for (let i = 0; i + 5 <= tokens.length; i++) set.add(tokens.slice(i, i + 5).join(" "));
  return set;
}
function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

interface Doc {
  text: string;
  /** A near copy that must be removed. */
  copy: boolean;
}
const docs: Doc[] = [];
const pairJaccard = { copies: [] as number[], negatives: [] as number[] };
for (let o = 0; o < ORIGINALS; o++) {
  const lines = Array.from({ length: 60 + Math.floor(rand() * 100) }, line);
  const original = lines.join("\n");
  docs.push({ text: original, copy: false });
  const base = shingles(original);
  for (let c = Math.floor(rand() * 4); c > 0; c--) {
    const text = rewrite(lines, 0.02 + rand() * 0.05).join("\n");
    const j = jaccard(base, shingles(text));
    // truth is the threshold's: a variant that came out below 0.7 must be kept
    docs.push({ text, copy: j >= 0.7 });
    (j >= 0.7 ? pairJaccard.copies : pairJaccard.negatives).push(j);
  }
  if (rand() < 0.5) {
    const text = rewrite(lines, 0.35 + rand() * 0.25).join("\n");
    docs.push({ text, copy: false });
    pairJaccard.negatives.push(jaccard(base, shingles(text)));
  }
}

const started = performance.now();
const index = new NearDuplicateIndex(0.7);
const ids = docs.map((d) => index.add(textSignature(d.text) as Int32Array));
const seconds = (performance.now() - started) / 1000;
let removed = 0;
let removedCopies = 0;
ids.forEach((id, i) => {
  if (index.representative(id) !== id) {
    removed++;
    if (docs[i]?.copy) removedCopies++;
  }
});
const copies = docs.filter((d) => d.copy).length;
const quantiles = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return [0, 0.05, 0.5, 0.95, 1].map(
    (q) => +(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0).toFixed(3),
  );
};
console.log(
  JSON.stringify(
    {
      documents: docs.length,
      near_copies: copies,
      variants_to_keep: pairJaccard.negatives.length,
      removed,
      precision: +(removedCopies / removed).toFixed(4),
      recall: +(removedCopies / copies).toFixed(4),
      jaccard_copies_min_p5_p50_p95_max: quantiles(pairJaccard.copies),
      jaccard_negatives_min_p5_p50_p95_max: quantiles(pairJaccard.negatives),
      seconds: +seconds.toFixed(2),
    },
    null,
    1,
  ),
);
