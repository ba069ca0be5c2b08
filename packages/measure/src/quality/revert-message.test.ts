import { describe, expect, it } from "vitest";
import { revertedCommits, revertedGitHubPr } from "./revert-message.js";

describe("revert messages", () => {
  it("finds git revert's sentence, also for a reverted merge", () => {
    expect(revertedCommits('Revert "Add cache"\n\nThis reverts commit 0123abcDEF4567.')).toEqual([
      "0123abcdef4567",
    ]);
    expect(
      revertedCommits(
        "This reverts commit aaaaaaa1, reversing\nchanges made to bbbbbbb2.\n\nThis reverts commit ccccccc3.",
      ),
    ).toEqual(["aaaaaaa1", "ccccccc3"]);
  });

  it("ignores messages that only mention reverting", () => {
    expect(revertedCommits("Do not revert commit abcdef1 again")).toEqual([]);
  });

  it("reads GitHub's revert PR body", () => {
    expect(revertedGitHubPr("Reverts acme/web#123\n\nBroke login")).toBe("github:acme/web#123");
    expect(revertedGitHubPr("This PR reverts acme/web#123")).toBeUndefined();
    expect(revertedGitHubPr(null)).toBeUndefined();
  });
});
