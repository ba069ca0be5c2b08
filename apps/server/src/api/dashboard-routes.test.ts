import { InputError } from "@uplift/core";
import { describe, expect, it } from "vitest";
import { createApp } from "../create-app.js";
import type { MeasureService } from "../services.js";
import { TEST_TOKEN, TEST_USER, testServerDeps } from "../test-deps.js";
import { recordingDocsService } from "../test-services.js";
import type { MetricsQueryInput } from "./measure-schemas.js";

const auth = { Authorization: `Bearer ${TEST_TOKEN}` };
const post = (body: unknown) => ({
  method: "POST",
  headers: { ...auth, "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

describe("POST /api/kb/feedback", () => {
  it("records the vote as the token's user", async () => {
    const { service, users } = recordingDocsService();
    const app = createApp(testServerDeps({ docs: service }));
    const res = await app.request("/api/kb/feedback", post({ answer_id: "answer-1", vote: "up" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      feedback_id: "feedback-1",
      answer_id: "answer-1",
      vote: "up",
      user: "ada",
    });
    expect(users).toEqual([TEST_USER]);
  });

  it("refuses a vote that is neither up nor down, naming the field", async () => {
    const { service } = recordingDocsService();
    const app = createApp(testServerDeps({ docs: service }));
    const res = await app.request("/api/kb/feedback", post({ answer_id: "a", vote: "meh" }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("field vote");
  });
});

function recordingMeasure() {
  const calls: MetricsQueryInput[] = [];
  const explained: unknown[] = [];
  const service: MeasureService = {
    async explain(query) {
      explained.push(query);
      return {
        name: query.metric,
        unit: "hours",
        definition: "…",
        values: [],
        records: [{ record: "p1", group: "ada", at: "2026-01-05T10:00:00.000Z", value: 2, excluded: null }],
        total_records: 1,
      };
    },
    async metrics(query) {
      calls.push(query);
      if (query.groupBy?.includes("planet"))
        throw new InputError('group_by planet: "planet" is not one of …');
      return { window: { from: null, to: null }, group_by: null, metrics: [], skipped: [] };
    },
    async definitions() {
      return {
        definitions: [
          {
            name: "pr_merge_time",
            unit: "hours",
            definition: "…",
            groupable: ["week"],
            direction: "lower_is_better",
            non_inferiority_margin: null,
          },
        ],
      };
    },
  };
  return { service, calls, explained };
}

describe("GET /api/measure", () => {
  it("explains a metric's group with its records, the limit defaulting to 200", async () => {
    const { service, explained } = recordingMeasure();
    const app = createApp(testServerDeps({ measure: service }));
    const res = await app.request("/api/measure/explain?metric=pr_merge_time&group_by=author&group=ada", {
      headers: auth,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { records: { record: string }[] }).records[0]?.record).toBe("p1");
    expect(explained).toEqual([
      {
        metric: "pr_merge_time",
        query: { from: undefined, to: undefined, groupBy: ["author"] },
        group: "ada",
        limit: 200,
      },
    ]);
    const bad = await app.request("/api/measure/explain?limit=5", { headers: auth });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain("metric");
  });

  it("splits comma lists of the query string and answers the report", async () => {
    const { service, calls } = recordingMeasure();
    const app = createApp(testServerDeps({ measure: service }));
    const res = await app.request(
      "/api/measure/metrics?from=2026-01-01&group_by=author,week&metric=pr_merge_time,%20pr_size",
      { headers: auth },
    );
    expect(res.status).toBe(200);
    expect(calls).toEqual([
      {
        from: "2026-01-01",
        to: undefined,
        groupBy: ["author", "week"],
        metrics: ["pr_merge_time", "pr_size"],
      },
    ]);
    const definitions = await app.request("/api/measure/definitions", { headers: auth });
    expect(((await definitions.json()) as { definitions: unknown[] }).definitions).toHaveLength(1);
  });

  it("answers 400 for a bad group key and 503 without the service", async () => {
    const { service } = recordingMeasure();
    const bad = await createApp(testServerDeps({ measure: service })).request(
      "/api/measure/metrics?group_by=planet",
      { headers: auth },
    );
    expect(bad.status).toBe(400);
    const missing = await createApp(testServerDeps()).request("/api/measure/metrics", { headers: auth });
    expect(missing.status).toBe(503);
  });
});
