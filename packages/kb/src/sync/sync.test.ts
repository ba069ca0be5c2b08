import { writeFileSync } from "node:fs";
import path from "node:path";
import { createEmbedder, type Embedder, searchFilter, silentLogger } from "@uplift/core";
import { type FakeOpenAI, startFakeOpenAI } from "@uplift/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openKbChunks } from "../index-table.js";
import { addSource } from "../source-admin.js";
import { DocumentRepository } from "../store/document-repository.js";
import { readIndexState } from "../store/index-state.js";
import { type KbTestEnv, openKbTestEnv, writeJsonl } from "../test/kb-env.js";
import { syncKnowledgeBase } from "./sync.js";

const chunking = { maxTokens: 40, minTokens: 10, hardMaxTokens: 400 };
const section = (name: string, words: string) =>
  `## ${name}\n\n${words} This paragraph is long enough to fill a chunk of its own in the test settings here.`;
const handbook = (canary = "Watch the canary for ten minutes.") => ({
  id: "deploy",
  title: "Deploying",
  text: [
    section("Build", "Run the build."),
    section("Canary", canary),
    section("Promote", "Promote to all regions."),
  ].join("\n\n"),
});
const oncall = { id: "oncall", title: "On-call", text: "Page the secondary after fifteen minutes." };
const faq = { id: "faq", title: "FAQ", text: "Ask in the platform channel." };

let env: KbTestEnv;
let fake: FakeOpenAI;
beforeAll(async () => {
  env = await openKbTestEnv();
  fake = await startFakeOpenAI({ models: ["fake-model", "embed-a", "embed-b"] });
});
afterAll(async () => {
  await env?.close();
  await fake?.close();
});

const sync = (options: { sources?: string[]; embedder?: Embedder; batchSize?: number } = {}) =>
  syncKnowledgeBase({ store: env.store, index: env.index, logger: silentLogger(), chunking, ...options });

async function indexedChunks(source: string): Promise<number> {
  const table = await openKbChunks(env.index, await readIndexState(env.store));
  return table.count(searchFilter.eq("source", source));
}

async function storedChunks(source: string): Promise<number> {
  const { rows } = await env.store.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM kb_chunks WHERE source = $1",
    [source],
  );
  return rows[0]?.n ?? 0;
}

