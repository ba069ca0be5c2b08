import { z } from "zod";

/**
 * The /api/measure routes: the query string and JSON output of `uplift measure metrics --json`
 * (DESIGN: CLI contract). Objects stay open: metric rows carry their distribution and exclusions.
 */

export const metricsQuerySchema = z
  .object({
    from: z
      .string()
      .optional()
      .meta({ description: "First day, YYYY-MM-DD (UTC, inclusive), or an ISO 8601 time with offset." }),
    to: z
      .string()
      .optional()
      .meta({ description: "Last day, YYYY-MM-DD (UTC, inclusive), or an ISO 8601 time (exclusive)." }),
    group_by: z
      .string()
      .optional()
      .meta({ description: "author, team, repo, week or arm; several comma-joined (`author,week`)." }),
    metric: z.string().optional().meta({ description: "Only these metrics, comma-joined." }),
  })
  .meta({ id: "MetricsQuery" });

export const metricRowSchema = z
  .looseObject({
    name: z.string(),
    group: z.string(),
    value: z.number().nullable(),
    unit: z.string(),
    n: z.number().int(),
  })
  .meta({
    id: "MetricRow",
    description: "Durations add median, p75, p90, mean; rows name their exclusions.",
  });

export const metricsReportSchema = z
  .object({
    window: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
    group_by: z.string().nullable(),
    experiment: z.string().optional(),
    metrics: z.array(metricRowSchema),
    skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  })
  .meta({ id: "MetricsReport" });

export const metricDefinitionSchema = z
  .object({
    name: z.string(),
    unit: z.string(),
    definition: z.string(),
    groupable: z.array(z.string()),
    direction: z.enum(["lower_is_better", "higher_is_better"]).nullable(),
    non_inferiority_margin: z.number().nullable(),
  })
  .meta({ id: "MetricDefinition" });

export const metricDefinitionsSchema = z
  .object({ definitions: z.array(metricDefinitionSchema) })
  .meta({ id: "MetricDefinitions" });

export const metricExplainQuerySchema = z
  .object({
    metric: z.string().trim().min(1).meta({ description: "The metric whose records to show." }),
    from: metricsQuerySchema.shape.from,
    to: metricsQuerySchema.shape.to,
    group_by: metricsQuerySchema.shape.group_by,
    group: z.string().optional().meta({ description: "Only the records of this group (a row's `group`)." }),
    limit: z.coerce.number().int().min(1).max(5000).default(200),
  })
  .meta({ id: "MetricExplainQuery" });

export const metricExplanationSchema = z
  .object({
    name: z.string(),
    unit: z.string(),
    definition: z.string(),
    values: z.array(metricRowSchema),
    records: z
      .array(
        z.looseObject({
          record: z.string(),
          group: z.string().nullable(),
          at: z.string().nullable(),
          value: z.number().nullable(),
          excluded: z.string().nullable(),
        }),
      )
      .meta({ description: "The records behind the values (e.g. each PR), newest first, at most `limit`." }),
    total_records: z.number().int(),
  })
  .meta({ id: "MetricExplanation" });

/** The metrics query after the HTTP layer: comma lists split, empty entries dropped. */
export interface MetricsQueryInput {
  from?: string | undefined;
  to?: string | undefined;
  /** Raw keys; the service checks them (InputError naming `group_by`). */
  groupBy?: string[] | undefined;
  metrics?: string[] | undefined;
}

export type MetricExplainQuery = z.output<typeof metricExplainQuerySchema>;
export type MetricExplanationResponse = z.output<typeof metricExplanationSchema>;
export type MetricsReportResponse = z.output<typeof metricsReportSchema>;
export type MetricDefinitionsResponse = z.output<typeof metricDefinitionsSchema>;
