import type { FimModel } from "@uplift/code";
import type { TextPart } from "./line-tokens.js";

/**
 * Fill-in-the-middle for training (Bavarian et al. 2022, "Efficient Training of Language
 * Models to Fill in the Middle"): a document is cut at two uniformly random character
 * positions into prefix / middle / suffix and rewritten in PSM order (prefix, suffix, middle)
 * or SPM order (suffix, prefix, middle), with each model family's sentinel tokens — the same
 * ones @uplift/code's `buildFimPrompt` puts in completion prompts (PSM is its prompt followed
 * by the middle and the end-of-middle token; tested in fim.test.ts).
 */
export interface FimSentinels {
  prefix: string;
  suffix: string;
  middle: string;
  /** Ends the middle (the model's end-of-infill or end-of-text token). */
  end: string;
}

export const FIM_SENTINELS: Readonly<Record<FimModel, FimSentinels>> = {
  // Code Llama (Rozière et al. 2023): "<PRE> {pre} <SUF>{suf} <MID>{mid}<EOT>"; spaces as in the paper's format
  codellama: { prefix: "<PRE> ", suffix: " <SUF>", middle: " <MID>", end: "<EOT>" },
  starcoder2: {
    prefix: "<fim_prefix>",
    suffix: "<fim_suffix>",
    middle: "<fim_middle>",
    end: "<|endoftext|>",
  },
  "deepseek-coder": {
    prefix: "<｜fim▁begin｜>",
    suffix: "<｜fim▁hole｜>",
    middle: "<｜fim▁end｜>",
    end: "<｜end▁of▁sentence｜>",
  },
  "qwen2.5-coder": {
    prefix: "<|fim_prefix|>",
    suffix: "<|fim_suffix|>",
    middle: "<|fim_middle|>",
    end: "<|endoftext|>",
  },
};

export type FimMode = "psm" | "spm";

/** Rewrites `text` given two cut points (0 ≤ a ≤ b ≤ length) in PSM or SPM order. */
export function fimTransform(
  text: string,
  a: number,
  b: number,
  mode: FimMode,
  sentinels: FimSentinels,
): string {
  return fimLayout(text.length, a, b, mode, sentinels)
    .map((part) => (typeof part === "string" ? part : text.slice(part[0], part[1])))
    .join("");
}

/**
 * The FIM rewrite of a text of `length` characters as sentinels and ranges of the text (plus
 * `offset`, where the text is a part of a longer one): what `fimTransform` joins, and what
 * pass 2 counts tokens of without making the string twice.
 */
export function fimLayout(
  length: number,
  a: number,
  b: number,
  mode: FimMode,
  sentinels: FimSentinels,
  offset = 0,
): TextPart[] {
  const s = sentinels;
  const prefix = [offset, offset + a] as const;
  const middle = [offset + a, offset + b] as const;
  const suffix = [offset + b, offset + length] as const;
  return mode === "psm"
    ? [s.prefix, prefix, s.suffix, suffix, s.middle, middle, s.end]
    : [`${s.prefix.trimEnd()}${s.suffix.trimStart()}`, suffix, s.middle, prefix, middle, s.end];
}

/** mulberry32: a small seeded PRNG, uniform on [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FimDecision {
  text: string;
  mode: FimMode | undefined;
}

/** Where a document is cut for FIM, and in which order its parts are put back. */
export interface FimCut {
  a: number;
  b: number;
  mode: FimMode;
}

/**
 * Applies FIM to a document with probability `rate` (SPM with probability `spmRate` among
 * those), drawing from `random`; the cut points avoid splitting a UTF-16 surrogate pair.
 */
export function maybeFim(
  text: string,
  random: () => number,
  rate: number,
  spmRate: number,
  sentinels: FimSentinels,
): FimDecision {
  const cut = fimCut(text, random, rate, spmRate);
  if (!cut) return { text, mode: undefined };
  return { text: fimTransform(text, cut.a, cut.b, cut.mode, sentinels), mode: cut.mode };
}

/** `maybeFim`'s decision alone (the same draws from `random`): undefined when the document stays whole. */
export function fimCut(
  text: string,
  random: () => number,
  rate: number,
  spmRate: number,
): FimCut | undefined {
  if (text.length < 2 || random() >= rate) return undefined;
  let a = Math.floor(random() * (text.length + 1));
  let b = Math.floor(random() * (text.length + 1));
  if (a > b) [a, b] = [b, a];
  a = safeCut(text, a);
  b = safeCut(text, b);
  const mode: FimMode = random() < spmRate ? "spm" : "psm";
  return { a, b, mode };
}

function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return at > 0 && code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}
