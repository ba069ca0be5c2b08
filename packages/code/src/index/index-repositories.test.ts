import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  openSearchIndex,
  openStore,
  type SearchIndex,
  type SearchTable,
  type Store,
  searchFilter,
  silentLogger,
} from "@uplift/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TreeSitterLoader } from "../parse/tree-sitter-loader.js";
import { CODE_INDEX_MIGRATION, CODE_REPO_LAST_WALK_MIGRATION } from "../store/migrations.js";
import { type CodeChunkRowMetadata, openCodeChunks } from "./chunk-table.js";
import { type IndexDeps, indexRepositories } from "./index-repositories.js";

let work: string;
let store: Store;
let searchIndex: SearchIndex;
let chunks: SearchTable<CodeChunkRowMetadata>;
let shop: string;
let billing: string;
const loader = new TreeSitterLoader();
/** A clock a minute ahead: the files written by the test are not "changed too recently". */
const later = () => Date.now() + 60_000;

function write(root: string, files: Record<string, string | Uint8Array>) {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
}

function index(roots: string[], now: () => number = later) {
  const deps: IndexDeps = { store, searchIndex, embedder: undefined, logger: silent, loader, now };
  return indexRepositories(roots, deps);
}

const silent = silentLogger();

const fn = (name: string, body: string) => `export function ${name}(x: number): number {\n  ${body}\n}\n`;

async function storedCounts(repo: string) {
  const { rows } = await store.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM code_chunks WHERE repo = $1",
    [repo],
  );
  return { store: rows[0]?.n, searchIndex: await chunks.count(searchFilter.eq("repo", repo)) };
}

async function lastWalk(repo: string): Promise<unknown> {
  const { rows } = await store.query<{ last_walk: unknown }>(
    "SELECT last_walk FROM code_repos WHERE name = $1",
    [repo],
  );
  return rows[0]?.last_walk;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "uplift-index-"));
  shop = path.join(work, "shop");
  write(shop, {
    "package.json": '{"name":"@acme/shop"}\n',
    "src/cart.ts": fn("cartTotal", "return x * 2;"),
    "src/tax.ts": fn("taxOf", "return x / 5;"),
    "vendor/lib.js": "module.exports = 1;\n",
    "logo.ts": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
    "notes.md": "# notes\n",
  });
  execFileSync("git", ["init", "-q"], { cwd: shop });
  execFileSync("git", ["add", "-A"], { cwd: shop });
  billing = path.join(work, "billing");
  write(billing, {
    ".gitignore": "out/\n",
    "pay.py": "def pay(amount):\n    return amount\n",
    "out/x.py": "x = 1\n",
  });
  store = await openStore({ dataDir: path.join(work, "data") });
  await store.migrate([CODE_INDEX_MIGRATION, CODE_REPO_LAST_WALK_MIGRATION]);
  searchIndex = await openSearchIndex({ dataDir: path.join(work, "data") });
  chunks = (await openCodeChunks(searchIndex, undefined, silent, { rebuild: false })).table;
});

