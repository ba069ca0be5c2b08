import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scanAll } from "../test/scan.js";
import { joinUrl, markdownSource } from "./markdown.js";

function handbook(): string {
  const root = mkdtempSync(path.join(tmpdir(), "kb-md-"));
  const write = (file: string, content: string | Buffer) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  };
  write("deploy/canary.md", "---\ntitle: Canary releases\nowner: sre\n---\n# Ignored heading\n\nWatch it.\n");
  write("deploy/rollback.mdx", "Intro line\n\n## Rolling back\n\nRun `deploy undo`.\n");
  write("guides/setup.adoc", "= Setting up\n\nInstall Node 24.\n");
  write("guides/style.rst", "Code style\n==========\n\nUse Biome.\n");
  write("notes.txt", "not a document type");
  write(".git/HEAD.md", "# hidden");
  write("node_modules/pkg/README.md", "# dependency");
  write("My Page.md", "Setext title\n============\n\nBody.\n");
  write("broken.md", Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
  return root;
}

describe("markdown source", () => {
  it("reads .md/.mdx/.adoc/.rst files with titles from front matter or the first heading", async () => {
    const root = handbook();
    const { docs, skipped } = await scanAll(markdownSource, {
      name: "handbook",
      type: "markdown",
      path: root,
      acl: [],
      urlBase: "https://handbook.example/docs/",
    });
    expect(docs.map((d) => [d.id, d.title, d.format, d.url])).toEqual([
      ["My Page.md", "Setext title", "markdown", "https://handbook.example/docs/My%20Page.md"],
      ["deploy/canary.md", "Canary releases", "markdown", "https://handbook.example/docs/deploy/canary.md"],
      [
        "deploy/rollback.mdx",
        "Rolling back",
        "markdown",
        "https://handbook.example/docs/deploy/rollback.mdx",
      ],
      ["guides/setup.adoc", "Setting up", "asciidoc", "https://handbook.example/docs/guides/setup.adoc"],
      ["guides/style.rst", "Code style", "rst", "https://handbook.example/docs/guides/style.rst"],
    ]);
    expect(docs[1]?.text).toBe("# Ignored heading\n\nWatch it.\n");
    expect(docs[1]?.path).toBe("deploy/canary.md");
    expect(docs[1]?.updated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(skipped).toEqual([
      {
        where: path.join(root, "broken.md"),
        id: "broken.md",
        reason: expect.stringContaining("not valid UTF-8"),
      },
    ]);
  });

  it("falls back to the file name for a title and leaves url unset without --url-base", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "kb-md-"));
    writeFileSync(path.join(root, "faq.md"), "Just text.\n");
    const { docs } = await scanAll(markdownSource, { name: "h", type: "markdown", path: root, acl: [] });
    expect(docs).toEqual([
      expect.objectContaining({ id: "faq.md", title: "faq", text: "Just text.\n", source: "h" }),
    ]);
    expect(docs[0]?.url).toBeUndefined();
  });

  it("refuses a --path that is not a directory and a --url-base that is not http(s)", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "kb-md-"));
    await expect(
      markdownSource.check({ name: "h", type: "markdown", path: path.join(root, "nope"), acl: [] }),
    ).rejects.toThrow("not a directory");
    await expect(
      markdownSource.check({ name: "h", type: "markdown", path: root, acl: [], urlBase: "docs/" }),
    ).rejects.toThrow("--url-base docs/");
  });

  it("joins URL bases and encoded paths", () => {
    expect(joinUrl("https://x.example/a//", "b c/d#e.md")).toBe("https://x.example/a/b%20c/d%23e.md");
  });
});
