import { describe, expect, it } from "vitest";
import { reciprocalRankFusion } from "./rrf.js";

describe("reciprocalRankFusion", () => {
  it("sums 1/(k + rank) over the lists, with k = 60 by default", () => {
    // a: 1/61 + 1/63; b: 1/62 + 1/61; c: 1/63 + 1/62 (hand computed, Cormack et al. 2009 eq. 1).
    const fused = reciprocalRankFusion([
      ["a", "b", "c"],
      ["b", "c", "a"],
    ]);
    expect(fused.map((f) => f.id)).toEqual(["b", "a", "c"]);
    expect(fused[0]?.score).toBeCloseTo(1 / 62 + 1 / 61, 15);
    expect(fused[1]?.score).toBeCloseTo(1 / 61 + 1 / 63, 15);
    expect(fused[2]?.score).toBeCloseTo(1 / 63 + 1 / 62, 15);
  });

  it("ranks an item found by one list only below one found by both", () => {
    const fused = reciprocalRankFusion([["solo", "both"], ["both"]]);
    expect(fused).toEqual([
      { id: "both", score: 1 / 62 + 1 / 61 },
      { id: "solo", score: 1 / 61 },
    ]);
  });

  it("uses the given k", () => {
    const fused = reciprocalRankFusion([["a", "b"]], { k: 0 });
    expect(fused).toEqual([
      { id: "a", score: 1 },
      { id: "b", score: 0.5 },
    ]);
  });

  it("multiplies each list's contribution by its weight", () => {
    // x: 1/61 + 2/63 = 0.048139…; y: 1/62 + 2/62 = 0.048387… → y first; without weights x is first.
    const lists = [
      ["x", "y"],
      ["z", "y", "x"],
    ];
    expect(reciprocalRankFusion(lists).map((f) => f.id)).toEqual(["x", "y", "z"]);
    const weighted = reciprocalRankFusion(lists, { weights: [1, 2] });
    expect(weighted.map((f) => f.id)).toEqual(["y", "x", "z"]);
    expect(weighted[0]?.score).toBeCloseTo(3 / 62, 15);
    expect(weighted[1]?.score).toBeCloseTo(1 / 61 + 2 / 63, 15);
  });

  it("counts a repeated id at its first position only", () => {
    expect(reciprocalRankFusion([["a", "a", "b"]])).toEqual([
      { id: "a", score: 1 / 61 },
      { id: "b", score: 1 / 63 },
    ]);
  });

  it("breaks ties by the best rank reached, then by id", () => {
    // a and b tie at 1/61 (best rank 1), r and s at 1/62 (best rank 2): each pair comes out in id order.
    const fused = reciprocalRankFusion([
      ["a", "s"],
      ["b", "r"],
    ]);
    expect(fused.map((f) => f.id)).toEqual(["a", "b", "r", "s"]);
    // With k = 0, z and b score 1/1 and a scores 1/2 + 1/2: a reached rank 2 only, so it comes last.
    expect(
      reciprocalRankFusion(
        [
          ["z", "a"],
          ["b", "a"],
        ],
        { k: 0 },
      ).map((f) => f.id),
    ).toEqual(["b", "z", "a"]);
  });

  it("rejects weights that do not match the lists", () => {
    expect(() => reciprocalRankFusion([["a"], ["b"]], { weights: [1] })).toThrow(/1 weights for 2 lists/);
  });

  it("returns nothing for no lists", () => {
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});
