import { describe, expect, it } from "vitest";
import { splitSentences } from "./chunker.js";

describe("splitSentences", () => {
  it("never ends a sentence at the hard wrap of a Markdown paragraph", () => {
    const text =
      "Tokens are stored as SHA-256 hashes. The health route always answers 200 while the\nprocess serves. Details are elsewhere.";
    expect(splitSentences(text)).toEqual([
      "Tokens are stored as SHA-256 hashes.",
      "The health route always answers 200 while the process serves.",
      "Details are elsewhere.",
    ]);
  });

  it("ends a sentence before one that opens with emphasis or code", () => {
    expect(splitSentences("Objects are at most 5 TB.  \n*Required*: No. `aws s3 ls` lists them.")).toEqual([
      "Objects are at most 5 TB.",
      "*Required*: No.",
      "`aws s3 ls` lists them.",
    ]);
  });

  it("keeps headings, list items and table rows as their own lines", () => {
    const text = "## Tokens\nStored hashed.\n- first item\n- second item\n| a | b |\n| 1 | 2 |";
    expect(splitSentences(text)).toEqual([
      "## Tokens",
      "Stored hashed.",
      "- first item",
      "- second item",
      "| a | b |",
      "| 1 | 2 |",
    ]);
  });
});
