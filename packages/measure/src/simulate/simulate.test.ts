import { describe, expect, it } from "vitest";
import { deploymentFact, incidentFact, prFact, telemetryFact } from "../metrics/facts.js";
import { computeMetrics } from "../metrics/registry.js";
import {
  deploymentSchema,
  developerSchema,
  incidentSchema,
  pullRequestSchema,
  telemetryDaySchema,
} from "../records.js";
import { simulateOrganisation } from "./simulate-organisation.js";

const simulation = simulateOrganisation({ seed: 7, developers: 120, weeks: 16 });
const { truth } = simulation;
const resolve = (name: string) => name.replace(/@example\.com$/, "");
const inputs = {
  prs: simulation.prs.map((p) => prFact(p, resolve)),
  deployments: simulation.deployments.map(deploymentFact),
  incidents: simulation.incidents.map(incidentFact),
  telemetry: simulation.telemetry.map((t) => telemetryFact(t)),
};
const arms = new Map(simulation.assignments.map((a) => [a.unit, a.arm]));
const metric = (name: string, options: Parameters<typeof computeMetrics>[1] = {}) =>
  computeMetrics(inputs, { ...options, metrics: [name] }).metrics;

describe("simulateOrganisation", () => {
  it("is deterministic for a seed and writes records the schemas accept", () => {
    expect(simulateOrganisation({ seed: 7, developers: 120, weeks: 16 })).toEqual(simulation);
    for (const pr of simulation.prs.slice(0, 200)) pullRequestSchema.parse(pr);
    for (const d of simulation.deployments) deploymentSchema.parse(d);
    for (const i of simulation.incidents) incidentSchema.parse(i);
    for (const t of simulation.telemetry.slice(0, 200)) telemetryDaySchema.parse(t);
    for (const d of simulation.developers) developerSchema.parse(d);
  });

  it("lets the metrics recover the known merge-time effect within sampling error", () => {
    const post = { fromMs: Date.parse(truth.rollout) };
    const byArm = metric("pr_merge_time", { ...post, groupBy: "arm", armOf: (login) => arms.get(login) });
    const control = byArm.find((row) => row.group === "control");
    const treatment = byArm.find((row) => row.group === "treatment");
    // the bot is in no arm: its group holds only exclusions
    expect(byArm.find((row) => row.group === "(no arm)")).toMatchObject({ n: 0 });
    // ratio of geometric means ≈ exp(β) = 1 + effect (developer effects average out over 60 per arm)
    const ratio = Math.exp((treatment?.mean_log as number) - (control?.mean_log as number));
    expect(ratio - 1).toBeGreaterThan(truth.merge_time_effect - 0.12);
    expect(ratio - 1).toBeLessThan(truth.merge_time_effect + 0.12);
    const all = metric("pr_merge_time")[0];
    expect(all?.excluded).toMatchObject({ bot: 4 * truth.weeks });
  });

  it("lets the metrics recover the change failure rate, acceptance rate and throughput", () => {
    const cfr = metric("change_failure_rate")[0];
    expect(cfr?.value).toBeGreaterThan(truth.change_failure_rate - 0.05);
    expect(cfr?.value).toBeLessThan(truth.change_failure_rate + 0.05);
    expect(cfr?.unlinked_incidents).toEqual({});
    const acceptance = metric("acceptance_rate")[0];
    expect(acceptance?.value).toBeCloseTo(truth.acceptance_rate, 2);
    const throughput = metric("prs_per_developer_week")[0]?.value as number;
    // merged, non-draft share of Poisson(3) PRs per developer-week
    const expected = truth.prs_per_developer_week * (1 - truth.unmerged_share) * (1 - truth.draft_share);
    expect(throughput).toBeGreaterThan(expected * 0.9);
    expect(throughput).toBeLessThan(expected * 1.1);
  });
});
