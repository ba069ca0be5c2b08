import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coreMigrations } from "../auth/migrations.js";
import { createLogger } from "../logger.js";
import { openStore } from "../store/index.js";
import type { Queryable, Store } from "../store/types.js";
import { telemetryMigrations } from "./migrations.js";
import { TelemetryWriter } from "./telemetry-writer.js";

/** The machine's PostgreSQL, in a schema of our own (PGlite runs the same SQL: see the server e2e tests). */
const SERVER_URL = process.env.UPLIFT_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schema = `uplift_telemetry_${randomBytes(6).toString("hex")}`;
let admin: Store;
let store: Store;

beforeAll(async () => {
  admin = await openStore({ url: SERVER_URL, dataDir: "/nonexistent" });
  await admin.query(`CREATE SCHEMA ${schema}`);
  store = await openStore({
    url: `${SERVER_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    dataDir: "/nonexistent",
  });
  await store.migrate([...coreMigrations, ...telemetryMigrations]);
});
afterAll(async () => {
  await store?.close();
  await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin?.close();
});

function capturingLogger(lines: string[]) {
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return createLogger({ level: "error", destination });
}

const event = {
  id: "cmpl-1",
  at: "2026-03-02T10:00:00Z",
  login: "ada",
  kind: "completion" as const,
  model: "qwen2.5-coder-7b",
  status: "ok" as const,
  http_status: 200,
  latency_ms: 84.5,
  upstream_ms: 80,
  context_ms: 3.2,
  prompt_tokens: 512,
  completion_tokens: 12,
  context_tokens: 300,
  context_snippets: 2,
  context_used: true,
  stream: false,
  repo: "shop",
  language: "typescript",
  client: "vscode-continue/1.0",
};

describe("TelemetryWriter", () => {
  it("stores a gateway event with its schema version", async () => {
    const writer = new TelemetryWriter(store, capturingLogger([]));
    await writer.writeGatewayEvent(event);
    const { rows } = await store.query("SELECT * FROM gateway_events WHERE id = 'cmpl-1'");
    expect(rows[0]).toEqual({
      ...event,
      at: new Date("2026-03-02T10:00:00Z"),
      schema_version: 1,
      error_code: null,
      experiment: null,
      arm: null,
    });
  });

  it("fills the optional fields of a context-only event with nulls and zeros", async () => {
    const writer = new TelemetryWriter(store, capturingLogger([]));
    await writer.writeGatewayEvent({
      id: "cmpl-2",
      at: new Date(),
      login: "bob",
      kind: "completion",
      model: "none",
      status: "context_only",
      http_status: 200,
      latency_ms: 5,
      context_used: true,
    });
    const { rows } = await store.query<Record<string, unknown>>(
      "SELECT prompt_tokens, upstream_ms, context_tokens, stream, repo FROM gateway_events WHERE id = 'cmpl-2'",
    );
    expect(rows[0]).toEqual({
      prompt_tokens: null,
      upstream_ms: null,
      context_tokens: 0,
      stream: false,
      repo: null,
    });
  });

  it("rejects an event that does not fit the schema, naming the field", async () => {
    const writer = new TelemetryWriter(store, capturingLogger([]));
    await expect(writer.writeGatewayEvent({ ...event, id: "cmpl-3", latency_ms: -1 })).rejects.toThrow(
      /latency_ms/,
    );
    const { rows } = await store.query("SELECT id FROM gateway_events WHERE id = 'cmpl-3'");
    expect(rows).toEqual([]);
  });

  it("records in the background; flush waits until the row is stored", async () => {
    const writer = new TelemetryWriter(store, capturingLogger([]));
    writer.record({ ...event, id: "cmpl-4" });
    await writer.flush();
    const { rows } = await store.query("SELECT id FROM gateway_events WHERE id = 'cmpl-4'");
    expect(rows).toEqual([{ id: "cmpl-4" }]);
    expect(writer.failures).toBe(0);
  });

  it("logs and counts a failed background write instead of throwing it", async () => {
    const lines: string[] = [];
    const broken: Queryable = {
      query: async () => {
        throw new Error("connection to 127.0.0.1:5432 lost");
      },
    };
    const writer = new TelemetryWriter(broken, capturingLogger(lines));
    expect(() => writer.record({ ...event, id: "cmpl-5" })).not.toThrow();
    await writer.flush();
    expect(writer.failures).toBe(1);
    expect(lines.join("")).toContain("could not store a gateway event");
    expect(lines.join("")).toContain("connection to 127.0.0.1:5432 lost");
  });

  it("stores suggestion outcomes that refer to a completion", async () => {
    const writer = new TelemetryWriter(store, capturingLogger([]));
    await writer.writeSuggestionEvent({
      completion_id: "cmpl-1",
      at: new Date(),
      login: "ada",
      event: "shown",
    });
    await writer.writeSuggestionEvent({
      completion_id: "cmpl-1",
      at: new Date(),
      login: "ada",
      event: "accepted",
      chars_suggested: 40,
      chars_kept: 31,
    });
    const { rows } = await store.query(
      "SELECT event, chars_suggested, chars_kept, schema_version FROM suggestion_events WHERE completion_id = 'cmpl-1' ORDER BY id",
    );
    expect(rows).toEqual([
      { event: "shown", chars_suggested: null, chars_kept: null, schema_version: 1 },
      { event: "accepted", chars_suggested: 40, chars_kept: 31, schema_version: 1 },
    ]);
  });
});
