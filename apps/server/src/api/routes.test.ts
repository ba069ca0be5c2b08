import { describe, expect, it } from "vitest";
import { createApp } from "../create-app.js";
import { TEST_TOKEN, testServerDeps } from "../test-deps.js";
import { instanceHealthSchema } from "./schemas.js";

const auth = { headers: { Authorization: `Bearer ${TEST_TOKEN}` } };

describe("GET /api/health", () => {
  it("reports version, uptime and each dependency's state", async () => {
    const app = createApp(testServerDeps({ version: "2.0.1" }));
    const res = await app.request("/api/health", auth);
    expect(res.status).toBe(200);
    const body = instanceHealthSchema.parse(await res.json());
    expect(body).toMatchObject({
      status: "ok",
      version: "2.0.1",
      checks: { store: { ok: true, detail: "pglite" }, queue: { ok: true, detail: "in-process" } },
    });
    expect(body.uptime_seconds).toBeGreaterThanOrEqual(0);
    expect(Date.parse(body.started_at)).toBeLessThanOrEqual(Date.now());
  });

  it("says degraded when one dependency is not ok", async () => {
    const app = createApp(
      testServerDeps({
        health: async () => ({
          store: { ok: true },
          search: { ok: false, detail: "s3://bucket: access denied" },
        }),
      }),
    );
    const body = instanceHealthSchema.parse(await (await app.request("/api/health", auth)).json());
    expect(body.status).toBe("degraded");
    expect(body.checks.search).toEqual({ ok: false, detail: "s3://bucket: access denied" });
  });

  it("says degraded, naming the failure, when the health function itself throws", async () => {
    const app = createApp(
      testServerDeps({
        health: async () => {
          throw new Error("store pool exhausted");
        },
      }),
    );
    const res = await app.request("/api/health", auth);
    expect(res.status).toBe(200);
    const body = instanceHealthSchema.parse(await res.json());
    expect(body.status).toBe("degraded");
    expect(body.checks).toEqual({ health: { ok: false, detail: "store pool exhausted" } });
  });
});

describe("GET /healthz", () => {
  it("stays 200 but says degraded, without details, when a dependency is down", async () => {
    const app = createApp(
      testServerDeps({
        health: async () => ({ store: { ok: false, detail: "postgres://10.0.0.5: refused" } }),
      }),
    );
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "degraded", checks: { store: { ok: false } } });
  });
});
