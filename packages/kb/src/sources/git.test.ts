import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanAll } from "../test/scan.js";
import { gitSource } from "./git.js";

function repo(remote?: string): string {
  const root = mkdtempSync(path.join(tmpdir(), "kb-git-"));
  const git = (...args: string[]) =>
    execFileSync("git", ["-C", root, ...args], {
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "t",
        GIT_AUTHOR_EMAIL: "t@example.com",
        GIT_COMMITTER_NAME: "t",
        GIT_COMMITTER_EMAIL: "t@example.com",
      },
    });
  git("init", "-q", "-b", "main");
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  };
  write("README.md", "# Handbook\n\nStart here.\n");
  write("docs/deploy/canary.md", "# Canary releases\n\nWatch the canary for ten minutes.\n");
  write("docs/style.rst", "Style\n=====\n\nUse Biome.\n");
  write("src/index.ts", "export {};\n");
  git("add", ".");
  git("commit", "-q", "-m", "docs");
  if (remote) git("remote", "add", "origin", remote);
  // uncommitted: ignored (documents at HEAD)
  write("docs/draft.md", "# Draft\n");
  write("README.md", "# Changed but not committed\n");
  return root;
}

describe("git source", () => {
  it("reads the Markdown of HEAD with GitHub blob URLs derived from the origin remote", async () => {
    const root = repo("git@github.com:acme/handbook.git");
    const { docs } = await scanAll(gitSource, { name: "hb", type: "git", path: root, acl: [] });
    expect(docs.map((d) => [d.id, d.title, d.url])).toEqual([
      ["README.md", "Handbook", "https://github.com/acme/handbook/blob/main/README.md"],
      [
        "docs/deploy/canary.md",
        "Canary releases",
        "https://github.com/acme/handbook/blob/main/docs/deploy/canary.md",
      ],
      ["docs/style.rst", "Style", "https://github.com/acme/handbook/blob/main/docs/style.rst"],
    ]);
    expect(docs[0]?.text).toBe("# Handbook\n\nStart here.\n");
  });

  it("reads only a folder of the repository when --path names it, with URLs from the repository root", async () => {
    const root = repo("https://gitlab.example.com/platform/handbook.git");
    const { docs } = await scanAll(gitSource, {
      name: "hb",
      type: "git",
      path: path.join(root, "docs"),
      acl: [],
    });
    expect(docs.map((d) => [d.id, d.url])).toEqual([
      ["deploy/canary.md", "https://gitlab.example.com/platform/handbook/-/blob/main/docs/deploy/canary.md"],
      ["style.rst", "https://gitlab.example.com/platform/handbook/-/blob/main/docs/style.rst"],
    ]);
  });

  it("uses --url-base instead of the remote, and no URL without either", async () => {
    const root = repo();
    const bare = await scanAll(gitSource, { name: "hb", type: "git", path: root, acl: [] });
    expect(bare.docs.map((d) => d.url)).toEqual([undefined, undefined, undefined]);
    const based = await scanAll(gitSource, {
      name: "hb",
      type: "git",
      path: root,
      acl: [],
      urlBase: "https://docs.example/hb",
    });
    expect(based.docs[1]?.url).toBe("https://docs.example/hb/docs/deploy/canary.md");
  });

  it("refuses a directory that is not a repository with a commit", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kb-git-"));
    await expect(gitSource.check({ name: "hb", type: "git", path: dir, acl: [] })).rejects.toThrow(
      "not a Git repository with a commit at HEAD",
    );
  });
});