describe("kb sync (BM25 only)", () => {
  const file = () => path.join(env.dir, "wiki.jsonl");

  it("indexes every document, then skips them all when nothing changed", async () => {
    writeJsonl(file(), [handbook(), oncall, faq]);
    await addSource(env.store, { name: "wiki", type: "jsonl", path: file() });
    const first = await sync({ sources: ["wiki"] });
    expect(first.embedder).toBe("none");
    expect(first.sources[0]?.counts).toMatchObject({ documentsSeen: 3, documentsAdded: 3, chunksIndexed: 5 });
    expect(await indexedChunks("wiki")).toBe(5);
    expect(await storedChunks("wiki")).toBe(5);

    const again = await sync({ sources: ["wiki"] });
    expect(again.sources[0]?.counts).toMatchObject({
      documentsUnchanged: 3,
      documentsUpdated: 0,
      chunksIndexed: 0,
      chunksDeleted: 0,
    });
  });

  it("re-indexes only the changed chunk of a changed document", async () => {
    writeJsonl(file(), [handbook("Watch the canary for thirty minutes."), oncall, faq]);
    const report = await sync({ sources: ["wiki"] });
    expect(report.sources[0]?.counts).toMatchObject({
      documentsUpdated: 1,
      documentsUnchanged: 2,
      chunksIndexed: 1,
      chunksDeleted: 1,
    });
    expect(await indexedChunks("wiki")).toBe(5);
    const table = await openKbChunks(env.index, await readIndexState(env.store));
    const hits = await table.search({ mode: "bm25", text: "thirty minutes", k: 5 });
    expect(hits[0]?.row.heading_path).toBe("Canary");
  });

  it("removes a document deleted at the source from the index and keeps a tombstone", async () => {
    writeJsonl(file(), [handbook("Watch the canary for thirty minutes."), faq]);
    const report = await sync({ sources: ["wiki"] });
    expect(report.sources[0]?.counts).toMatchObject({
      documentsDeleted: 1,
      chunksDeleted: 1,
      chunksIndexed: 0,
    });
    const table = await openKbChunks(env.index, await readIndexState(env.store));
    expect(await table.count(searchFilter.eq("doc_id", "oncall"))).toBe(0);
    expect(await storedChunks("wiki")).toBe(4);
    const { rows } = await env.store.query<{ deleted: boolean }>(
      "SELECT deleted_at IS NOT NULL AS deleted FROM kb_documents WHERE id = 'oncall'",
    );
    expect(rows).toEqual([{ deleted: true }]);
    // and it comes back when it reappears
    writeJsonl(file(), [handbook("Watch the canary for thirty minutes."), oncall, faq]);
    expect((await sync({ sources: ["wiki"] })).sources[0]?.counts).toMatchObject({
      documentsAdded: 1,
      chunksIndexed: 1,
    });
  });

  it("rewrites a document's chunks with the new groups when its ACL changes", async () => {
    writeJsonl(file(), [handbook("Watch the canary for thirty minutes."), { ...oncall, acl: ["sre"] }, faq]);
    const report = await sync({ sources: ["wiki"] });
    expect(report.sources[0]?.counts).toMatchObject({
      documentsUpdated: 1,
      chunksIndexed: 1,
      chunksDeleted: 1,
    });
    const table = await openKbChunks(env.index, await readIndexState(env.store));
    const [hit] = await table.search({ mode: "bm25", text: "secondary", k: 1 });
    expect(hit?.row).toMatchObject({ doc_id: "oncall", acl_groups: ["sre"], public: false });
  });

  it("records a bad row as a failed run and leaves the index as it was", async () => {
    writeFileSync(file(), `${JSON.stringify(faq)}\n{"id":"x","title":"X"}\n`);
    const report = await sync({ sources: ["wiki"] });
    expect(report.failures.map((f) => String(f.error))).toEqual([
      expect.stringContaining(`${file()}:2: field "text"`),
    ]);
    expect(await indexedChunks("wiki")).toBe(5);
    const { rows } = await env.store.query<{ status: string }>(
      "SELECT status FROM kb_sync_runs WHERE source = 'wiki' ORDER BY started_at DESC LIMIT 1",
    );
    expect(rows).toEqual([{ status: "failed" }]);
  });

  it("keeps the last good version of a file that became unreadable, and reports it", async () => {
    const dir = path.join(env.dir, "md");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "a.md"), "# Alpha\n\nAlpha text about gardening.\n");
    await addSource(env.store, { name: "md", type: "markdown", path: dir });
    await sync({ sources: ["md"] });
    writeFileSync(path.join(dir, "a.md"), Buffer.from([0x23, 0x20, 0xff, 0x0a]));
    const report = await sync({ sources: ["md"] });
    expect(report.sources[0]?.counts).toMatchObject({ documentsSkipped: 1, documentsDeleted: 0 });
    expect(report.sources[0]?.skipped[0]?.reason).toContain("not valid UTF-8");
    expect(await indexedChunks("md")).toBe(1);
  });

  it("keeps a Slack channel's indexed threads while one of its day files is unreadable", async () => {
    const { mkdirSync } = await import("node:fs");
    const dir = path.join(env.dir, "slack");
    mkdirSync(path.join(dir, "ops"), { recursive: true });
    writeFileSync(path.join(dir, "channels.json"), JSON.stringify([{ id: "C1", name: "ops" }]));
    const day = path.join(dir, "ops", "2025-03-03.json");
    writeFileSync(
      day,
      JSON.stringify([
        { type: "message", user: "U1", text: "Restart the gardening job", ts: "1741000000.000100" },
      ]),
    );
    await addSource(env.store, { name: "slack", type: "slack-export", path: dir });
    await sync({ sources: ["slack"] });
    writeFileSync(day, "[{ truncated");
    const report = await sync({ sources: ["slack"] });
    expect(report.sources[0]?.counts).toMatchObject({ documentsSkipped: 1, documentsDeleted: 0 });
    expect(await indexedChunks("slack")).toBe(1);
  });

  it("removes index rows that an interrupted sync wrote but never committed", async () => {
    const table = await openKbChunks(env.index, await readIndexState(env.store));
    await new DocumentRepository(env.store).addPending("wiki", ["wiki:ghost#0"]);
    await table.upsert([
      {
        id: "wiki:ghost#0",
        text: "ghost canary",
        title: "Ghost",
        doc_id: "ghost",
        source: "wiki",
        acl_groups: [],
        public: true,
      },
    ]);
    writeJsonl(file(), [handbook("Watch the canary for thirty minutes."), { ...oncall, acl: ["sre"] }, faq]);
    await sync({ sources: ["wiki"] });
    expect(await table.count(searchFilter.eq("doc_id", "ghost"))).toBe(0);
  });
});

