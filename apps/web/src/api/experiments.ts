import { ApiError, getJson } from "./client.js";

/** Mirrors ExperimentsResponse of apps/server/src/api/experiment-schemas.ts. */
export interface ExperimentAnalysis {
  metric: string;
  role: "outcome" | "guardrail";
  summary: string;
  effect: {
    estimate: number;
    ci: [number, number];
    p_value: number | null;
    scale: "relative" | "absolute";
    conf_level: number;
    method: string;
  };
  units: { treatment: number; control: number };
  srm_flag: boolean;
  warnings: string[];
}

export interface ExperimentSummary {
  name: string;
  arms: string[];
  starts_at: string;
  created_at: string;
  analyses: ExperimentAnalysis[];
}

export const listExperiments = (token: string, signal?: AbortSignal) =>
  getJson<{ experiments: ExperimentSummary[] }>("/api/experiments", token, signal);

type Arm = "treatment" | "control";
type Interval = [number, number];

/** Mirrors the distribution layout of ExperimentMetricDetail (viewBox units). */
export interface StripLayout {
  width: number;
  height: number;
  log_axis: boolean;
  arms: {
    arm: Arm;
    y: number;
    median: number;
    median_x: number;
    dots: { value: number; x: number; y: number }[];
  }[];
  axis: { value: number; x: number }[];
}

/** Mirrors the trend layout of ExperimentMetricDetail (viewBox units). */
export interface TrendLayout {
  width: number;
  height: number;
  ramp_up: { from: string; to: string; x: number; width: number; y: number; height: number } | null;
  series: {
    arm: Arm;
    points: { week: string; arm: Arm; rows: number; value: number; x: number; y: number }[];
  }[];
  weeks: { week: string; x: number }[];
  values: { value: number; y: number }[];
}

export interface ExperimentMetricDetail extends ExperimentAnalysis {
  holm_p_value: number | null;
  bh_q_value: number | null;
  rows: number;
  srm_p_value: number;
  analysis_period: string | null;
  robustness: {
    name: string;
    estimate: number | null;
    ci: Interval | null;
    p_value: number | null;
    scale: "relative" | "absolute";
    note: string;
  }[];
  subgroups: {
    by: string;
    omnibus: { f_statistic: number; df1: number; df2: number; p_value: number } | null;
    rows: {
      value: string;
      estimate: number;
      ci: Interval;
      p_value: number;
      holm_p_value: number;
      units: { treatment: number; control: number };
    }[];
  }[];
  distribution: StripLayout | null;
  trend: TrendLayout | null;
}

export interface GuardrailRow {
  metric: string;
  margin: number;
  scale: "relative" | "absolute";
  direction: "lower is better" | "higher is better";
  estimate: number;
  ci: Interval;
  p_value: number;
  verdict: "non-inferior" | "inconclusive" | "worse";
}

interface LikertArm {
  arm: string;
  n: number;
  distribution: Record<string, number>;
  median: number;
  agree: number;
  agree_share: number;
}

export interface SurveySummary {
  arms: { treatment: string; control: string };
  agreement: string;
  method: string;
  items: {
    item: string;
    treatment: LikertArm;
    control: LikertArm;
    agree_difference: { estimate: number; ci: Interval };
    mann_whitney: { statistic: number; p_value: number } | null;
    holm_p_value: number | null;
  }[];
  warnings: string[];
}

export interface TelemetrySummary {
  definition: string;
  arms: {
    arm: string;
    developers_assigned: number | null;
    developers_active: number;
    shown: number;
    accepted: number;
    acceptance_rate: number | null;
    acceptance_ci: Interval | null;
    mean_developer_rate: number | null;
  }[];
  difference: { estimate: number; ci: Interval } | null;
  weekly: {
    week: string;
    arm: string;
    active_developers: number;
    adoption: number | null;
    acceptance_rate: number | null;
  }[];
  warnings: string[];
}

/** Mirrors ExperimentDetail of apps/server/src/api/experiment-detail-schemas.ts. */
export interface ExperimentDetail {
  name: string;
  arms: string[];
  seed: number;
  starts_at: string;
  created_at: string;
  ramp_up: { days: number; from: string; to: string };
  design: {
    developers: number;
    per_arm: Record<string, number>;
    stratified_by: string[];
    rerandomization_draws: number;
    max_abs_smd: number | null;
    late_joiners: number;
    leavers: number;
    balance: { column: string; means: Record<string, number | null>; smd: number | null; missing: number }[];
    strata: { stratum: string; units: number; counts: Record<string, number> }[];
  };
  summary: string[];
  metrics: ExperimentMetricDetail[];
  guardrails: GuardrailRow[];
  survey: SurveySummary | null;
  telemetry: TelemetrySummary | null;
}

export const getExperiment = (token: string, name: string, signal?: AbortSignal) =>
  getJson<ExperimentDetail>(`/api/experiments/${encodeURIComponent(name)}`, token, signal);

/** The experiment's self-contained HTML report (`GET /api/experiments/{name}/report.html`) as a Blob. */
export async function fetchExperimentReport(token: string, name: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`/api/experiments/${encodeURIComponent(name)}/report.html`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "text/html" },
    });
  } catch {
    throw new ApiError(0, "NETWORK", "The Uplift server could not be reached. Is `uplift serve` running?");
  }
  if (!response.ok)
    throw new ApiError(response.status, `HTTP_${response.status}`, `The server answered ${response.status}.`);
  return response.blob();
}
