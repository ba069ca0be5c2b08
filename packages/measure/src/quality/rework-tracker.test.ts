import { describe, expect, it } from "vitest";
import type { PatchCommit, PatchFile } from "./patch-stream.js";
import { ReworkTracker } from "./rework-tracker.js";

const DAY = 86_400_000;
const start = Date.parse("2025-01-01T00:00:00Z");

function commit(sha: string, day: number, files: PatchFile[]): PatchCommit {
  return {
    sha,
    authorName: sha,
    authorEmail: `${sha}@example.com`,
    committedAt: new Date(start + day * DAY).toISOString(),
    files,
  };
}

const file = (path: string | null, newPath: string | null, hunks: number[]): PatchFile => ({
  oldPath: path,
  newPath,
  binary: false,
  hunks,
});

describe("ReworkTracker", () => {
  it("counts lines rewritten or deleted within 21 days against the landing that wrote them", () => {
    const tracker = new ReworkTracker();
    tracker.add(commit("a", 0, [file(null, "src/x.ts", [0, 0, 10])]));
    // day 5: rewrite lines 3-4 and delete line 9 of a's lines
    tracker.add(commit("b", 5, [file("src/x.ts", "src/x.ts", [3, 2, 2, 9, 1, 0])]));
    // day 30: rewrite b's two lines (25 days after b: outside b's window) and one of a's (30 days: outside)
    tracker.add(commit("c", 30, [file("src/x.ts", "src/x.ts", [2, 3, 1])]));
    const [a, b, c] = tracker.finish();
    expect(a).toMatchObject({ linesAdded: 10, linesReworked: 3, windowClosed: true });
    expect(b).toMatchObject({ linesAdded: 2, linesReworked: 0, windowClosed: true });
    expect(c).toMatchObject({ linesAdded: 1, linesReworked: 0, windowClosed: false });
  });

  it("follows renames, forgets deleted files and ignores lock files", () => {
    const tracker = new ReworkTracker();
    tracker.add(
      commit("a", 0, [file(null, "old.ts", [0, 0, 4]), file(null, "package-lock.json", [0, 0, 500])]),
    );
    tracker.add(
      commit("b", 1, [
        file("old.ts", "new.ts", [1, 1, 1]),
        file("package-lock.json", "package-lock.json", [1, 400, 2]),
      ]),
    );
    tracker.add(commit("c", 2, [file("new.ts", null, [1, 4, 0])]));
    const [a, b] = tracker.finish();
    expect(a).toMatchObject({ linesAdded: 4, linesReworked: 4 });
    expect(b).toMatchObject({ linesAdded: 1, linesReworked: 1 });
  });

  it("does not count a landing's own later lines or lines of unknown origin", () => {
    const tracker = new ReworkTracker();
    // the history starts with a file already there: an edit of its line 50 has no known writer
    tracker.add(commit("a", 0, [file("legacy.ts", "legacy.ts", [50, 1, 3])]));
    tracker.add(commit("b", 1, [file("legacy.ts", "legacy.ts", [40, 1, 1])]));
    const [a, b] = tracker.finish();
    expect(a).toMatchObject({ linesAdded: 3, linesReworked: 0 });
    expect(b).toMatchObject({ linesAdded: 1, linesReworked: 0 });
  });
});
