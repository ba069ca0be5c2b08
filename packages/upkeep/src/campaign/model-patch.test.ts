import { describe, expect, it } from "vitest";
import { compareExports } from "./api-diff.js";
import { parseRemote } from "./forge-remote.js";
import { addedLines, parseModelAnswer } from "./model-patch.js";

describe("model answers", () => {
  const answer =
    "The default export is gone.\n\n```diff\n--- a/render.js\n+++ b/render.js\n@@ -1,2 +1,2 @@\n" +
    '-const marked = require("marked");\n+const { marked } = require("marked");\n \n```\nThat is all.';

  it("splits the reasoning from the fenced diff", () => {
    const parsed = parseModelAnswer(answer);
    expect(parsed.reasoning).toBe("The default export is gone.\n\n\nThat is all.");
    expect(parsed.patch.startsWith("--- a/render.js\n")).toBe(true);
  });

  it("returns no patch when the answer has no diff", () => {
    expect(parseModelAnswer("I cannot fix this.")).toEqual({ reasoning: "I cannot fix this.", patch: "" });
  });

  it("lists the lines a patch adds, with their new line numbers", () => {
    expect(addedLines(parseModelAnswer(answer).patch)).toEqual([
      { path: "render.js", line: 1, text: 'const { marked } = require("marked");' },
    ]);
  });
});

describe("exported API comparison", () => {
  it("reports removed, changed and added names", () => {
    const before = new Map([
      ["export =", "module.exports = marked"],
      ["parse", "function parse(a: string): string"],
    ]);
    const after = new Map([
      ["parse", "function parse(a: string, o?: Options): string"],
      ["marked", "function marked(src: string): string"],
    ]);
    expect(compareExports(before, after).map((c) => `${c.kind} ${c.name}`)).toEqual([
      "removed export =",
      "changed parse",
      "added marked",
    ]);
  });
});

describe("remotes", () => {
  it("recognises GitHub, GitLab and plain Git remotes", () => {
    expect(parseRemote("git@github.com:acme/web.git")).toEqual({
      kind: "github",
      project: "acme/web",
      host: "github.com",
    });
    expect(parseRemote("https://gitlab.example.com/grp/sub/api.git")).toMatchObject({
      kind: "gitlab",
      project: "grp/sub/api",
    });
    expect(parseRemote("/srv/git/web.git")).toEqual({ kind: "git" });
    expect(parseRemote("file:///srv/git/web.git")).toEqual({ kind: "git" });
    expect(parseRemote(undefined)).toEqual({ kind: "git" });
  });
});
