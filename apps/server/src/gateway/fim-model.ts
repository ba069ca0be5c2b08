import type { FimModel } from "@uplift/code";

/** Model-name patterns of the FIM prompt formats Uplift knows (vLLM/Ollama/llama.cpp ids, HF repos, GGUF files). */
const PATTERNS: readonly [RegExp, FimModel][] = [
  [/code-?llama/i, "codellama"],
  [/starcoder/i, "starcoder2"],
  [/deepseek-?coder/i, "deepseek-coder"],
  [/qwen[\d.]*-?coder/i, "qwen2.5-coder"],
];

/**
 * The FIM prompt format for a model: the request's `uplift.fim` hint, else recognised from the
 * model id (`Qwen/Qwen2.5-Coder-7B` → qwen2.5-coder). Undefined for a model of unknown format:
 * the gateway then sends the prompt with `suffix` and lets the endpoint apply its own template.
 */
export function fimModelFor(modelId: string | undefined, hint: FimModel | undefined): FimModel | undefined {
  if (hint) return hint;
  if (!modelId) return undefined;
  return PATTERNS.find(([pattern]) => pattern.test(modelId))?.[1];
}
