import { NotFoundError } from "@uplift/core";
import { describe, expect, it } from "vitest";
import { createApp } from "../create-app.js";
import type { ExperimentsService } from "../services.js";
import { TEST_TOKEN, testServerDeps } from "../test-deps.js";

const auth = { Authorization: `Bearer ${TEST_TOKEN}` };

/** An experiments service holding one experiment, `pilot`, with no analysis. */
const experiments: ExperimentsService = {
  list: async () => ({
    experiments: [
      {
        name: "pilot",
        arms: ["control", "treatment"],
        starts_at: "2026-01-05T00:00:00.000Z",
        created_at: "2026-01-04T00:00:00.000Z",
        analyses: [],
      },
    ],
  }),
  async get(name) {
    if (name !== "pilot") throw new NotFoundError(`no experiment named \`${name}\``);
    return {
      name,
      arms: ["control", "treatment"],
      seed: 7,
      starts_at: "2026-01-05T00:00:00.000Z",
      created_at: "2026-01-04T00:00:00.000Z",
      ramp_up: { days: 14, from: "2026-01-05", to: "2026-01-19" },
      design: {
        developers: 0,
        per_arm: {},
        stratified_by: [],
        rerandomization_draws: 1,
        max_abs_smd: null,
        late_joiners: 0,
        leavers: 0,
        balance: [],
        strata: [],
      },
      summary: [],
      metrics: [],
      guardrails: [],
      survey: null,
      telemetry: null,
    };
  },
  async reportHtml(name) {
    if (name !== "pilot") throw new NotFoundError(`no experiment named \`${name}\``);
    return "<!doctype html><title>Experiment pilot</title>";
  },
};

describe("GET /api/experiments", () => {
  it("answers the service's list, and 503 without it", async () => {
    const res = await createApp(testServerDeps({ experiments })).request("/api/experiments", {
      headers: auth,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { experiments: { name: string }[] }).experiments[0]?.name).toBe("pilot");
    const missing = await createApp(testServerDeps()).request("/api/experiments", { headers: auth });
    expect(missing.status).toBe(503);
  });
});

describe("GET /api/experiments/{name}", () => {
  it("answers one experiment, 404 for an unknown name and 401 without a token", async () => {
    const app = createApp(testServerDeps({ experiments }));
    const res = await app.request("/api/experiments/pilot", { headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "pilot", ramp_up: { days: 14 } });
    const unknown = await app.request("/api/experiments/nope", { headers: auth });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { message: "no experiment named `nope`" } });
    expect((await app.request("/api/experiments/pilot")).status).toBe(401);
  });
});

describe("GET /api/experiments/{name}/report.html", () => {
  it("serves the report as an HTML attachment to a token holder only", async () => {
    const app = createApp(testServerDeps({ experiments }));
    const res = await app.request("/api/experiments/pilot/report.html", { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="experiment-pilot.html"');
    expect(await res.text()).toContain("<title>Experiment pilot</title>");
    expect((await app.request("/api/experiments/pilot/report.html")).status).toBe(401);
    expect((await app.request("/api/experiments/nope/report.html", { headers: auth })).status).toBe(404);
  });
});
