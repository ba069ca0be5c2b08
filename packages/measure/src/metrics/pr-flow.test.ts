import { describe, expect, it } from "vitest";
import { type PullRequest, pullRequestSchema } from "../records.js";
import { prFact } from "./facts.js";
import { computeMetrics } from "./registry.js";
import type { MetricRow } from "./types.js";

let next = 0;
function pr(fields: Partial<PullRequest> & { created_at: string }): PullRequest {
  next++;
  return pullRequestSchema.parse({ id: `pr${next}`, repo: "web", author: "ann", ...fields });
}

function run(
  prs: PullRequest[],
  name: string,
  options: Parameters<typeof computeMetrics>[1] = {},
): MetricRow[] {
  return computeMetrics(
    { prs: prs.map((p) => prFact(p)), deployments: [], incidents: [], telemetry: [] },
    {
      ...options,
      metrics: [name],
    },
  ).metrics;
}

describe("pr_merge_time", () => {
  it("is created → merged in hours across time zones; the unmerged PR is excluded and counted", () => {
    const prs = [
      pr({ created_at: "2025-03-03T09:00:00Z", merged_at: "2025-03-03T17:00:00Z" }),
      pr({ author: "bob", created_at: "2025-03-04T09:00:00+02:00", merged_at: "2025-03-05T09:00:00+02:00" }),
      pr({ repo: "api", created_at: "2025-03-05T09:00:00Z" }),
    ];
    const [row] = run(prs, "pr_merge_time");
    // values 8 and 24: median 16, p75 = 8 + 0.75·16 = 20, p90 = 8 + 0.9·16 = 22.4
    expect(row).toMatchObject({ group: "all", value: 16, n: 2, p75: 20, p90: 22.4, mean: 16, unit: "hours" });
    expect(row?.mean_log).toBeCloseTo((Math.log(8) + Math.log(24)) / 2, 12);
    expect(row?.excluded).toEqual({ not_merged: 1 });
  });

  it("excludes drafts and bots by default, and counts them", () => {
    const prs = [
      pr({ created_at: "2025-03-03T09:00:00Z", merged_at: "2025-03-03T10:00:00Z" }),
      pr({ created_at: "2025-03-03T09:00:00Z", merged_at: "2025-03-03T19:00:00Z", draft: true }),
      pr({ author: "renovate[bot]", created_at: "2025-03-03T09:00:00Z", merged_at: "2025-03-03T09:05:00Z" }),
      pr({
        author: "ci",
        author_is_bot: true,
        created_at: "2025-03-03T09:00:00Z",
        merged_at: "2025-03-03T09:05:00Z",
      }),
    ];
    expect(run(prs, "pr_merge_time")[0]).toMatchObject({ n: 1, value: 1, excluded: { draft: 1, bot: 2 } });
    expect(run(prs, "pr_merge_time", { includeDrafts: true, includeBots: true })[0]).toMatchObject({ n: 4 });
  });

  it("excludes a negative span (merged before created: clock skew) instead of clamping it", () => {
    const prs = [
      pr({ created_at: "2025-03-03T09:00:00Z", merged_at: "2025-03-03T08:00:00Z" }),
      pr({ created_at: "2025-03-03T09:00:00Z", merged_at: "2025-03-03T11:00:00Z" }),
    ];
    expect(run(prs, "pr_merge_time")[0]).toMatchObject({ n: 1, value: 2, excluded: { negative_span: 1 } });
  });

  it("measures a reopened PR from its creation to its merge", () => {
    const reopened = pr({
      created_at: "2025-03-03T09:00:00Z",
      closed_at: "2025-03-03T12:00:00Z",
      merged_at: "2025-03-04T09:00:00Z",
      attributes: { reopened_at: "2025-03-04T08:00:00Z" },
    });
    expect(run([reopened], "pr_merge_time")[0]).toMatchObject({ n: 1, value: 24 });
  });

  it("puts a PR in the window and the ISO week (UTC) of its merge", () => {
    const prs = [
      // created in 2024-W52, merged Monday 2024-12-30 01:00 local +03:00 = Sunday 22:00 UTC → 2024-W52
      pr({ created_at: "2024-12-27T10:00:00Z", merged_at: "2024-12-30T01:00:00+03:00" }),
      // merged 2024-12-30T10:00Z → ISO week 2025-W01
      pr({ created_at: "2024-12-30T08:00:00Z", merged_at: "2024-12-30T10:00:00Z" }),
    ];
    expect(run(prs, "pr_merge_time", { groupBy: "week" }).map((r) => [r.group, r.n])).toEqual([
      ["2024-W52", 1],
      ["2025-W01", 1],
    ]);
    const from = Date.parse("2024-12-30T00:00:00Z");
    expect(run(prs, "pr_merge_time", { fromMs: from })[0]).toMatchObject({ n: 1, value: 2 });
  });

  it("groups by author, team and arm through the given lookups", () => {
    const prs = [
      pr({ author: "ann", created_at: "2025-03-03T09:00:00Z", merged_at: "2025-03-03T10:00:00Z" }),
      pr({ author: "bob", created_at: "2025-03-03T09:00:00Z", merged_at: "2025-03-03T12:00:00Z" }),
      pr({ author: "cy", created_at: "2025-03-03T09:00:00Z", merged_at: "2025-03-03T15:00:00Z" }),
    ];
    expect(run(prs, "pr_merge_time", { groupBy: "author" }).map((r) => [r.group, r.value])).toEqual([
      ["ann", 1],
      ["bob", 3],
      ["cy", 6],
    ]);
    const teams: Record<string, string> = { ann: "core", bob: "core" };
    expect(
      run(prs, "pr_merge_time", { groupBy: "team", teamOf: (l) => teams[l] }).map((r) => [
        r.group,
        r.n,
        r.value,
      ]),
    ).toEqual([
      ["(no team)", 1, 6],
      ["core", 2, 2],
    ]);
    const arms: Record<string, string> = { ann: "treatment", bob: "control" };
    const byArm = run(prs, "pr_merge_time", { groupBy: "arm", armOf: (l) => arms[l] });
    expect(byArm.map((r) => [r.group, r.value])).toEqual([
      ["(no arm)", 6],
      ["control", 3],
      ["treatment", 1],
    ]);
  });
});

