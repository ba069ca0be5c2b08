import { buildFimPrompt, type FimModel, fimStopTokens, lineCommentOf } from "@uplift/code";
import type { ChatMessage, CompletionRequest } from "@uplift/core";
import type { EvalTask } from "../tasks/eval-task.js";

/**
 * How tasks are put to the model: `fim` builds the model family's fill-in-the-middle prompt
 * (Code Llama, StarCoder2, DeepSeek-Coder, Qwen2.5-Coder sentinels, @uplift/code
 * `buildFimPrompt`) for `/v1/completions`; `completion` sends prefix and suffix as `prompt` and
 * `suffix` (the endpoint or a local GGUF model applies its own FIM template); `chat` asks
 * `/v1/chat/completions` for the missing code.
 */
export type EvalMode = "fim" | "completion" | "chat";

export interface PromptPlan {
  mode: EvalMode;
  /** The FIM family when `mode` is `fim`. */
  fim?: FimModel | undefined;
  /** Generation limit; default by kind (a line: 64 tokens, a body: 256). */
  maxTokens?: number | undefined;
}

/** The FIM family a model name belongs to, recognised by the usual names of its checkpoints. */
export function fimFamilyOf(model: string): FimModel | undefined {
  const name = model.toLowerCase();
  if (/code-?llama/.test(name)) return "codellama";
  if (name.includes("starcoder")) return "starcoder2";
  if (name.includes("deepseek")) return "deepseek-coder";
  if (name.includes("qwen")) return "qwen2.5-coder";
  return undefined;
}

export function maxTokensFor(task: EvalTask, plan: PromptPlan): number {
  return plan.maxTokens ?? (task.kind === "function_body" ? 256 : 64);
}

/** The `/v1/completions` request for a task (modes `fim` and `completion`). */
export function completionRequestFor(task: EvalTask, plan: PromptPlan): CompletionRequest {
  const maxTokens = maxTokensFor(task, plan);
  if (plan.mode === "fim" && plan.fim) {
    return {
      prompt: buildFimPrompt({
        model: plan.fim,
        prefix: task.prefix,
        suffix: task.suffix ?? "",
        path: task.path,
        repo: task.repo,
        snippets: task.context ?? [],
        comment: lineCommentOf(task.language as Parameters<typeof lineCommentOf>[0]),
      }),
      stop: fimStopTokens(plan.fim),
      maxTokens,
      temperature: 0,
    };
  }
  const comment = lineCommentOf(task.language as Parameters<typeof lineCommentOf>[0]);
  const context = (task.context ?? [])
    .map(
      (s) =>
        `${comment} ${s.repo}/${s.path}\n${s.text
          .split("\n")
          .map((l) => `${comment} ${l}`.trimEnd())
          .join("\n")}\n`,
    )
    .join("");
  return {
    prompt: context + task.prefix,
    ...(task.suffix !== undefined && { suffix: task.suffix }),
    maxTokens,
    temperature: 0,
  };
}

/** The chat for a task (mode `chat`): the code around the gap, and what to write. */
export function chatMessagesFor(task: EvalTask): ChatMessage[] {
  const ask =
    task.kind === "function_body"
      ? "Write the body of the function whose signature ends the code before the gap. Reply with the body only."
      : "Write the single line of code that goes at the gap. Reply with that line only.";
  const context = (task.context ?? [])
    .map((s) => `Other code of the organisation, ${s.repo}/${s.path}:\n\`\`\`\n${s.text}\n\`\`\``)
    .join("\n\n");
  const before = task.prefix.split("\n").slice(-60).join("\n");
  const after = (task.suffix ?? "").split("\n").slice(0, 20).join("\n");
  return [
    {
      role: "system",
      content: "You complete code. Reply with code only, in one fenced block, no explanation.",
    },
    {
      role: "user",
      content: [
        context,
        `File ${task.repo}/${task.path} (${task.language}). ${ask}`,
        `Code before the gap:\n\`\`\`\n${before}\n\`\`\``,
        after.trim() ? `Code after the gap:\n\`\`\`\n${after}\n\`\`\`` : "",
      ]
        .filter(Boolean)
        .join("\n\n"),
    },
  ];
}

/**
 * The part of a generation that answers the task: a chat answer's fenced block; one line for
 * line tasks; for a body, the lines up to the first one indented less than the body's first
 * line (the closing brace or the next definition the model went on to write).
 */
export function extractCompletion(task: EvalTask, text: string, mode: EvalMode): string {
  let answer = text.replace(/\r\n/g, "\n");
  if (mode === "chat") {
    const fenced = /```[\w+-]*\n([\s\S]*?)(```|$)/.exec(answer);
    if (fenced?.[1] !== undefined) answer = fenced[1];
  }
  if (task.kind !== "function_body") {
    const lines = answer.split("\n");
    const first = mode === "chat" ? lines.find((l) => l.trim() !== "") : lines[0];
    return (first ?? "").trim();
  }
  const lines = answer.split("\n");
  const firstCode = lines.find((l) => l.trim() !== "");
  if (firstCode === undefined) return "";
  const indent = indentation(firstCode);
  const kept: string[] = [];
  for (const line of lines) {
    if (line.trim() !== "" && indentation(line) < indent) break;
    kept.push(line);
  }
  return kept.join("\n").replace(/\s+$/, "");
}

function indentation(line: string): number {
  return (/^[ \t]*/.exec(line)?.[0] ?? "").replace(/\t/g, "    ").length;
}