describe("kb sync with an embedder", () => {
  const embedder = (model: string) => createEmbedder({ base_url: fake.url, model }) as Embedder;
  const embeddedTexts = () =>
    fake.requests
      .filter((r) => r.path === "/v1/embeddings")
      .reduce((n, r) => n + ((r.body as { input: unknown[] }).input?.length ?? 0), 0);

  it("re-embeds everything when the model changes, never mixing two models' vectors", async () => {
    const before = embeddedTexts();
    const report = await sync({ embedder: embedder("embed-a") });
    expect(report.embedder).toBe("openai:embed-a");
    expect(report.rebuilt).toBe(true);
    const total = (await storedChunks("wiki")) + (await storedChunks("md"));
    // the dimension probe embeds one text; then every chunk once
    expect(embeddedTexts() - before).toBe(total + 1);
    expect(await readIndexState(env.store)).toEqual({ embedder: "openai:embed-a", dimension: 16 });

    const unchanged = embeddedTexts();
    await sync({ embedder: embedder("embed-a") });
    expect(embeddedTexts() - unchanged).toBe(1); // the probe only

    const switched = embeddedTexts();
    const other = await sync({ embedder: embedder("embed-b") });
    expect(other.rebuilt).toBe(true);
    expect(embeddedTexts() - switched).toBe(total + 1);
    const { rows } = await env.store.query<{ embedder: string }>(
      "SELECT DISTINCT embedder FROM kb_sync_runs WHERE started_at > now() - interval '1 hour' ORDER BY embedder",
    );
    expect(rows.map((r) => r.embedder)).toEqual(["none", "openai:embed-a", "openai:embed-b"]);
  });

  it("searches hybrid with the index's embedder, and falls back to BM25 saying why when it fails", async () => {
    const { KbSearcher } = await import("../retrieve/search.js");
    const { ANONYMOUS_READER } = await import("../retrieve/reader.js");
    const searcher = new KbSearcher({ ...env, embedder: embedder("embed-b") });
    const hybrid = await searcher.search({ query: "canary thirty minutes", k: 3, reader: ANONYMOUS_READER });
    expect(hybrid).toMatchObject({ retrieval: "hybrid" });
    expect(hybrid.note).toBeUndefined();
    expect(hybrid.results[0]?.doc_id).toBe("deploy");
    fake.script({ path: "/v1/embeddings", status: 400, message: "input too long" });
    const fallback = await searcher.search({
      query: "canary thirty minutes",
      k: 3,
      reader: ANONYMOUS_READER,
    });
    expect(fallback.retrieval).toBe("bm25");
    expect(fallback.note).toContain("bm25 only: the embedder failed");
    expect(fallback.results[0]?.doc_id).toBe("deploy");
  });

  it("weighs the vector ranking by embedder.fusion_weight: at 0 the order is BM25's", async () => {
    const { KbSearcher } = await import("../retrieve/search.js");
    const { ANONYMOUS_READER } = await import("../retrieve/reader.js");
    const words =
      "canary deploy rollback metrics alert page oncall latency budget error release traffic".split(" ");
    // documents of varied length and word repetition, so that BM25 and the bag-of-words vectors disagree
    const docs = Array.from({ length: 12 }, (_, i) => ({
      id: `f${i}`,
      title: `Fusion ${i}`,
      text: Array.from({ length: 3 + ((i * 7) % 11) }, (_, j) => words[(i * 5 + j * j) % words.length]).join(
        " ",
      ),
    }));
    const file = path.join(env.dir, "fusion.jsonl");
    writeJsonl(file, docs);
    await addSource(env.store, { name: "fusion", type: "jsonl", path: file });
    await sync({ sources: ["fusion"], embedder: embedder("embed-b") });
    const orderOf = async (searcher: InstanceType<typeof KbSearcher>, query: string) =>
      (
        await searcher.search({
          query,
          k: 5,
          reader: ANONYMOUS_READER,
          source: "fusion",
          boosts: { title: 0, heading: 0 },
          feedback: false,
        })
      ).results.map((r) => r.doc_id);
    const withWeight = (fusion_weight: number) =>
      new KbSearcher({
        ...env,
        embedder: createEmbedder({ base_url: fake.url, model: "embed-b", fusion_weight }) as Embedder,
      });
    const bm25 = new KbSearcher(env);
    let fusionChangedAnOrder = false;
    for (const query of ["canary rollback", "latency budget alert", "release traffic", "page oncall error"]) {
      const lexical = await orderOf(bm25, query);
      expect(lexical.length).toBeGreaterThan(1);
      expect(await orderOf(withWeight(0), query), query).toEqual(lexical);
      if ((await orderOf(withWeight(1), query)).join() !== lexical.join()) fusionChangedAnOrder = true;
    }
    // the vectors do reorder at weight 1, so the equality above is the weight's doing
    expect(fusionChangedAnOrder).toBe(true);
  });

  it("resumes an interrupted sync: committed batches are skipped, the rest is done", async () => {
    const file = path.join(env.dir, "many.jsonl");
    const docs = Array.from({ length: 6 }, (_, i) => ({
      id: `n${i}`,
      title: `Note ${i}`,
      text: `Note number ${i}.`,
    }));
    writeJsonl(file, docs);
    await addSource(env.store, { name: "notes", type: "jsonl", path: file });
    const model = embedder("embed-b");
    await model.detectDimension(); // known now: the sync makes no probe request
    // the first batch is embedded, the second fails
    fake.script({ path: "/v1/embeddings" }, { path: "/v1/embeddings", status: 400 });
    const failed = await sync({ sources: ["notes"], embedder: model, batchSize: 2 });
    expect(failed.failures).toHaveLength(1);
    expect(await storedChunks("notes")).toBe(2);

    const before = embeddedTexts();
    const resumed = await sync({ sources: ["notes"], embedder: model, batchSize: 2 });
    expect(resumed.sources[0]?.counts).toMatchObject({
      documentsUnchanged: 2,
      documentsAdded: 4,
      chunksIndexed: 4,
    });
    expect(embeddedTexts() - before).toBe(4);
    const { rows } = await env.store.query<{ status: string }>(
      "SELECT status FROM kb_sync_runs WHERE source = 'notes' ORDER BY started_at",
    );
    expect(rows.map((r) => r.status)).toEqual(["failed", "succeeded"]);
  });
});

