import { mkdtempSync, writeFileSync } from "node:fs";
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
