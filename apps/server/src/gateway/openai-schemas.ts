import { z } from "zod";
import { fimModelSchema } from "../api/code-schemas.js";

/**
 * Request bodies of the OpenAI-compatible gateway. Objects are loose: clients send parameters
 * the gateway does not use (top_p, n, user…), which are ignored rather than refused.
 */

const stop = z.union([z.string(), z.array(z.string()).max(16)]).optional();

/** Uplift's own hints, in an `uplift` object that OpenAI clients let one add to the body. */
export const upliftHintsSchema = z
  .object({
    /** The open file's path (repository-relative with `repo`, or on the server's disk). */
    file: z.string().min(1).optional(),
    repo: z.string().min(1).optional(),
    /** Cursor in `file` (1-based), when the prompt is only a window of it. */
    line: z.number().int().min(1).optional(),
    column: z.number().int().min(1).optional(),
    budget_tokens: z.number().int().min(1).max(32_768).optional(),
    /** The FIM prompt format, when the model's name does not say it. */
    fim: fimModelSchema.optional(),
    /** `false`: no retrieval (the baseline arm of an experiment). */
    context: z.boolean().optional(),
  })
  .optional();

export const completionRequestSchema = z.looseObject({
  model: z.string().optional(),
  prompt: z.union([z.string(), z.array(z.string()).length(1)]),
  suffix: z.string().optional(),
  max_tokens: z.number().int().min(1).optional(),
  temperature: z.number().min(0).max(2).optional(),
  stop,
  stream: z.boolean().optional(),
  uplift: upliftHintsSchema,
});

const contentPart = z.looseObject({ type: z.string(), text: z.string().optional() });

export const chatRequestSchema = z.looseObject({
  model: z.string().optional(),
  messages: z
    .array(
      z.looseObject({
        role: z.enum(["system", "developer", "user", "assistant"], {
          error: "the gateway accepts system, developer, user and assistant messages (no tool calls)",
        }),
        content: z.union([z.string(), z.array(contentPart), z.null()]),
      }),
    )
    .min(1),
  max_tokens: z.number().int().min(1).optional(),
  max_completion_tokens: z.number().int().min(1).optional(),
  temperature: z.number().min(0).max(2).optional(),
  stop,
  stream: z.boolean().optional(),
  uplift: upliftHintsSchema,
});

export const embeddingsRequestSchema = z.looseObject({
  model: z.string().optional(),
  input: z.union([z.string(), z.array(z.string()).min(1).max(2048)], {
    error: "input must be a string or an array of strings (token arrays are not supported)",
  }),
  encoding_format: z.enum(["float", "base64"]).optional(),
});

export type CompletionBody = z.output<typeof completionRequestSchema>;
export type ChatBody = z.output<typeof chatRequestSchema>;
export type UpliftHints = NonNullable<z.output<typeof upliftHintsSchema>>;

/** A stop parameter as a list. */
export function stopList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