describe("grouping by several keys", () => {
  it("gives one row per author-week, named author|week, and developer-weeks of 1 week", () => {
    const prs = [
      pr({ author: "ann", created_at: "2025-03-03T09:00:00Z", merged_at: "2025-03-03T10:00:00Z" }),
      pr({ author: "ann", created_at: "2025-03-10T09:00:00Z", merged_at: "2025-03-10T12:00:00Z" }),
      pr({ author: "ann", created_at: "2025-03-11T09:00:00Z", merged_at: "2025-03-11T10:00:00Z" }),
      pr({ author: "bob", created_at: "2025-03-10T09:00:00Z", merged_at: "2025-03-10T15:00:00Z" }),
    ];
    const groupBy = ["author", "week"] as const;
    expect(run(prs, "pr_merge_time", { groupBy }).map((r) => [r.group, r.n, r.value])).toEqual([
      ["ann|2025-W10", 1, 1],
      ["ann|2025-W11", 2, 2],
      ["bob|2025-W11", 1, 6],
    ]);
    expect(run(prs, "prs_per_developer_week", { groupBy }).map((r) => [r.group, r.value])).toEqual([
      ["ann|2025-W10", 1],
      ["ann|2025-W11", 2],
      ["bob|2025-W11", 1],
    ]);
  });
});

