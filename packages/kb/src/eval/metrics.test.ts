import { describe, expect, it } from "vitest";
import { meanScores, ndcgAt, recallAt, reciprocalRankAt } from "./metrics.js";

// Hand-computed (python3: math.log2):
//   DCG@10  = 2/log2(3) + 1/log2(5)            = 1.69253611…
//   IDCG@10 = 2/log2(2) + 1/log2(3) + 1/log2(4) = 3.13092975…
const ranking = ["d3", "d1", "d7", "d2"];
const judgments = new Map([
  ["d1", 2],
  ["d2", 1],
  ["d5", 1],
  ["d9", 0],
]);

describe("retrieval metrics", () => {
  it("computes nDCG with graded gains and a log2 discount", () => {
    expect(ndcgAt(ranking, judgments, 10)).toBeCloseTo(0.5405857679450102, 12);
    expect(ndcgAt(ranking, judgments, 3)).toBeCloseTo(0.4030302838010049, 12);
    expect(ndcgAt(["d1", "d2", "d5"], judgments, 10)).toBeCloseTo(1, 12);
  });

  it("computes recall over the judged relevant documents (grade > 0)", () => {
    expect(recallAt(ranking, judgments, 10)).toBeCloseTo(2 / 3, 12);
    expect(recallAt(ranking, judgments, 3)).toBeCloseTo(1 / 3, 12);
    expect(recallAt(["d9"], judgments, 10)).toBe(0);
  });

  it("computes the reciprocal rank of the first relevant document within k", () => {
    expect(reciprocalRankAt(ranking, judgments, 10)).toBe(0.5);
    expect(reciprocalRankAt(ranking, judgments, 1)).toBe(0);
    expect(reciprocalRankAt(["d9", "d7", "d5"], judgments, 10)).toBeCloseTo(1 / 3, 12);
  });

  it("averages over queries", () => {
    const other = { ranking: ["x"], judgments: new Map([["x", 1]]) };
    const scores = meanScores([{ ranking, judgments }, other], 10);
    expect(scores.n).toBe(2);
    expect(scores.ndcg).toBeCloseTo((0.5405857679450102 + 1) / 2, 12);
    expect(scores.recall).toBeCloseTo((2 / 3 + 1) / 2, 12);
    expect(scores.mrr).toBeCloseTo(0.75, 12);
  });

  it("scores 0 for a query without relevant judgments", () => {
    expect(ndcgAt(["a"], new Map([["a", 0]]), 10)).toBe(0);
    expect(meanScores([], 10)).toEqual({ ndcg: 0, recall: 0, mrr: 0, n: 0 });
  });
});
