import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseGitLog, type RawCommit } from "./log-stream.js";

/** Prints commits as `git log --format=LOG_FORMAT --numstat` does. */
function gitLogText(commits: { fields: string[]; numstat: string[] }[]): string {
  return commits
    .map(
      ({ fields, numstat }) =>
        `\x1e${fields.map((f) => `${f}\0`).join("")}\n${numstat.length ? `\n${numstat.join("\n")}\n` : ""}`,
    )
    .join("");
}

async function parseAll(chunks: string[]): Promise<RawCommit[]> {
  async function* source() {
    for (const chunk of chunks) yield Buffer.from(chunk, "utf8");
  }
  const commits: RawCommit[] = [];
  for await (const commit of parseGitLog(source())) commits.push(commit);
  return commits;
}

const merge = {
  fields: [
    "a".repeat(40),
    `${"b".repeat(40)} ${"c".repeat(40)}`,
    "Ann",
    "ann@example.com",
    "2025-03-03T12:00:00+00:00",
    "GitHub",
    "noreply@github.com",
    "2025-03-03T12:00:01+00:00",
    "Merge pull request #1 from bob/login",
    "Add login\n\nwith a \x1e record separator in the body\n",
  ],
  numstat: ["3\t1\tsrc/login.ts", "-\t-\tlogo.png", "10\t0\tsrc/\\303\\251t\\303\\251.ts"],
};
const root = {
  fields: [
    "d".repeat(40),
    "",
    "Zoë",
    "zoe@example.com",
    "2025-03-01T09:00:00+05:30",
    "Zoë",
    "zoe@example.com",
    "2025-03-01T09:00:00+05:30",
    "Initial",
    "",
  ],
  numstat: [],
};

describe("parseGitLog", () => {
  it("reads fields, parents, numstat sums and binary files of each commit", async () => {
    const [first, second] = await parseAll([gitLogText([merge, root])]);
    expect(first).toMatchObject({
      sha: "a".repeat(40),
      parents: ["b".repeat(40), "c".repeat(40)],
      authorName: "Ann",
      committerEmail: "noreply@github.com",
      subject: "Merge pull request #1 from bob/login",
      body: "Add login\n\nwith a \x1e record separator in the body",
      additions: 13,
      deletions: 1,
      files: 3,
    });
    expect(second).toMatchObject({
      sha: "d".repeat(40),
      parents: [],
      authorName: "Zoë",
      additions: 0,
      files: 0,
    });
  });

  it("gives the same commits however the output is split into chunks, multi-byte characters included", async () => {
    const text = gitLogText([merge, root, merge]);
    const bytes = Buffer.from(text, "utf8");
    const whole = await parseAll([text]);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 12 }),
        async (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
          async function* source() {
            for (let i = 1; i < points.length; i++) yield bytes.subarray(points[i - 1], points[i]);
          }
          const commits: RawCommit[] = [];
          for await (const commit of parseGitLog(source())) commits.push(commit);
          expect(commits).toEqual(whole);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses output that ends inside a commit's fields", async () => {
    await expect(parseAll([gitLogText([merge]).slice(0, 60)])).rejects.toThrow(
      /ended inside a commit record/,
    );
  });

  it("reads nothing from empty output", async () => {
    expect(await parseAll([""])).toEqual([]);
  });
});
