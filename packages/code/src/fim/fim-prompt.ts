/** Fill-in-the-middle models whose prompt formats Uplift knows. */
export type FimModel = "codellama" | "starcoder2" | "deepseek-coder" | "qwen2.5-coder";

export const FIM_MODELS: readonly FimModel[] = ["codellama", "starcoder2", "deepseek-coder", "qwen2.5-coder"];

/** A context snippet as the prompt shows it. */
export interface FimSnippet {
  repo: string;
  path: string;
  text: string;
}

export interface FimRequest {
  model: FimModel;
  /** Code before the cursor. */
  prefix: string;
  /** Code after the cursor. */
  suffix: string;
  /** The open file's path (relative to its repository) and repository name. */
  path: string;
  repo: string;
  /** Retrieved context, best first; the prompt places the best one nearest the cursor. */
  snippets: readonly FimSnippet[];
  /** Line-comment marker of the open file's language ("//" or "#"). */
  comment?: string;
}

/**
 * The FIM prompt for a model, with the retrieved context placed as the model was trained to
 * see other files:
 * - Code Llama: `<PRE> {context as path comments + prefix} <SUF>{suffix} <MID>` (Rozière et al. 2023, PSM).
 * - StarCoder2: repository format `<repo_name>r<file_sep>path\ncode…<file_sep><fim_prefix>path\n{prefix}<fim_suffix>{suffix}<fim_middle>`.
 * - DeepSeek-Coder: `<｜fim▁begin｜>{each file as "# path" + its code, then "# path" + prefix}<｜fim▁hole｜>{suffix}<｜fim▁end｜>`
 *   (its repository-level format).
 * - Qwen2.5-Coder: `<|repo_name|>r\n<|file_sep|>path\ncode\n…<|file_sep|>path\n<|fim_prefix|>{prefix}<|fim_suffix|>{suffix}<|fim_middle|>`.
 */
export function buildFimPrompt(request: FimRequest): string {
  const comment = request.comment ?? "//";
  const ordered = [...request.snippets].reverse(); // best snippet last: closest to the cursor
  switch (request.model) {
    case "codellama":
      return `<PRE> ${commentedContext(ordered, comment)}${request.prefix} <SUF>${request.suffix} <MID>`;
    case "deepseek-coder":
      return `<｜fim▁begin｜>${pathHeadedContext(ordered, comment)}${comment} ${request.path}\n${request.prefix}<｜fim▁hole｜>${request.suffix}<｜fim▁end｜>`;
    case "starcoder2": {
      const files = ordered.map((s) => `<file_sep>${qualified(s)}\n${s.text}\n`).join("");
      return `<repo_name>${request.repo}${files}<file_sep><fim_prefix>${request.path}\n${request.prefix}<fim_suffix>${request.suffix}<fim_middle>`;
    }
    case "qwen2.5-coder": {
      const files = ordered.map((s) => `<|file_sep|>${qualified(s)}\n${s.text}\n`).join("");
      return `<|repo_name|>${request.repo}\n${files}<|file_sep|>${request.path}\n<|fim_prefix|>${request.prefix}<|fim_suffix|>${request.suffix}<|fim_middle|>`;
    }
  }
}

/** Stop sequences that end a completion for each model (its end-of-middle and file-separator tokens). */
export function fimStopTokens(model: FimModel): string[] {
  switch (model) {
    case "codellama":
      return ["<EOT>"];
    case "starcoder2":
      return ["<file_sep>", "<|endoftext|>"];
    case "deepseek-coder":
      return ["<｜end▁of▁sentence｜>"];
    case "qwen2.5-coder":
      return ["<|endoftext|>", "<|file_sep|>", "<|fim_pad|>"];
  }
}

/** Snippets of another repository are named `repo/path` so the model sees where they come from. */
function qualified(snippet: FimSnippet): string {
  return snippet.repo ? `${snippet.repo}/${snippet.path}` : snippet.path;
}

function commentedContext(snippets: readonly FimSnippet[], comment: string): string {
  return snippets
    .map(
      (s) =>
        `${comment} Path: ${qualified(s)}\n${s.text
          .split("\n")
          .map((line) => `${comment} ${line}`.trimEnd())
          .join("\n")}\n`,
    )
    .join("");
}

function pathHeadedContext(snippets: readonly FimSnippet[], comment: string): string {
  return snippets.map((s) => `${comment} ${qualified(s)}\n${s.text}\n`).join("");
}
