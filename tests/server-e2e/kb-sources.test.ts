import type { RunningServer } from "@uplift/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, type Org, serveOrg } from "./org-server.js";

let org: Org;
let server: RunningServer;

beforeAll(async () => {
  org = await buildOrg();
  server = await serveOrg(org);
});
afterAll(async () => {
  await server?.close();
  await org?.close();
});

async function sourcesAs(token: string) {
  const res = await fetch(`${server.url}/api/kb/sources`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { sources: Record<string, unknown>[] }).sources;
}

describe("GET /api/kb/sources over a synced knowledge base", () => {
  it("gives each readable source's documents, chunks and last successful sync", async () => {
    const sources = await sourcesAs(org.tokens.ada);
    expect(sources.map((s) => s.name)).toEqual(["finance", "handbook"]);
    const handbook = sources.find((s) => s.name === "handbook");
    expect(handbook).toMatchObject({ type: "jsonl", documents: 1, acl: [] });
    expect(handbook?.chunks).toBeGreaterThanOrEqual(1);
    expect(handbook?.last_sync).toMatchObject({ status: "succeeded", errors: 0 });
    expect(Date.parse(handbook?.last_success_at as string)).toBeGreaterThan(Date.now() - 10 * 60_000);
  });

  it("hides a source with an ACL from a user outside its groups", async () => {
    const sources = await sourcesAs(org.tokens.bob);
    expect(sources.map((s) => s.name)).toEqual(["handbook"]);
  });

  it("needs a token", async () => {
    expect((await fetch(`${server.url}/api/kb/sources`)).status).toBe(401);
  });
});