describe("redaction before indexing", () => {
  // split so that no scanner flags this test file itself
  const githubToken = ["ghp_", "wWPw5k4aXcaT4fNP0Uc", "nZwJUVFk6LO0pINUx"].join("");

  it("replaces secrets and e-mail addresses before anything reaches the index or the store", async () => {
    writeJsonl(path.join(env.dir, "leaky.jsonl"), [
      {
        id: "runbook",
        title: "Release runbook",
        text: `Call the release API with token ${githubToken} and mail ops-lead@corp.example when done.`,
      },
    ]);
    await addSource(env.store, { name: "leaky", type: "jsonl", path: path.join(env.dir, "leaky.jsonl") });
    const report = await sync({ sources: ["leaky"] });
    // (the index was built with an embedder by the tests above: this sync rebuilds every source)
    expect(report.sources.find((s) => s.source === "leaky")?.counts.redactions).toEqual({
      "SECRET:github": 1,
      EMAIL: 1,
    });

    const table = await openKbChunks(env.index, await readIndexState(env.store));
    const hits = await table.search({
      mode: "bm25",
      text: "release API token",
      k: 5,
      filter: searchFilter.eq("source", "leaky"),
    });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.row.text).not.toContain(githubToken);
      expect(hit.row.text).not.toContain("ops-lead@corp.example");
      expect(hit.row.text).toContain("<SECRET:github>");
    }
    const { rows } = await env.store.query<{ dump: string }>(
      "SELECT string_agg(t::text, ' ') AS dump FROM (SELECT * FROM kb_documents WHERE source = 'leaky') t",
    );
    expect(rows[0]?.dump).not.toContain(githubToken);

    // unchanged on the next sync: nothing re-indexed, nothing re-counted
    const again = await sync({ sources: ["leaky"] });
    expect(again.sources[0]?.counts).toMatchObject({ documentsUnchanged: 1, chunksIndexed: 0 });
  });
});
