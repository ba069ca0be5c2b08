import { z } from "zod";

/**
 * `GET /api/experiments`: the designed experiments and the analyses stored by
 * `uplift experiment analyze --save` (table `experiment_analyses`), newest experiment first.
 */

export const experimentAnalysisSchema = z
  .object({
    metric: z.string(),
    role: z.enum(["outcome", "guardrail"]),
    summary: z.string().meta({ description: "The effect in one sentence, as the report writes it." }),
    effect: z.object({
      estimate: z.number(),
      ci: z.tuple([z.number(), z.number()]),
      p_value: z.number().nullable(),
      scale: z.enum(["relative", "absolute"]),
      conf_level: z.number(),
      method: z.string(),
    }),
    units: z.object({ treatment: z.number().int(), control: z.number().int() }),
    srm_flag: z
      .boolean()
      .meta({ description: "Sample-ratio mismatch: the arms' sizes are not as designed." }),
    warnings: z.array(z.string()),
  })
  .meta({ id: "ExperimentAnalysis" });

export const experimentSummarySchema = z
  .object({
    name: z.string(),
    arms: z.array(z.string()),
    starts_at: z.string(),
    created_at: z.string(),
    analyses: z.array(experimentAnalysisSchema),
  })
  .meta({ id: "ExperimentSummary" });

export const experimentsResponseSchema = z
  .object({ experiments: z.array(experimentSummarySchema) })
  .meta({ id: "ExperimentsResponse" });

export type ExperimentAnalysisResponse = z.output<typeof experimentAnalysisSchema>;
export type ExperimentsResponse = z.output<typeof experimentsResponseSchema>;
