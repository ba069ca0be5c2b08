import { getJson } from "./client.js";

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
