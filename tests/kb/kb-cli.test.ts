import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/run-cli.js";

const secret = "zebra-canary-42";
const section = (name: string, words: string) =>
  `## ${name}\n\n${words} ${"This sentence pads the section so that it fills a chunk of its own. ".repeat(20)}`;
const deploy = (canary: string) => ({
  id: "deploy",
  title: "Deploying the billing service",
  text: [
    section("Build", "Run the release pipeline."),
    section("Canary", canary),
    section("Promote", "Promote to every region."),
  ].join("\n\n"),
  url: "https://wiki.example/deploy",
});
const oncall = {
  id: "oncall",
  title: "On-call handbook",
  text: "Page the secondary after fifteen minutes without acknowledgement.",
  url: "https://wiki.example/oncall",
};
const faq = { id: "faq", title: "Platform FAQ", text: "Ask in the platform channel about build caches." };

let work: string;
let dataDir: string;
const jsonl = (file: string, rows: object[]) =>
  writeFileSync(path.join(work, file), rows.map((r) => JSON.stringify(r)).join("\n"));
const uplift = (...args: string[]) => runCli(["--data-dir", dataDir, ...args], { cwd: work });
const json = (...args: string[]) => {
  const result = uplift(...args, "--json");
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};
type SyncJson = { sources: { source: string; [count: string]: unknown }[] };
const wikiCounts = (report: SyncJson) => report.sources.find((s) => s.source === "wiki");

beforeAll(() => {
  work = tempDir("uplift-kb-");
  dataDir = path.join(work, "data");
  jsonl("docs.jsonl", [deploy("Watch the canary for ten minutes before promoting."), oncall, faq]);
  jsonl("secret.jsonl", [
    {
      id: "secret",
      title: "Rotating the vault root token",
      text: `Root token rotation uses the break-glass procedure ${secret}.`,
    },
  ]);
  expect(uplift("kb", "source", "add", "wiki", "--type", "jsonl", "--path", "docs.jsonl").status).toBe(0);
  expect(
    uplift("kb", "source", "add", "vault", "--type", "jsonl", "--path", "secret.jsonl", "--acl", "sre")
      .status,
  ).toBe(0);
  expect(uplift("user", "add", "ann", "--groups", "sre").status).toBe(0);
  expect(uplift("user", "add", "bob", "--groups", "web").status).toBe(0);
});

