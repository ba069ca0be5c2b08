import { writeFileSync } from "node:fs";

/** Shape of the tiny llama-architecture model written by {@link writeTinyGguf}. */
export interface TinyGgufOptions {
  /** Width of the hidden state (default 16). */
  embeddingLength?: number;
  /** Attention heads (default 2); the key/value heads are the same. */
  headCount?: number;
  /** Width of the feed-forward layer (default 32). */
  feedForwardLength?: number;
  /** Longest context the model claims to support (default 256). */
  contextLength?: number;
  /** Seed of the pseudo-random weights; same seed, same file (default 1). */
  seed?: number;
  /** Add the FIM special tokens (`<PRE>`, `<SUF>`, `<MID>`, `<EOT>`) to the vocabulary (default false). */
  fimTokens?: boolean;
}

const GGUF_MAGIC = 0x46554747; // "GGUF" little-endian
const GGUF_VERSION = 3;
const ALIGNMENT = 32;

/** GGUF metadata value types (gguf_type). */
const ValueType = { Uint32: 4, Int32: 5, Float32: 6, Bool: 7, String: 8, Array: 9 } as const;

/** Token types of the llama.cpp vocabulary (llama_token_type). */
const TOKEN_NORMAL = 1;
const TOKEN_UNKNOWN = 2;
const TOKEN_CONTROL = 3;
const TOKEN_BYTE = 6;

type VT = typeof ValueType;
type MetaValue =
  | { type: VT["Uint32"] | VT["Int32"] | VT["Float32"]; value: number }
  | { type: VT["Bool"]; value: boolean }
  | { type: VT["String"]; value: string }
  | { type: VT["Array"]; of: VT["String"]; value: string[] }
  | { type: VT["Array"]; of: VT["Float32"] | VT["Int32"]; value: number[] };

interface Tensor {
  name: string;
  /** ggml order: ne[0] is the innermost (contiguous) dimension. */
  dims: number[];
}

