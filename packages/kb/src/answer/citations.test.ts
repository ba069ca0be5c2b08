import { describe, expect, it } from "vitest";
import { checkCitations } from "./citations.js";
import { splitAnswerSentences } from "./sentences.js";

const passages = [
  "Page the secondary after fifteen minutes without acknowledgement.",
  "Run the release pipeline, then watch the canary for ten minutes before promoting.",
  "Rollbacks use deploy undo and take about two minutes.",
];

describe("checkCitations", () => {
  it("renumbers citations in order of first use so [n] is the n-th citation", () => {
    const checked = checkCitations(
      "Watch the canary for ten minutes before promoting [2]. Roll back with deploy undo [3][2].",
      passages,
    );
    expect(checked).toMatchInlineSnapshot(`
      {
        "dropped": [],
        "grounded": true,
        "passages": [
          2,
          3,
        ],
        "text": "Watch the canary for ten minutes before promoting [1]. Roll back with deploy undo [2][1].",
        "unsupported": [],
      }
    `);
  });

  it("removes citation numbers that name no passage instead of letting them point elsewhere", () => {
    const checked = checkCitations(
      "Watch the canary for ten minutes [7]. Page the secondary [1, 0].",
      passages,
    );
    expect(checked.dropped).toEqual([7, 0]);
    expect(checked.text).toBe("Watch the canary for ten minutes. Page the secondary [1].");
    expect(checked.passages).toEqual([1]);
    expect(checked.grounded).toBe(false);
    expect(checked.unsupported).toEqual(["Watch the canary for ten minutes."]);
  });

  it("flags a sentence whose cited passage does not support it", () => {
    const checked = checkCitations("The database is sharded by customer region [1].", passages);
    expect(checked.passages).toEqual([1]);
    expect(checked.unsupported).toEqual(["The database is sharded by customer region [1]."]);
    expect(checked.grounded).toBe(false);
  });

  it("is not grounded when a sentence cites nothing", () => {
    const checked = checkCitations("Page the secondary after fifteen minutes [1]. Good luck!", passages);
    expect(checked.unsupported).toEqual(["Good luck!"]);
    expect(checked.grounded).toBe(false);
  });
});

describe("splitAnswerSentences", () => {
  it("keeps trailing citation markers with their sentence", () => {
    expect(splitAnswerSentences("Watch it. [1] Then promote [2].\n[3]")).toEqual([
      "Watch it. [1]",
      "Then promote [2]. [3]",
    ]);
  });
});