describe("PR cycle time and its phases", () => {
  const full = pr({
    first_commit_at: "2025-03-03T08:00:00Z",
    created_at: "2025-03-03T10:00:00Z",
    first_review_at: "2025-03-03T13:00:00Z",
    merged_at: "2025-03-03T20:00:00Z",
  });

  it("splits cycle time into coding + pickup + review", () => {
    const values = ["pr_cycle_time", "pr_coding_time", "pr_pickup_time", "pr_review_time"].map(
      (name) => run([full], name)[0]?.value,
    );
    expect(values).toEqual([12, 2, 3, 7]);
  });

  it("excludes a PR merged without review from pickup and review time (missing end/start)", () => {
    const unreviewed = pr({ created_at: "2025-03-03T10:00:00Z", merged_at: "2025-03-03T11:00:00Z" });
    expect(run([full, unreviewed], "pr_pickup_time")[0]).toMatchObject({
      n: 1,
      excluded: { missing_end: 1 },
    });
    expect(run([full, unreviewed], "pr_review_time")[0]).toMatchObject({
      n: 1,
      excluded: { missing_start: 1 },
    });
    expect(run([full, unreviewed], "pr_cycle_time")[0]).toMatchObject({
      n: 1,
      excluded: { missing_start: 1 },
    });
  });

  it("excludes a first commit after the PR was opened (force-push rewrote history) from coding time", () => {
    const forcePushed = pr({
      first_commit_at: "2025-03-03T12:00:00Z",
      created_at: "2025-03-03T10:00:00Z",
      merged_at: "2025-03-03T14:00:00Z",
    });
    expect(run([forcePushed], "pr_coding_time")[0]).toMatchObject({
      n: 0,
      value: null,
      excluded: { negative_span: 1 },
    });
    expect(run([forcePushed], "pr_cycle_time")[0]).toMatchObject({ n: 1, value: 2 });
  });
});

describe("pr_size and prs_per_developer_week", () => {
  it("sums additions and deletions of merged PRs", () => {
    const prs = [
      pr({
        created_at: "2025-03-03T09:00:00Z",
        merged_at: "2025-03-03T10:00:00Z",
        additions: 10,
        deletions: 5,
      }),
      pr({
        created_at: "2025-03-03T09:00:00Z",
        merged_at: "2025-03-03T10:00:00Z",
        additions: 100,
        deletions: 0,
      }),
      pr({ created_at: "2025-03-03T09:00:00Z", merged_at: "2025-03-03T10:00:00Z" }),
      pr({ created_at: "2025-03-03T09:00:00Z", additions: 1, deletions: 1 }),
    ];
    expect(run(prs, "pr_size")[0]).toMatchObject({
      n: 2,
      value: 57.5,
      unit: "lines",
      excluded: { missing_size: 1 },
    });
  });

  it("divides merged PRs by active developers × ISO weeks of the window", () => {
    const prs = [
      pr({ author: "ann", created_at: "2025-03-03T09:00:00Z", merged_at: "2025-03-03T10:00:00Z" }),
      pr({ author: "ann", created_at: "2025-03-04T09:00:00Z", merged_at: "2025-03-04T10:00:00Z" }),
      pr({ author: "ann", created_at: "2025-03-10T09:00:00Z", merged_at: "2025-03-11T10:00:00Z" }),
      pr({ author: "bob", created_at: "2025-03-10T09:00:00Z", merged_at: "2025-03-12T10:00:00Z" }),
    ];
    const fromMs = Date.parse("2025-03-03T00:00:00Z");
    const toMs = Date.parse("2025-03-17T00:00:00Z");
    // 4 PRs / (2 developers × 2 weeks)
    expect(run(prs, "prs_per_developer_week", { fromMs, toMs })[0]).toMatchObject({
      value: 1,
      n: 4,
      developers: 2,
      weeks: 2,
    });
    expect(
      run(prs, "prs_per_developer_week", { fromMs, toMs, groupBy: "week" }).map((r) => [r.group, r.value]),
    ).toEqual([
      ["2025-W10", 2],
      ["2025-W11", 1],
    ]);
  });
});
