import { UnavailableError } from "@uplift/core";
import { describe, expect, it } from "vitest";
import { createApp } from "./create-app.js";
import { TEST_TOKEN, TEST_USER, testServerDeps } from "./test-deps.js";

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

describe("bearer-token authentication", () => {
  const app = createApp(testServerDeps());

  it.each(["/api/me", "/api/health", "/api/openapi.json", "/metrics", "/api/no-such-route"])(
    "answers 401 JSON on %s without a token",
    async (path) => {
      const res = await app.request(path);
      expect(res.status).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      expect(await res.json()).toEqual({
        error: { code: "UPLIFT_UNAUTHORIZED", message: expect.any(String) },
      });
    },
  );

  it("answers 401 for an unknown token and says how to get one", async () => {
    const res = await app.request("/api/me", bearer("upl_wrong"));
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toContain("uplift token create");
  });

  it("answers 401 for an Authorization header that is not a bearer token", async () => {
    const res = await app.request("/api/me", { headers: { Authorization: `Basic ${btoa("ada:pw")}` } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("Bearer <token>");
  });

  it("reads as the token's user on /api/me", async () => {
    const res = await app.request("/api/me", bearer(TEST_TOKEN));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(TEST_USER);
  });

  it("serves /healthz without a token", async () => {
    const res = await app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", checks: { store: { ok: true }, queue: { ok: true } } });
  });

  it("answers 503 when the token store cannot be reached", async () => {
    const down = createApp(
      testServerDeps({
        authenticate: async () => {
          throw new UnavailableError("database at 127.0.0.1:5432 refused the connection");
        },
      }),
    );
    const res = await down.request("/api/me", bearer(TEST_TOKEN));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: { code: "UPLIFT_UNAVAILABLE", message: "database at 127.0.0.1:5432 refused the connection" },
    });
  });
});
