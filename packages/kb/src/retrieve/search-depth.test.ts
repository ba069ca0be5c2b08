import path from "node:path";
import { silentLogger } from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addSource } from "../source-admin.js";
import { syncKnowledgeBase } from "../sync/sync.js";
import { type KbTestEnv, openKbTestEnv, writeJsonl } from "../test/kb-env.js";
import { ANONYMOUS_READER } from "./reader.js";
import { KbSearcher } from "./search.js";

let env: KbTestEnv;
beforeAll(async () => {
  env = await openKbTestEnv();
  // one manual of 60 short sections that all say "zeppelin" twice, and 12 pages that say it once:
  // the manual's chunks take every one of the first candidates the searcher asks the index for
  const manual = Array.from(
    { length: 60 },
    (_, i) => `## Step ${i}\n\nZeppelin zeppelin mooring step ${i}.`,
  ).join("\n\n");
  const pages = Array.from({ length: 12 }, (_, i) => ({
    id: `page-${i}`,
    title: `Hangar page ${i}`,
    text: `The hangar ${i} once held a zeppelin among many other aircraft of every size and kind.`,
  }));
  writeJsonl(path.join(env.dir, "docs.jsonl"), [
    { id: "manual", title: "Mooring manual", text: manual },
    ...pages,
  ]);
  await addSource(env.store, { name: "docs", type: "jsonl", path: path.join(env.dir, "docs.jsonl") });
  await syncKnowledgeBase({
    store: env.store,
    index: env.index,
    logger: silentLogger(),
    chunking: { maxTokens: 20, minTokens: 5, hardMaxTokens: 400 },
  });
});
afterAll(async () => {
  await env?.close();
});

describe("kb search depth", () => {
  it("fills k distinct documents when one document's chunks take all the first candidates", async () => {
    const searcher = new KbSearcher(env);
    const chunks = await searcher.search({
      query: "zeppelin",
      k: 40,
      reader: ANONYMOUS_READER,
      perDocument: false,
    });
    expect(chunks.results.slice(0, 40).every((hit) => hit.doc_id === "manual")).toBe(true);

    const perDocument = await searcher.search({ query: "zeppelin", k: 10, reader: ANONYMOUS_READER });
    expect(perDocument.results[0]?.doc_id).toBe("manual");
    expect(perDocument.results.slice(1).every((hit) => hit.doc_id.startsWith("page-"))).toBe(true);
    expect(new Set(perDocument.results.map((hit) => hit.doc_id)).size).toBe(10);
  });
});
