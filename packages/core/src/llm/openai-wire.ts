import { z } from "zod";
import type { FinishReason, TokenUsage } from "./types.js";

/** Wire schemas of the OpenAI chat and completion APIs: only the fields Uplift reads. */
const usageSchema = z
  .object({
    prompt_tokens: z.number(),
    completion_tokens: z.number().optional(),
    total_tokens: z.number().optional(),
  })
  .nullish();

const finishSchema = z.string().nullish();

export const chatCompletionSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullish() }), finish_reason: finishSchema }))
    .min(1),
  usage: usageSchema,
});

export const chatChunkSchema = z.object({
  choices: z.array(
    z.object({ delta: z.object({ content: z.string().nullish() }).nullish(), finish_reason: finishSchema }),
  ),
});

export const completionSchema = z.object({
  choices: z.array(z.object({ text: z.string(), finish_reason: finishSchema })).min(1),
  usage: usageSchema,
});

export const completionChunkSchema = z.object({
  choices: z.array(z.object({ text: z.string().nullish(), finish_reason: finishSchema })),
  usage: usageSchema,
});

export function finishReasonOf(reason: string | null | undefined): FinishReason {
  return reason === "stop" || reason === "length" || reason === "content_filter" ? reason : "other";
}

export function usageOf(usage: z.output<typeof usageSchema>): TokenUsage | undefined {
  if (!usage) return undefined;
  const completionTokens = usage.completion_tokens ?? 0;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens,
    totalTokens: usage.total_tokens ?? usage.prompt_tokens + completionTokens,
  };
}