/** Byte writer that grows as needed. */
class ByteWriter {
  private buffer = Buffer.alloc(1 << 16);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buffer.length) return;
    const next = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + n));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }
  u32(v: number): void {
    this.reserve(4);
    this.buffer.writeUInt32LE(v, this.length);
    this.length += 4;
  }
  i32(v: number): void {
    this.reserve(4);
    this.buffer.writeInt32LE(v, this.length);
    this.length += 4;
  }
  u64(v: number): void {
    this.reserve(8);
    this.buffer.writeBigUInt64LE(BigInt(v), this.length);
    this.length += 8;
  }
  f32(v: number): void {
    this.reserve(4);
    this.buffer.writeFloatLE(v, this.length);
    this.length += 4;
  }
  u8(v: number): void {
    this.reserve(1);
    this.buffer.writeUInt8(v, this.length);
    this.length += 1;
  }
  string(s: string): void {
    const bytes = Buffer.from(s, "utf8");
    this.u64(bytes.length);
    this.reserve(bytes.length);
    bytes.copy(this.buffer, this.length);
    this.length += bytes.length;
  }
  padTo(alignment: number): void {
    while (this.length % alignment !== 0) this.u8(0);
  }
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/** mulberry32: a small deterministic PRNG, so the same seed gives the same weights. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A SentencePiece-style vocabulary: control tokens, 256 byte-fallback tokens, then letters and words. */
function vocabulary(fimTokens: boolean): { tokens: string[]; scores: number[]; types: number[] } {
  const tokens = ["<unk>", "<s>", "</s>"];
  const types = [TOKEN_UNKNOWN, TOKEN_CONTROL, TOKEN_CONTROL];
  if (fimTokens) {
    for (const t of ["<PRE>", "<SUF>", "<MID>", "<EOT>"]) {
      tokens.push(t);
      types.push(TOKEN_CONTROL);
    }
  }
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`);
    types.push(TOKEN_BYTE);
  }
  const pieces = [..."abcdefghijklmnopqrstuvwxyz", "▁", "▁the", "▁a", "▁is", "▁of", "▁and", "▁to", "▁in"];
  for (const p of pieces) {
    tokens.push(p);
    types.push(TOKEN_NORMAL);
  }
  const scores = tokens.map((_, i) => (types[i] === TOKEN_NORMAL ? -i : 0));
  return { tokens, scores, types };
}

/**
 * Writes a minimal but valid GGUF v3 file of a 1-layer llama-architecture model with F32
 * weights drawn from a seeded PRNG and a SentencePiece (`llama`) vocabulary of ~300 tokens.
 * Its output is gibberish; it exists so that tests can load a real model through llama.cpp
 * without downloading weights. Returns the file size in bytes.
 */
export function writeTinyGguf(file: string, options: TinyGgufOptions = {}): number {
  const nEmbd = options.embeddingLength ?? 16;
  const nHead = options.headCount ?? 2;
  const nFf = options.feedForwardLength ?? 32;
  const nCtx = options.contextLength ?? 256;
  const random = prng(options.seed ?? 1);
  const vocab = vocabulary(options.fimTokens ?? false);
  const nVocab = vocab.tokens.length;

  const meta: [string, MetaValue][] = [
    ["general.architecture", { type: ValueType.String, value: "llama" }],
    ["general.name", { type: ValueType.String, value: "uplift-tiny-test-model" }],
    ["general.alignment", { type: ValueType.Uint32, value: ALIGNMENT }],
    ["general.file_type", { type: ValueType.Uint32, value: 0 }],
    ["llama.context_length", { type: ValueType.Uint32, value: nCtx }],
    ["llama.embedding_length", { type: ValueType.Uint32, value: nEmbd }],
    ["llama.block_count", { type: ValueType.Uint32, value: 1 }],
    ["llama.feed_forward_length", { type: ValueType.Uint32, value: nFf }],
    ["llama.attention.head_count", { type: ValueType.Uint32, value: nHead }],
    ["llama.attention.head_count_kv", { type: ValueType.Uint32, value: nHead }],
    ["llama.attention.layer_norm_rms_epsilon", { type: ValueType.Float32, value: 1e-5 }],
    ["llama.rope.dimension_count", { type: ValueType.Uint32, value: nEmbd / nHead }],
    ["llama.vocab_size", { type: ValueType.Uint32, value: nVocab }],
    ["tokenizer.ggml.model", { type: ValueType.String, value: "llama" }],
    ["tokenizer.ggml.tokens", { type: ValueType.Array, of: ValueType.String, value: vocab.tokens }],
    ["tokenizer.ggml.scores", { type: ValueType.Array, of: ValueType.Float32, value: vocab.scores }],
    ["tokenizer.ggml.token_type", { type: ValueType.Array, of: ValueType.Int32, value: vocab.types }],
    ["tokenizer.ggml.bos_token_id", { type: ValueType.Uint32, value: 1 }],
    ["tokenizer.ggml.eos_token_id", { type: ValueType.Uint32, value: 2 }],
    ["tokenizer.ggml.unknown_token_id", { type: ValueType.Uint32, value: 0 }],
    ["tokenizer.ggml.add_bos_token", { type: ValueType.Bool, value: true }],
    ["tokenizer.ggml.add_eos_token", { type: ValueType.Bool, value: false }],
  ];
  if (options.fimTokens) {
    meta.push(
      ["tokenizer.ggml.prefix_token_id", { type: ValueType.Uint32, value: 3 }],
      ["tokenizer.ggml.suffix_token_id", { type: ValueType.Uint32, value: 4 }],
      ["tokenizer.ggml.middle_token_id", { type: ValueType.Uint32, value: 5 }],
      ["tokenizer.ggml.eot_token_id", { type: ValueType.Uint32, value: 6 }],
    );
  }

  const tensors: Tensor[] = [
    { name: "token_embd.weight", dims: [nEmbd, nVocab] },
    { name: "blk.0.attn_norm.weight", dims: [nEmbd] },
    { name: "blk.0.attn_q.weight", dims: [nEmbd, nEmbd] },
    { name: "blk.0.attn_k.weight", dims: [nEmbd, nEmbd] },
    { name: "blk.0.attn_v.weight", dims: [nEmbd, nEmbd] },
    { name: "blk.0.attn_output.weight", dims: [nEmbd, nEmbd] },
    { name: "blk.0.ffn_norm.weight", dims: [nEmbd] },
    { name: "blk.0.ffn_gate.weight", dims: [nEmbd, nFf] },
    { name: "blk.0.ffn_up.weight", dims: [nEmbd, nFf] },
    { name: "blk.0.ffn_down.weight", dims: [nFf, nEmbd] },
    { name: "output_norm.weight", dims: [nEmbd] },
    { name: "output.weight", dims: [nEmbd, nVocab] },
  ];

  const out = new ByteWriter();
  out.u32(GGUF_MAGIC);
  out.u32(GGUF_VERSION);
  out.u64(tensors.length);
  out.u64(meta.length);
  for (const [key, v] of meta) {
    out.string(key);
    out.u32(v.type);
    switch (v.type) {
      case ValueType.Uint32:
        out.u32(v.value);
        break;
      case ValueType.Int32:
        out.i32(v.value);
        break;
      case ValueType.Float32:
        out.f32(v.value);
        break;
      case ValueType.Bool:
        out.u8(v.value ? 1 : 0);
        break;
      case ValueType.String:
        out.string(v.value);
        break;
      case ValueType.Array:
        out.u32(v.of);
        out.u64(v.value.length);
        for (const item of v.value) {
          if (typeof item === "string") out.string(item);
          else if (v.of === ValueType.Int32) out.i32(item);
          else out.f32(item);
        }
        break;
    }
  }

  let offset = 0;
  const sizes = tensors.map((t) => t.dims.reduce((a, b) => a * b, 1) * 4);
  tensors.forEach((t, i) => {
    out.string(t.name);
    out.u32(t.dims.length);
    for (const d of t.dims) out.u64(d);
    out.u32(0); // GGML_TYPE_F32
    out.u64(offset);
    offset += Math.ceil((sizes[i] ?? 0) / ALIGNMENT) * ALIGNMENT;
  });
  out.padTo(ALIGNMENT);

  tensors.forEach((t, i) => {
    const count = (sizes[i] ?? 0) / 4;
    const isNorm = t.name.endsWith("norm.weight");
    const width = t.dims[0] ?? 1;
    const scale = 2 / Math.sqrt(width);
    for (let j = 0; j < count; j++) {
      const value = isNorm ? 1 : (random() * 2 - 1) * scale;
      // Output rows of byte and control tokens are zero, so greedy decoding picks normal
      // tokens: whole characters (no partial UTF-8 held back) and no early end of generation.
      const silenced = t.name === "output.weight" && vocab.types[Math.floor(j / width)] !== TOKEN_NORMAL;
      out.f32(silenced ? 0 : value);
    }
    out.padTo(ALIGNMENT);
  });

  const bytes = out.bytes();
  writeFileSync(file, bytes);
  return bytes.length;
}