afterAll(async () => {
  await searchIndex?.close();
  await store?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("indexRepositories", () => {
  it("redacts secrets and personal data before anything is stored or indexed, keeping line numbers", async () => {
    const vault = path.join(work, "vault");
    const token = ["ghp", "_", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"].join("");
    write(vault, {
      "src/client.ts": `// maintained by jane.doe@example.com\nconst token = "${token}";\nexport function call(x: number): number {\n  return x;\n}\n`,
    });
    const report = await index([vault]);
    expect(report.repositories[0]?.redactions).toEqual({ EMAIL: 1, "SECRET:github": 1 });
    const { rows } = await store.query<{ content: string }>(
      "SELECT content FROM code_files WHERE repo = 'vault' AND path = 'src/client.ts'",
    );
    expect(rows[0]?.content).not.toContain(token);
    expect(rows[0]?.content).not.toContain("jane.doe@example.com");
    const hits = await chunks.search({
      mode: "bm25",
      text: "call",
      k: 10,
      filter: searchFilter.eq("repo", "vault"),
    });
    expect(hits.some((h) => (h.row.code ?? "").includes(token))).toBe(false);
    // the definition keeps its line
    const { rows: symbols } = await store.query<{ name: string; start_line: number }>(
      "SELECT name, start_line FROM code_symbols WHERE repo = 'vault'",
    );
    expect(symbols).toEqual([{ name: "call", start_line: 3 }]);
  });

  it("keeps no walk while files changed within the last seconds, then reports an unchanged repository as a walk would", async () => {
    // a clock one second after the last write: shop's files changed "just now"
    const justAfter = () => statSync(path.join(shop, "src/tax.ts")).mtimeMs + 1_000;
    const first = await index([shop, billing], justAfter);
    expect(first.repositories.map((r) => r.files_indexed)).toEqual([2, 1]);
    expect(await lastWalk("shop")).toBeNull();

    const walked = await index([shop, billing]);
    expect(walked.repositories.map((r) => r.files_indexed)).toEqual([0, 0]);
    expect(await lastWalk("shop")).toMatchObject({ files: 2 });

    const fromWalk = await index([shop, billing]);
    expect(JSON.stringify(fromWalk)).toBe(JSON.stringify(walked));
    expect(fromWalk.repositories[0]).toMatchObject({
      repo: "shop",
      files_seen: 6,
      files_unchanged: 2,
      skipped: { vendored: 1, binary: 1, unsupported: 2 }, // package.json, notes.md
      packages: [{ name: "@acme/shop", ecosystem: "npm", dir: "" }],
    });
  });

  it("reads no file of a repository whose listing and stats match its last walk", async () => {
    await index([shop]);
    // a stored hash that no longer matches would make a walk re-index the file
    await store.query(
      "UPDATE code_files SET content_hash = 'stale' WHERE repo = 'shop' AND path = 'src/tax.ts'",
    );
    expect((await index([shop])).repositories[0]?.files_indexed).toBe(0);
    const taxTs = path.join(shop, "src/tax.ts");
    const { atime, mtime } = statSync(taxTs);
    utimesSync(taxTs, atime, mtime); // same times, but the inode changed: its ctime moved
    expect((await index([shop])).repositories[0]).toMatchObject({ files_indexed: 1, files_unchanged: 1 });
  });

  it("re-indexes an edit that keeps the file's size and modification time", async () => {
    await index([shop]);
    const cartTs = path.join(shop, "src/cart.ts");
    const { atime, mtime } = statSync(cartTs);
    writeFileSync(cartTs, fn("cartTotal", "return x * 3;"));
    utimesSync(cartTs, atime, mtime);
    expect((await index([shop])).repositories[0]?.files_indexed).toBe(1);
    const { rows } = await store.query<{ content: string }>(
      "SELECT content FROM code_files WHERE repo = 'shop' AND path = 'src/cart.ts'",
    );
    expect(rows[0]?.content).toContain("x * 3");
  });

  it("picks up a new untracked file and drops a deleted one", async () => {
    await index([shop, billing]);
    write(billing, { "refund.py": "def refund(amount):\n    return -amount\n" });
    rmSync(path.join(billing, "pay.py"));
    const report = await index([shop, billing]);
    expect(report.repositories[1]).toMatchObject({ repo: "billing", files_indexed: 1, files_deleted: 1 });
    expect(await storedCounts("billing")).toEqual({ store: 1, searchIndex: 1 });
  });

  it("writes the changed files of several repositories together, leaving no stale chunk behind", async () => {
    await index([shop, billing]);
    write(shop, { "src/tax.ts": `${fn("taxOf", "return x / 4;")}\n${fn("taxFree", "return 0;")}` });
    write(billing, {
      "refund.py": "def refund(amount):\n    return 0\n\n\ndef void(amount):\n    return None\n",
    });
    const report = await index([shop, billing]);
    expect(report.repositories.map((r) => r.files_indexed)).toEqual([1, 1]);
    expect(await storedCounts("shop")).toEqual({ store: 3, searchIndex: 3 });
    expect(await storedCounts("billing")).toEqual({ store: 2, searchIndex: 2 });
    const hits = await chunks.search({ mode: "bm25", text: "taxFree", k: 3 });
    expect(hits[0]?.row.symbol).toBe("taxFree");
  });
});
