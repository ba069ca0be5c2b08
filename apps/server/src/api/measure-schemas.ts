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
  })
  .meta({ id: "MetricDefinition" });

export const metricDefinitionsSchema = z
  .object({ definitions: z.array(metricDefinitionSchema) })
  .meta({ id: "MetricDefinitions" });

/** The metrics query after the HTTP layer: comma lists split, empty entries dropped. */
export interface MetricsQueryInput {
  from?: string | undefined;
  to?: string | undefined;
  /** Raw keys; the service checks them (InputError naming `group_by`). */
  groupBy?: string[] | undefined;
  metrics?: string[] | undefined;
}

export type MetricsReportResponse = z.output<typeof metricsReportSchema>;
export type MetricDefinitionsResponse = z.output<typeof metricDefinitionsSchema>;
