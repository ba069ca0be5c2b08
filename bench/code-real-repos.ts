/**
 * The code index on real repositories given as directories (e.g. snapshots made with the
 * search tool's `fetch` and `git archive`; never committed): full-index files/s and lines/s,
 * then in-process latency of `code search`, and of `code context` at call sites picked from
 * the indexed files (fixed seed). Run: npx tsc -b && node bench/code-real-repos.ts DIR [DIR…]
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  assembleContext,
  codeMigrations,
  indexRepositories,
  loadCl100kCounter,
  openCodeChunks,
  searchCode,
  TreeSitterLoader,
} from "@uplift/code";
import { coreMigrations, openSearchIndex, openStore, silentLogger } from "@uplift/core";

const roots = process.argv.slice(2).map((d) => path.resolve(d));
if (roots.length === 0) throw new Error("usage: node bench/code-real-repos.ts DIR [DIR…]");
const data = mkdtempSync(path.join(tmpdir(), "uplift-code-real-"));
const logger = silentLogger();
const store = await openStore({ dataDir: data, logger });
await store.migrate([...coreMigrations, ...codeMigrations]);
const searchIndex = await openSearchIndex({ dataDir: data, logger });
const loader = new TreeSitterLoader();

const start = performance.now();
const report = await indexRepositories(roots, { store, searchIndex, embedder: undefined, logger, loader });
const seconds = (performance.now() - start) / 1000;
const { rows } = await store.query<{ files: number; lines: number }>(
  "SELECT count(*)::int AS files, coalesce(sum(line_count), 0)::int AS lines FROM code_files",
);
const { files, lines } = rows[0] as { files: number; lines: number };
for (const r of report.repositories)
  console.log(
    `${r.repo}: ${r.files_indexed} files, ${r.chunks_written} chunks, ${r.symbols_written} symbols, skipped ${JSON.stringify(r.skipped)}`,
  );
console.log(
  `full index: ${seconds.toFixed(1)} s, ${(files / seconds).toFixed(0)} files/s, ${(lines / seconds).toFixed(0)} lines/s (${files} files, ${lines} lines)`,
);

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] as number;
async function time(label: string, n: number, run: (i: number) => Promise<unknown>) {
  await run(0);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run(i);
    ms.push(performance.now() - t);
  }
  console.log(
    `${label}: p50 ${percentile(ms, 0.5).toFixed(1)} ms, p95 ${percentile(ms, 0.95).toFixed(1)} ms (n=${n})`,
  );
}
const queries = [
  "render template",
  "url for",
  "handle request context",
  "json response",
  "route group",
  "parse form",
  "middleware recovery",
  "cookie session",
];
await time("code search (BM25, k=10)", 40, (i) =>
  searchCode(searchIndex, queries[i % queries.length] as string, { k: 10, embedder: undefined, logger }),
);

// call sites: `name(` in indexed files, one per file, fixed order
const sites: { file: string; line: number; column: number }[] = [];
const { rows: fileRows } = await store.query<{ root: string; path: string }>(
  "SELECT r.root, f.path FROM code_files f JOIN code_repos r ON r.name = f.repo WHERE f.parsed ORDER BY f.repo, f.path",
);
for (const { root, path: p } of fileRows) {
  const text = readFileSync(path.join(root, p), "utf8").split("\n");
  const line = text.findIndex(
    (l, i) => i > 20 && /\b[a-z_]\w*\(/.test(l) && !/^\s*(def|func|function)\b/.test(l),
  );
  if (line === -1) continue;
  const column = (/\b[a-z_]\w*\(/.exec(text[line] as string)?.index ?? 0) + 1;
  sites.push({ file: path.join(root, p), line: line + 1, column });
}
const { table } = await openCodeChunks(searchIndex, undefined, logger, { rebuild: false });
const counter = await loadCl100kCounter();
await time("code context (2,048 tokens) at call sites", Math.min(60, sites.length), (i) => {
  const site = sites[(i * 7) % sites.length] as (typeof sites)[0];
  return assembleContext(
    { file: site.file, cursor: { line: site.line, column: site.column }, budgetTokens: 2048 },
    { store, chunks: table, loader, counter, logger },
  );
});
await searchIndex.close();
await store.close();
rmSync(data, { recursive: true, force: true });
