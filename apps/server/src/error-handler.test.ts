import { Writable } from "node:stream";
import { createLogger, InputError, NotFoundError } from "@uplift/core";
import { describe, expect, it } from "vitest";
import { createApp } from "./create-app.js";
import { TEST_TOKEN, testServerDeps } from "./test-deps.js";

const auth = { headers: { Authorization: `Bearer ${TEST_TOKEN}` } };

/** An app with extra /api routes that fail in the ways handlers do. */
function failingApp(logLines: string[] = []) {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const app = createApp(testServerDeps({ logger: createLogger({ level: "error", destination }) }));
  app.get("/api/bad-input", () => {
    throw new InputError("queries.jsonl:3: field `text` is missing", {
      hint: "add a `text` field to line 3",
    });
  });
  app.get("/api/missing", () => {
    throw new NotFoundError("no experiment named `copilot-2026`");
  });
  app.get("/api/bug", () => {
    throw new TypeError("cannot read properties of undefined (reading 'secret')");
  });
  return app;
}

describe("error mapping", () => {
  const logLines: string[] = [];
  const app = failingApp(logLines);

  it("maps an InputError thrown in a handler to 400 with its code and message", async () => {
    const res = await app.request("/api/bad-input", auth);
    expect(res.status).toBe(400);
    expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({
      error: {
        code: "UPLIFT_BAD_INPUT",
        message: "queries.jsonl:3: field `text` is missing — add a `text` field to line 3",
      },
    });
  });

  it("maps a NotFoundError to 404", async () => {
    const res = await app.request("/api/missing", auth);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UPLIFT_NOT_FOUND");
  });

  it("answers 500 for an unexpected error without leaking its message", async () => {
    const res = await app.request("/api/bug", auth);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text)).toEqual({ error: { code: "UPLIFT_INTERNAL", message: expect.any(String) } });
    expect(logLines.join("")).toContain("reading 'secret'");
  });

  it("answers 404 JSON for a route that does not exist", async () => {
    const res = await app.request("/api/no-such-route", auth);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "UPLIFT_NOT_FOUND", message: "no route for GET /api/no-such-route" },
    });
  });
});
