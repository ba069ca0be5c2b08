import { z } from "zod";

/** `POST /api/telemetry/suggestions`: what the IDE did with a gateway completion. */
export const suggestionReportSchema = z
  .object({
    completion_id: z
      .string()
      .min(1)
      .max(200)
      .meta({ description: "The `id` of the /v1/completions or /v1/chat/completions answer." }),
    event: z.enum(["shown", "accepted", "rejected"]),
    chars_suggested: z.number().int().nonnegative().optional(),
    chars_kept: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .meta({ description: "Characters of an accepted suggestion still in the file when the IDE checked." }),
  })
  .meta({ id: "SuggestionReport" });

export const suggestionReceiptSchema = z
  .object({ stored: z.literal(true) })
  .meta({ id: "SuggestionReceipt" });

export type SuggestionReport = z.output<typeof suggestionReportSchema>;
