import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readQrels, readQueries } from "./eval-files.js";
import { evaluateRetrieval } from "./run-eval.js";

const dir = mkdtempSync(path.join(tmpdir(), "kb-eval-"));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe("eval files", () => {
  it("reads queries.jsonl and qrels.tsv (3 columns, or TREC's 4)", async () => {
    const queries = await readQueries(
      file("q.jsonl", '{"id":"q1","text":"canary"}\n\n{"id":2,"text":"pager"}\n'),
    );
    expect(queries).toEqual([
      { id: "q1", text: "canary" },
      { id: "2", text: "pager" },
    ]);
    const qrels = await readQrels(file("qrels.tsv", "q1\tdeploy\t2\nq1\toncall\t0\n2 0 oncall 1\n"));
    expect(qrels).toEqual(
      new Map([
        [
          "q1",
          new Map([
            ["deploy", 2],
            ["oncall", 0],
          ]),
        ],
        ["2", new Map([["oncall", 1]])],
      ]),
    );
  });

  it("reads BEIR's files as they are published: `_id` and a qrels header", async () => {
    const queries = await readQueries(
      file("beir-q.jsonl", '{"_id":"7","text":"what is a canary?","metadata":{}}\n'),
    );
    expect(queries).toEqual([{ id: "7", text: "what is a canary?" }]);
    const qrels = await readQrels(file("beir-qrels.tsv", "query-id\tcorpus-id\tscore\n7\tdeploy\t1\n"));
    expect(qrels).toEqual(new Map([["7", new Map([["deploy", 1]])]]));
  });

  it.each([
    ["q.jsonl", '{"id":"q1"}', readQueries, ':1: field "text"'],
    [
      "q.jsonl",
      '{"id":"q1","text":"a"}\n{"id":"q1","text":"b"}',
      readQueries,
      ':2: field "id": "q1" repeats',
    ],
    ["qrels.tsv", "q1\tdeploy\n", readQrels, ":1: expected query_id<TAB>doc_id<TAB>relevance"],
    ["qrels.tsv", "q1\tdeploy\thigh\n", readQrels, ':1: column 3 (relevance): "high"'],
  ] as const)("rejects a bad %s line naming file:line", async (name, content, read, message) => {
    const p = file(`${Math.random().toString(36).slice(2)}-${name}`, content);
    await expect(read(p)).rejects.toThrow(`${p}${message}`);
  });

  it("names a missing file", async () => {
    await expect(readQueries(path.join(dir, "none.jsonl"))).rejects.toThrow("--queries");
  });

  it("evaluates only queries with a relevant judgment and counts the rest", async () => {
    const qrels = new Map([
      ["q1", new Map([["a", 1]])],
      ["q2", new Map([["b", 0]])],
      ["q9", new Map([["c", 1]])],
    ]);
    const result = await evaluateRetrieval(
      [
        { id: "q1", text: "alpha" },
        { id: "q2", text: "beta" },
        { id: "q3", text: "gamma" },
      ],
      qrels,
      10,
      async () => ["x", "a"],
    );
    expect(result).toEqual({
      ndcg: 1 / Math.log2(3),
      recall: 1,
      mrr: 0.5,
      n: 1,
      k: 10,
      skipped: { noRelevantJudgment: 2, judgedButMissing: 1 },
    });
  });
});
