import { attentionWidths, type BaseModel } from "./base-models.js";

/** One linear projection of a decoder layer, by its module name in the HF implementation. */
export interface LinearLayer {
  readonly module: string;
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly bias: boolean;
}

/**
 * The linear projections of one decoder layer: Llama-style (Code Llama, DeepSeek-Coder, Qwen2,
 * Llama 3) have a gated MLP (gate/up/down); StarCoder2 a plain MLP (c_fc/c_proj) and biases
 * everywhere; Qwen2 has biases on q/k/v only.
 */
export function linearLayers(m: BaseModel): LinearLayer[] {
  const { kvDim } = attentionWidths(m);
  const h = m.hidden;
  const starcoder = m.family === "starcoder2";
  const qkvBias = starcoder || m.family === "qwen2.5-coder";
  const attention: LinearLayer[] = [
    { module: "q_proj", inFeatures: h, outFeatures: h, bias: qkvBias },
    { module: "k_proj", inFeatures: h, outFeatures: kvDim, bias: qkvBias },
    { module: "v_proj", inFeatures: h, outFeatures: kvDim, bias: qkvBias },
    { module: "o_proj", inFeatures: h, outFeatures: h, bias: starcoder },
  ];
  const mlp: LinearLayer[] = starcoder
    ? [
        { module: "c_fc", inFeatures: h, outFeatures: m.intermediate, bias: true },
        { module: "c_proj", inFeatures: m.intermediate, outFeatures: h, bias: true },
      ]
    : [
        { module: "gate_proj", inFeatures: h, outFeatures: m.intermediate, bias: false },
        { module: "up_proj", inFeatures: h, outFeatures: m.intermediate, bias: false },
        { module: "down_proj", inFeatures: m.intermediate, outFeatures: h, bias: false },
      ];
  return [...attention, ...mlp];
}

/** LoRA target module names: every linear layer of the decoder ("all linear", not the LM head). */
export function loraTargetModules(m: BaseModel): string[] {
  return linearLayers(m).map((l) => l.module);
}

/** Parameter counts derived from the shapes. */
export interface ParameterCounts {
  /** Everything: embeddings, decoder layers, norms, LM head (once when tied). */
  readonly total: number;
  /** Weights of the decoder layers' linear projections (what QLoRA quantizes). */
  readonly linear: number;
  /** Weights that take part in matrix multiplies per token (excludes the embedding lookup). */
  readonly matmul: number;
}

export function parameterCounts(m: BaseModel): ParameterCounts {
  const layers = linearLayers(m);
  const linearPerLayer = layers.reduce((n, l) => n + l.inFeatures * l.outFeatures, 0);
  const biasPerLayer = layers.reduce((n, l) => n + (l.bias ? l.outFeatures : 0), 0);
  const starcoder = m.family === "starcoder2";
  // RMSNorm has a weight per channel; StarCoder2's LayerNorm a weight and a bias
  const normPerLayer = (starcoder ? 4 : 2) * m.hidden;
  const finalNorm = (starcoder ? 2 : 1) * m.hidden;
  const embedding = m.vocab * m.hidden;
  const head = m.tiedEmbeddings ? 0 : m.vocab * m.hidden;
  const linear = m.layers * linearPerLayer;
  const total = embedding + head + m.layers * (linearPerLayer + biasPerLayer + normPerLayer) + finalNorm;
  return { total, linear, matmul: linear + m.vocab * m.hidden };
}

/** Trainable parameters of LoRA rank r on every linear layer: r·(in + out) per projection. */
export function loraTrainableParameters(m: BaseModel, rank: number): number {
  const perLayer = linearLayers(m).reduce((n, l) => n + rank * (l.inFeatures + l.outFeatures), 0);
  return m.layers * perLayer;
}
