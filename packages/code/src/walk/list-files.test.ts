import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { listRepositories, listRepositoryFiles } from "./list-files.js";

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "uplift-walk-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const FILES = {
  ".gitignore": "build/\n*.log\n",
  "src/a.ts": "export const a = 1;\n",
  "build/out.js": "x\n",
  "debug.log": "x\n",
  "pkg/.gitignore": "secret.py\n",
  "pkg/secret.py": "x = 1\n",
  "pkg/ok.py": "y = 2\n",
};

describe("listRepositoryFiles", () => {
  it("applies nested .gitignore files outside Git", async () => {
    const listing = await listRepositoryFiles(tree(FILES));
    expect(listing.source).toBe("gitignore");
    expect(listing.paths).toEqual([".gitignore", "pkg/.gitignore", "pkg/ok.py", "src/a.ts"]);
  });

  it("lists tracked and untracked files that Git does not ignore", async () => {
    const root = tree(FILES);
    execFileSync("git", ["init", "-q"], { cwd: root });
    execFileSync("git", ["add", "src/a.ts"], { cwd: root });
    writeFileSync(path.join(root, "src/untracked.ts"), "export {};\n");
    const listing = await listRepositoryFiles(root);
    expect(listing.source).toBe("git");
    expect(listing.paths).toEqual([
      ".gitignore",
      "pkg/.gitignore",
      "pkg/ok.py",
      "src/a.ts",
      "src/untracked.ts",
    ]);
  });

  it("lists many roots in order, each by Git or by its .gitignore files", async () => {
    const inGit = (files: Record<string, string>) => {
      const root = tree(files);
      execFileSync("git", ["init", "-q"], { cwd: root });
      return root;
    };
    const roots = [inGit({ "a.ts": "" }), tree(FILES), inGit({ "b.py": "", "c/d.go": "" })];
    const listings = await listRepositories(roots);
    expect(listings).toEqual([
      { paths: ["a.ts"], source: "git" },
      { paths: [".gitignore", "pkg/.gitignore", "pkg/ok.py", "src/a.ts"], source: "gitignore" },
      { paths: ["b.py", "c/d.go"], source: "git" },
    ]);
  });

  it("rejects a path that is not a directory, naming it", async () => {
    const root = tree({ "file.ts": "x" });
    await expect(listRepositoryFiles(path.join(root, "file.ts"))).rejects.toThrow(
      /file\.ts: not a directory/,
    );
    await expect(listRepositoryFiles(path.join(root, "missing"))).rejects.toThrow(
      /missing: no such directory/,
    );
  });
});