describe("uplift kb (end to end)", () => {
  it("refuses an unknown source type and a bad path with exit 2", () => {
    const unknown = uplift("kb", "source", "add", "x", "--type", "nope", "--path", ".");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("nope: unknown source type; available: jsonl, markdown, git");
    const badRepo = uplift("kb", "source", "add", "gh", "--type", "github-issues", "--path", "not a repo");
    expect(badRepo.status).toBe(2);
    expect(badRepo.stderr).toContain("OWNER/NAME");
  });

  it("syncs, then re-indexes only the chunks of the one document that changed", () => {
    const first = json("kb", "sync") as SyncJson;
    expect(wikiCounts(first)).toMatchObject({ documents_added: 3, chunks_indexed: 5 });
    expect(first).toMatchObject({
      embedder: "none",
      retrieval: "bm25",
      note: "bm25 only: no embedder configured",
    });

    jsonl("docs.jsonl", [deploy("Watch the canary for thirty minutes before promoting."), oncall, faq]);
    const second = json("kb", "sync", "wiki") as SyncJson;
    expect(second.sources).toHaveLength(1);
    expect(wikiCounts(second)).toMatchObject({
      documents_updated: 1,
      documents_unchanged: 2,
      chunks_indexed: 1,
      chunks_deleted: 1,
    });
    const hit = json("kb", "search", "thirty minutes canary").results[0];
    expect(hit).toMatchObject({ doc_id: "deploy", url: "https://wiki.example/deploy" });
    expect(hit.text).toContain("Watch the canary for thirty minutes");
  });

  it("shows a restricted document only to members of its group", () => {
    const query = ["kb", "search", "root token rotation break-glass"];
    expect(uplift(...query, "--json").stdout).not.toContain(secret);
    expect(uplift(...query, "--as", "bob", "--json").stdout).not.toContain(secret);
    expect(uplift(...query, "--as", "nobody", "--json").stdout).not.toContain(secret);
    expect(json(...query, "--as", "ann").results[0]).toMatchObject({ doc_id: "secret", url: null });
    const asked = json("kb", "ask", "What is the break-glass procedure for the root token?", "--as", "bob");
    expect(JSON.stringify(asked)).not.toContain(secret);
    expect(asked.citations).toEqual([]);
  });

  it("answers with citations and takes feedback on the answer", () => {
    const answer = json("kb", "ask", "How often should I page the secondary?", "--as", "ann");
    expect(answer).toMatchObject({ grounded: true, generator: "extractive (no LLM configured)" });
    expect(answer.citations[0]).toMatchObject({ n: 1, doc_id: "oncall", url: "https://wiki.example/oncall" });
    expect(answer.answer).toContain("[1]");
    const feedback = json("kb", "feedback", answer.answer_id, "up", "--comment", "spot on", "--as", "ann");
    expect(feedback).toMatchObject({ answer_id: answer.answer_id, vote: "up", user: "ann" });
    expect(uplift("kb", "feedback", "no-such-answer", "up").status).toBe(2);
    expect(uplift("kb", "feedback", answer.answer_id, "sideways").status).toBe(2);

    // the vote becomes a judged query that kb eval runs on
    const set = json("kb", "feedback-set", "--out", "feedback-set");
    expect(set).toMatchObject({ queries: 1, judgments: 1, relevant: 1, votes: 1, tied: 0 });
    const report = json(
      "kb",
      "eval",
      "--queries",
      set.files.queries,
      "--qrels",
      set.files.qrels,
      "--as",
      "ann",
    );
    expect(report).toMatchObject({ n_queries: 1, "recall@10": 1, "mrr@10": 1 });
  });

  it("evaluates retrieval against qrels (nDCG@10, Recall@10, MRR@10)", () => {
    writeFileSync(
      path.join(work, "q.jsonl"),
      `${JSON.stringify({ id: "q1", text: "watch the canary before promoting" })}\n${JSON.stringify({ id: "q2", text: "page the secondary" })}\n`,
    );
    // q2: oncall (grade 2) at rank 1; faq (grade 1) is not retrieved: nDCG = 2 / (2 + 1/log2 3)
    writeFileSync(path.join(work, "qrels.tsv"), "q1\tdeploy\t1\nq2\toncall\t2\nq2\tfaq\t1\n");
    const report = json("kb", "eval", "--queries", "q.jsonl", "--qrels", "qrels.tsv");
    expect(report["ndcg@10"]).toBeCloseTo((1 + 2 / (2 + 1 / Math.log2(3))) / 2, 10);
    expect(report["recall@10"]).toBeCloseTo(0.75, 10);
    expect(report["mrr@10"]).toBeCloseTo(1, 10);
    expect(report.n_queries).toBe(2);
    const at1 = json("kb", "eval", "--queries", "q.jsonl", "--qrels", "qrels.tsv", "--k", "1");
    expect(Object.keys(at1)).toEqual(expect.arrayContaining(["ndcg@1", "recall@1", "mrr@1"]));
  });

  it("drops a document deleted at the source from search and answers", () => {
    jsonl("docs.jsonl", [deploy("Watch the canary for thirty minutes before promoting."), faq]);
    expect(wikiCounts(json("kb", "sync"))).toMatchObject({ documents_deleted: 1, chunks_deleted: 1 });
    expect(json("kb", "search", "page the secondary acknowledgement").results).toEqual([]);
    const asked = json("kb", "ask", "When do I page the secondary?");
    expect(asked.citations.map((c: { doc_id: string }) => c.doc_id)).not.toContain("oncall");
    expect(asked.answer).not.toContain("fifteen minutes");
  });

  it("rejects a bad jsonl row with exit 2 naming file:line and field, keeping the index", () => {
    writeFileSync(path.join(work, "docs.jsonl"), `${JSON.stringify(faq)}\n{"id":"x","text":"no title"}\n`);
    const result = uplift("kb", "sync", "wiki");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${path.join(work, "docs.jsonl")}:2: field "title"`);
    expect(json("kb", "search", "thirty minutes canary").results[0]?.doc_id).toBe("deploy");
  });

  it("lists sources with their status and removes one from the index", () => {
    const { sources } = json("kb", "source", "list");
    expect(sources.map((s: { name: string; documents: number }) => [s.name, s.documents])).toEqual([
      ["vault", 1],
      ["wiki", 2],
    ]);
    expect(sources.find((s: { name: string }) => s.name === "wiki").last_sync.status).toBe("failed");
    expect(json("kb", "source", "remove", "vault").chunks_deleted).toBe(1);
    expect(json("kb", "search", "root token rotation", "--as", "ann").results).toEqual([]);
  });
});
