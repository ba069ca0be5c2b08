import { describe, expect, it } from "vitest";
import { deploymentSchema, incidentSchema } from "../records.js";
import { type CommitFact, deploymentFact, incidentFact } from "./facts.js";
import { linkIncidents } from "./incident-links.js";
import { computeMetrics } from "./registry.js";
import type { MetricInputs, MetricOptions } from "./types.js";

const deployment = (id: string, finished_at: string, extra: Record<string, unknown> = {}) =>
  deploymentFact(
    deploymentSchema.parse({
      id,
      repo: "web",
      environment: "production",
      sha: `sha-${id}`,
      finished_at,
      status: "success",
      ...extra,
    }),
  );
const incident = (
  id: string,
  started_at: string,
  resolved_at?: string,
  extra: Record<string, unknown> = {},
) => incidentFact(incidentSchema.parse({ id, service: "web", started_at, resolved_at, ...extra }));

function run(inputs: Partial<MetricInputs>, name: string, options: MetricOptions = {}) {
  return computeMetrics(
    { prs: [], deployments: [], incidents: [], telemetry: [], ...inputs },
    { ...options, metrics: [name] },
  ).metrics;
}

const deployments = [
  deployment("d1", "2025-03-03T10:00:00Z"),
  deployment("d2", "2025-03-03T15:00:00Z"),
  deployment("d3", "2025-03-05T09:00:00Z"),
  deployment("d4", "2025-03-06T09:00:00Z", { status: "failure" }),
  deployment("d5", "2025-03-06T10:00:00Z", { environment: "staging" }),
  deployment("d6", "2025-03-07T09:00:00Z", { repo: "api", environment: "Prod" }),
];

describe("deployment_frequency", () => {
  it("counts successful production deployments per day of the window, with per_week and days_with_deploy", () => {
    const fromMs = Date.parse("2025-03-03T00:00:00Z");
    const toMs = Date.parse("2025-03-10T00:00:00Z");
    const [row] = run({ deployments }, "deployment_frequency", { fromMs, toMs });
    expect(row).toMatchObject({ n: 4, days: 7, days_with_deploy: 3 });
    expect(row?.value).toBeCloseTo(4 / 7, 12);
    expect(row?.per_week).toBeCloseTo(4, 12);
  });

  it("takes the data's own span without a window and groups by repo", () => {
    // first deploy day 03-03 to last 03-07: 5 days
    expect(
      run({ deployments }, "deployment_frequency", { groupBy: "repo" }).map((r) => [r.group, r.n, r.days]),
    ).toEqual([
      ["api", 1, 5],
      ["web", 3, 5],
    ]);
  });

  it("is not split by author: deployments have none", () => {
    const result = computeMetrics(
      { prs: [], deployments, incidents: [], telemetry: [] },
      { groupBy: "author", metrics: ["deployment_frequency"] },
    );
    expect(result.metrics).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(/cannot be grouped by author/);
  });
});

describe("change_failure_rate and incident linking", () => {
  const incidents = [
    // explicit link to d1
    incident("i1", "2025-03-04T00:00:00Z", "2025-03-04T02:00:00Z", { deployment_id: "d1" }),
    // no link given: the latest production deploy of "web" within 24 h before 03-05T12:00 is d3
    incident("i2", "2025-03-05T12:00:00Z", "2025-03-05T13:30:00Z"),
    // nothing deployed in the 24 h before
    incident("i3", "2025-03-20T12:00:00Z"),
    incident("i4", "2025-03-05T12:00:00Z", undefined, { deployment_id: "nope" }),
  ];

  it("links by explicit id, else by service and window, and reports what did not link", () => {
    const production = deployments.filter((d) => d.status === "success" && d.environment !== "staging");
    const { links, unlinked } = linkIncidents(incidents, deployments, production, 24);
    expect(links).toEqual([
      { incidentId: "i1", deploymentId: "d1", rule: "explicit" },
      { incidentId: "i2", deploymentId: "d3", rule: "window" },
    ]);
    expect(unlinked).toEqual({ no_deployment_in_window: 1, unknown_deployment_id: 1 });
  });

  it("is the share of production deployments linked to ≥ 1 incident, with the rule stated", () => {
    const [row] = run({ deployments, incidents }, "change_failure_rate");
    expect(row).toMatchObject({ n: 4, failed: 2, value: 0.5, linked_by: { explicit: 1, window: 1 } });
    expect(row?.rule).toMatch(/within 24 h before the incident started/);
    // a 1-hour window no longer reaches d3 (deployed 3 h before i2)
    expect(
      run({ deployments, incidents }, "change_failure_rate", { incidentWindowHours: 1 })[0],
    ).toMatchObject({ failed: 1 });
  });

  it("measures time_to_restore from start to resolution; unresolved incidents are excluded", () => {
    const [row] = run({ incidents }, "time_to_restore");
    expect(row).toMatchObject({ n: 2, value: 1.75, excluded: { missing_end: 2 } });
  });

  it("measures time_to_restore_from_deploy from the linked deployment, stating the rule", () => {
    const [row] = run({ deployments, incidents }, "time_to_restore_from_deploy");
    // i1: d1 finished 03-03T10:00 → resolved 03-04T02:00 = 16 h; i2: d3 03-05T09:00 → 13:30 = 4.5 h
    expect(row).toMatchObject({ n: 2, median: 10.25, linked_by: { explicit: 1, window: 1 } });
    expect(row?.unlinked_incidents).toEqual({ no_deployment_in_window: 1, unknown_deployment_id: 1 });
    expect(row?.rule).toMatch(/within 24 h before the incident started/);
  });
});

describe("lead_time_for_change", () => {
  const commit = (sha: string, authored: string, author = "ann"): CommitFact => ({
    repo: "web",
    sha,
    author,
    authored: Date.parse(authored),
  });

  it("is commit authored → production deployment, one value per shipped commit", () => {
    const deploymentCommits = new Map([
      ["d1", [commit("a", "2025-03-03T08:00:00Z"), commit("b", "2025-03-02T10:00:00Z", "bob")]],
      ["d3", [commit("c", "2025-03-05T10:00:00Z")]],
    ]);
    const [row] = run({ deployments, deploymentCommits }, "lead_time_for_change");
    // d1: 2 h and 24 h; d3: authored after the deploy → negative, excluded
    expect(row).toMatchObject({ n: 2, value: 13, excluded: { negative_span: 1 } });
    expect(
      run({ deployments, deploymentCommits }, "lead_time_for_change", { groupBy: "author" }).map((r) => [
        r.group,
        r.n,
      ]),
    ).toEqual([
      ["ann", 1],
      ["bob", 1],
    ]);
  });

  it("says how to get links when none exist", () => {
    expect(run({ deployments }, "lead_time_for_change")[0]).toMatchObject({
      n: 0,
      value: null,
      note: expect.stringMatching(/import git/),
    });
  });
});
