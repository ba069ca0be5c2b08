import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./create-app.js";
import { testServerDeps } from "./test-deps.js";

const INDEX_HTML =
  '<!doctype html><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script>';

describe("dashboard static assets", () => {
  let webRoot: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(() => {
    webRoot = mkdtempSync(path.join(tmpdir(), "uplift-web-"));
    mkdirSync(path.join(webRoot, "assets"));
    writeFileSync(path.join(webRoot, "index.html"), INDEX_HTML);
    writeFileSync(path.join(webRoot, "assets", "app-1a2b.js"), "console.log('dashboard');");
    app = createApp(testServerDeps({ webRoot }));
  });
  afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

  it("serves index.html at / without a token", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/text\/html/);
    expect(res.headers.get("Cache-Control")).toBe("no-cache");
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it("serves hashed assets as immutable", async () => {
    const res = await app.request("/assets/app-1a2b.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/javascript/);
    expect(res.headers.get("Cache-Control")).toContain("immutable");
  });

  it("falls back to index.html for a client-side route", async () => {
    const res = await app.request("/knowledge");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it("answers 404 for a missing asset instead of the page", async () => {
    const res = await app.request("/assets/gone-9z.js");
    expect(res.status).toBe(404);
    expect(res.headers.get("Cache-Control")).toBeNull();
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UPLIFT_NOT_FOUND");
  });

  it("never answers an API path with the page", async () => {
    expect((await app.request("/api/unknown")).status).toBe(401);
    expect((await app.request("/metrics")).status).toBe(401);
  });

  it("refuses path traversal out of the web root", async () => {
    const res = await app.request("/assets/..%2F..%2Fetc%2Fpasswd");
    expect(await res.text()).not.toContain("root:");
  });

  it("answers 503 naming the build command when the dashboard is not built", async () => {
    const unbuilt = createApp(testServerDeps({ webRoot: path.join(webRoot, "no-dist") }));
    const res = await unbuilt.request("/");
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      "npm run build -w apps/web",
    );
  });
});
