import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCallSites, importLines } from "./call-sites.js";

describe("call sites without a code index", () => {
  it("finds the import and the uses of the local name, not comments or docstrings", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "uplift-call-sites-"));
    writeFileSync(
      path.join(dir, "fetcher.py"),
      '"""Uses requests for HTTP."""\nimport requests\n\n# requests.get is mocked in tests\ndef get(u):\n    return requests.get(u)\n',
    );
    writeFileSync(path.join(dir, "other.py"), "import json\n");
    const found = await findCallSites(dir, "PyPI", "requests", []);
    expect(found.source).toBe("grep");
    expect(found.sites.map((s) => `${s.path}:${s.line}`)).toEqual(["fetcher.py:2", "fetcher.py:6"]);
  });

  it("reads the names bound by CommonJS and ESM imports", () => {
    const js = [
      'const marked = require("marked");',
      'import { parse as parseMd, Lexer } from "marked";',
      'import "marked/lib/x.js";',
      'const other = require("marked-extra");',
    ].join("\n");
    const found = importLines(js, "npm", "marked");
    expect([...found.lines]).toEqual([1, 2, 3]);
    expect([...found.names].sort()).toEqual(["Lexer", "marked", "parseMd"]);
  });
});

describe("call sites from the code index", () => {
  it("reads the imports of the package and its subpaths from the index, and nothing else", async () => {
    const { codeMigrations, indexRepositories, TreeSitterLoader } = await import("@uplift/code");
    const { coreMigrations, openSearchIndex, openStore, silentLogger } = await import("@uplift/core");
    const dir = mkdtempSync(path.join(tmpdir(), "uplift-call-sites-index-"));
    const repo = path.join(dir, "web");
    mkdirSync(path.join(repo, "src"), { recursive: true });
    writeFileSync(
      path.join(repo, "src/render.ts"),
      'import { marked } from "marked";\nimport { Lexer } from "marked/lib/lexer";\n\nexport const html = (s: string) => marked(s);\nexport const tokens = (s: string) => new Lexer().lex(s);\n',
    );
    // a package whose name only starts like it, and LIKE's wildcard in a name, must not match
    writeFileSync(
      path.join(repo, "src/extra.ts"),
      'import ext from "marked-extra";\nexport const e = ext;\n',
    );
    const logger = silentLogger();
    const store = await openStore({ dataDir: path.join(dir, "data"), logger });
    await store.migrate([...coreMigrations, ...codeMigrations]);
    const searchIndex = await openSearchIndex({ dataDir: path.join(dir, "data"), logger });
    try {
      await indexRepositories([repo], {
        store,
        searchIndex,
        embedder: undefined,
        logger,
        loader: new TreeSitterLoader(),
      });
      const found = await findCallSites(repo, "npm", "marked", [], store);
      expect(found.source).toBe("code-index");
      expect(found.sites.map((s) => `${s.path}:${s.line}`)).toEqual([
        "src/render.ts:1",
        "src/render.ts:2",
        "src/render.ts:4",
        "src/render.ts:5",
      ]);
      expect((await findCallSites(repo, "npm", "mark_d", [], store)).sites).toEqual([]);
      // a repository that is not indexed falls back to reading its files
      expect((await findCallSites(dir, "npm", "marked", [], store)).source).toBe("grep");
    } finally {
      await searchIndex.close();
      await store.close();
    }
  });
});
