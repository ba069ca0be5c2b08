import { z } from "zod";
import { experimentAnalysisSchema } from "./experiment-schemas.js";

/**
 * `GET /api/experiments/{name}`: what `uplift experiment report NAME` shows, as data — the design
 * and balance, the plain-language summary, per-metric effects with Holm/BH, guardrails,
 * per-developer distributions and weekly trends (with the geometry of the report's charts),
 * and the saved survey and telemetry analyses.
 */

const interval = z.tuple([z.number(), z.number()]);
const arm = z.enum(["treatment", "control"]);

const stripLayoutSchema = z
  .object({
    width: z.number(),
    height: z.number(),
    log_axis: z.boolean(),
    arms: z.array(
      z.object({
        arm,
        y: z.number(),
        median: z.number(),
        median_x: z.number(),
        dots: z.array(z.object({ value: z.number(), x: z.number(), y: z.number() })),
      }),
    ),
    axis: z.array(z.object({ value: z.number(), x: z.number() })),
  })
  .meta({
    description:
      "Per-developer values by arm laid out in a width × height viewBox, as the HTML report draws them.",
  });

const trendLayoutSchema = z
  .object({
    width: z.number(),
    height: z.number(),
    ramp_up: z
      .object({
        from: z.string(),
        to: z.string(),
        x: z.number(),
        width: z.number(),
        y: z.number(),
        height: z.number(),
      })
      .nullable(),
    series: z.array(
      z.object({
        arm,
        points: z.array(
          z.object({
            week: z.string(),
            arm,
            rows: z.number().int(),
            value: z.number(),
            x: z.number(),
            y: z.number(),
          }),
        ),
      }),
    ),
    weeks: z.array(z.object({ week: z.string(), x: z.number() })),
    values: z.array(z.object({ value: z.number(), y: z.number() })),
  })
  .meta({
    description: "Weekly location per arm with the ramp-up band, laid out as the HTML report draws it.",
  });

export const experimentMetricDetailSchema = experimentAnalysisSchema
  .extend({
    holm_p_value: z.number().nullable().meta({ description: "Holm-adjusted p across the outcome metrics." }),
    bh_q_value: z
      .number()
      .nullable()
      .meta({ description: "Benjamini–Hochberg q across the outcome metrics." }),
    rows: z.number().int(),
    srm_p_value: z.number(),
    analysis_period: z.string().nullable(),
    robustness: z.array(
      z.object({
        name: z.string(),
        estimate: z.number().nullable(),
        ci: interval.nullable(),
        p_value: z.number().nullable(),
        scale: z.enum(["relative", "absolute"]),
        note: z.string(),
      }),
    ),
    subgroups: z
      .array(
        z.object({
          by: z.string(),
          omnibus: z
            .object({ f_statistic: z.number(), df1: z.number(), df2: z.number(), p_value: z.number() })
            .nullable(),
          rows: z.array(
            z.object({
              value: z.string(),
              estimate: z.number(),
              ci: interval,
              p_value: z.number(),
              holm_p_value: z.number(),
              units: z.object({ treatment: z.number().int(), control: z.number().int() }),
            }),
          ),
        }),
      )
      .meta({ description: "Effects by subgroup (--by), as the report's heterogeneity tables." }),
    distribution: stripLayoutSchema.nullable(),
    trend: trendLayoutSchema.nullable(),
  })
  .meta({ id: "ExperimentMetricDetail" });

const guardrailSchema = z.object({
  metric: z.string(),
  margin: z.number(),
  scale: z.enum(["relative", "absolute"]),
  direction: z.enum(["lower is better", "higher is better"]),
  estimate: z.number(),
  ci: interval,
  p_value: z.number(),
  verdict: z.enum(["non-inferior", "inconclusive", "worse"]),
});

const likertArmSchema = z.object({
  arm: z.string(),
  n: z.number().int(),
  distribution: z.record(z.string(), z.number()),
  median: z.number(),
  agree: z.number().int(),
  agree_share: z.number(),
});

const surveySchema = z.object({
  arms: z.object({ treatment: z.string(), control: z.string() }),
  agreement: z.string(),
  method: z.string(),
  items: z.array(
    z.object({
      item: z.string(),
      treatment: likertArmSchema,
      control: likertArmSchema,
      agree_difference: z.object({ estimate: z.number(), ci: interval }),
      mann_whitney: z.object({ statistic: z.number(), p_value: z.number() }).nullable(),
      holm_p_value: z.number().nullable(),
    }),
  ),
  warnings: z.array(z.string()),
});

const telemetrySchema = z.object({
  definition: z.string(),
  arms: z.array(
    z.object({
      arm: z.string(),
      developers_assigned: z.number().int().nullable(),
      developers_active: z.number().int(),
      shown: z.number(),
      accepted: z.number(),
      acceptance_rate: z.number().nullable(),
      acceptance_ci: interval.nullable(),
      mean_developer_rate: z.number().nullable(),
    }),
  ),
  difference: z.object({ estimate: z.number(), ci: interval }).nullable(),
  weekly: z.array(
    z.object({
      week: z.string(),
      arm: z.string(),
      active_developers: z.number().int(),
      adoption: z.number().nullable(),
      acceptance_rate: z.number().nullable(),
    }),
  ),
  warnings: z.array(z.string()),
});

export const experimentDetailSchema = z
  .object({
    name: z.string(),
    arms: z.array(z.string()),
    seed: z.number().int(),
    starts_at: z.string(),
    created_at: z.string(),
    ramp_up: z.object({ days: z.number().int(), from: z.string(), to: z.string() }),
    design: z.object({
      developers: z.number().int(),
      per_arm: z.record(z.string(), z.number().int()),
      stratified_by: z.array(z.string()),
      rerandomization_draws: z.number().int(),
      max_abs_smd: z.number().nullable(),
      late_joiners: z.number().int(),
      leavers: z.number().int(),
      balance: z.array(
        z.object({
          column: z.string(),
          means: z.record(z.string(), z.number().nullable()),
          smd: z.number().nullable(),
          missing: z.number().int(),
        }),
      ),
      strata: z.array(
        z.object({
          stratum: z.string(),
          units: z.number().int(),
          counts: z.record(z.string(), z.number().int()),
        }),
      ),
    }),
    summary: z
      .array(z.string())
      .meta({ description: "The report's plain-language sentences, one per metric." }),
    metrics: z.array(experimentMetricDetailSchema),
    guardrails: z.array(guardrailSchema),
    survey: surveySchema.nullable(),
    telemetry: telemetrySchema.nullable(),
  })
  .meta({ id: "ExperimentDetail" });

export type ExperimentDetailResponse = z.output<typeof experimentDetailSchema>;
export type ExperimentMetricDetailResponse = z.output<typeof experimentMetricDetailSchema>;

export const experimentNameParamsSchema = z.object({
  name: z.string().meta({ description: "The experiment's name, as given to `uplift experiment design`." }),
});
