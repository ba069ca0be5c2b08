import { Tiktoken } from "js-tiktoken/lite";
import ranks from "js-tiktoken/ranks/cl100k_base";
import { describe, expect, it } from "vitest";
import { loadCl100kTokenizer } from "./tokenizer.js";

describe("cl100k tokenizer", () => {
  const reference = new Tiktoken(ranks);
  const samples = [
    "",
    "Amazon EBS encryption is available on all current generation instance types.",
    "  leading spaces,\ttabs\t\tand   runs   of spaces  \n\n\n  then lines\r\n\r\nCRLF  ",
    "| Name | Type |\n|------|------|\n| `id` | string |\n",
    `${"-".repeat(300)}|${"=".repeat(120)}`,
    "aws s3api put-object --bucket my-bucket --key 'dir/file.txt' --body ./file.txt",
    "arn:aws:iam::123456789012:role/S3Access; https://docs.aws.amazon.com/AmazonS3/latest/API/Welcome.html",
    "It's they'll we've I'm she'd YOU'RE DON'T",
    "Zürich, naïve café — 東京 and 12345678 numbers, emoji 🚀🚀 and <|endoftext|> as text",
    "def f(x):\n    return x**2  # squared\n\n\n\nclass A:\n\tpass\n",
  ];

  it("counts exactly what js-tiktoken encodes, also on the second (remembered) pass", async () => {
    const tokenizer = await loadCl100kTokenizer();
    for (let pass = 0; pass < 2; pass++)
      for (const text of samples)
        expect(tokenizer.count(text), text).toBe(reference.encode(text, [], []).length);
  });

  it("counts a long text of mixed kinds exactly", async () => {
    const tokenizer = await loadCl100kTokenizer();
    const joined = samples.join(" ");
    expect(tokenizer.count(joined)).toBe(reference.encode(joined, [], []).length);
  });
});
