import { describe, expect, it } from "vitest";
import { extractiveAnswer, NOT_FOUND_ANSWER } from "./extractive.js";
import type { Passage } from "./passage.js";

const passage = (n: number, text: string): Passage => ({
  n,
  doc_id: `d${n}`,
  chunk_id: `c${n}`,
  source: "wiki",
  title: `Doc ${n}`,
  url: null,
  heading_path: "",
  text,
});

describe("extractiveAnswer", () => {
  it("answers with the passage sentences that cover the question best, each with its [n]", () => {
    const answer = extractiveAnswer("How long should I watch the canary before promoting?", [
      passage(1, "Deploys run from the release pipeline. Nobody deploys on Fridays."),
      passage(2, "Watch the canary for ten minutes before promoting. The canary gets 5% of traffic."),
    ]);
    expect(answer.text).toBe(
      "Watch the canary for ten minutes before promoting. [2] The canary gets 5% of traffic. [2]",
    );
  });

  it("shows the sentences as plain text: link words kept, addresses, escapes and anchors gone", () => {
    const answer = extractiveAnswer("Is EBS encryption available on M3 instances?", [
      passage(
        1,
        'Amazon EBS encryption is available on all [current generation](instance-types.md#current) instance types and M3\\. <a name="x"></a>',
      ),
    ]);
    expect(answer.text).toBe(
      "Amazon EBS encryption is available on all current generation instance types and M3. [1]",
    );
  });

  it("says it could not find the answer when no sentence shares a term with the question", () => {
    expect(
      extractiveAnswer("vacation policy?", [passage(1, "Deploys run from the release pipeline.")]).text,
    ).toBe(NOT_FOUND_ANSWER);
  });
});
