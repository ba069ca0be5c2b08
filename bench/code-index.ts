/**
 * Code index throughput and query latency on a synthetic organisation (generated, fixed seed):
 * REPOS repositories of TypeScript, Python and Go files, each repository importing the
 * previous one's package. Prints full-index files/s and lines/s, a no-change and a 10-file
 * incremental re-index, and in-process p50/p95 of `code search`, `code context` and `code similar`.
 * Run: npx tsc -b && node bench/code-index.ts [repos=20] [filesPerRepo=60]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  assembleContext,
  CodeIndexReader,
  codeMigrations,
  findSimilarCode,
  indexRepositories,
  loadCl100kCounter,
  openCodeChunks,
  searchCode,
  TreeSitterLoader,
} from "@uplift/code";
import { coreMigrations, createLogger, openSearchIndex, openStore, silentLogger } from "@uplift/core";

const REPOS = Number(process.argv[2] ?? 20);
const FILES = Number(process.argv[3] ?? 60);
const work = mkdtempSync(path.join(tmpdir(), "uplift-code-bench-"));
let seed = 7;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor((seed / 2 ** 31) * n);
};
const WORDS =
  "amount order invoice customer payment ledger account balance currency tax rate discount cart item price stock shipment address user session token cache queue retry limit batch report".split(
    " ",
  );
const word = () => WORDS[rand(WORDS.length)] as string;
const camel = (...ws: string[]) => ws.map((w, i) => (i ? w[0]?.toUpperCase() + w.slice(1) : w)).join("");

function tsFile(repo: number, file: number): string {
  const lines = [
    `import { ${camel("compute", WORDS[repo % WORDS.length] as string)} } from "@org/pkg${Math.max(0, repo - 1)}";`,
    "",
  ];
  for (let f = 0; f < 12; f++) {
    const name = camel(word(), word(), String(file * 100 + f));
    lines.push(
      `/** ${word()} ${word()} for the ${word()} service. */`,
      `export function ${name}(${word()}: number, ${word()}Id: string): number {`,
    );
    for (let s = 0; s < 8; s++)
      lines.push(`  const ${word()}${s} = ${word()}Id.length * ${rand(100)} + ${rand(10)};`);
    lines.push(`  return ${camel("compute", WORDS[repo % WORDS.length] as string)}(${rand(1000)});`, "}", "");
  }
  return lines.join("\n");
}
function pyFile(file: number): string {
  const lines = ["import os", "from typing import List", ""];
  for (let f = 0; f < 12; f++) {
    lines.push(
      `def ${word()}_${word()}_${file * 100 + f}(${word()}, ${word()}_id):`,
      `    """${word()} ${word()}."""`,
    );
    for (let s = 0; s < 8; s++) lines.push(`    ${word()}_${s} = len(str(${rand(100)})) * ${rand(10)}`);
    lines.push(`    return ${rand(100)}`, "");
  }
  return lines.join("\n");
}
function goFile(file: number): string {
  const lines = ["package svc", "", 'import "fmt"', ""];
  for (let f = 0; f < 12; f++) {
    lines.push(
      `// ${camel(word(), String(f))} does things.`,
      `func ${camel("Do", word(), word(), String(file * 100 + f))}(${word()} int) string {`,
    );
    for (let s = 0; s < 8; s++) lines.push(`\t${word()}${s} := ${rand(100)} * ${rand(10)}`);
    lines.push(`\treturn fmt.Sprint(${rand(100)})`, "}", "");
  }
  return lines.join("\n");
}

let totalLines = 0;
const roots: string[] = [];
for (let r = 0; r < REPOS; r++) {
  const root = path.join(work, `repo${r}`);
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
    totalLines += text.split("\n").length;
  };
  write("package.json", JSON.stringify({ name: `@org/pkg${r}` }));
  write(
    "src/compute.ts",
    `export function ${camel("compute", WORDS[(r + 1) % WORDS.length] as string)}(x: number): number {\n  return x * 2;\n}\n`,
  );
  for (let f = 0; f < FILES; f++) {
    const kind = f % 3;
    if (kind === 0) write(`src/mod${f}.ts`, tsFile(r, f));
    else if (kind === 1) write(`py/mod${f}.py`, pyFile(f));
    else write(`go/mod${f}.go`, goFile(f));
  }
  execFileSync("git", ["init", "-q"], { cwd: root });
  execFileSync("git", ["add", "-A"], { cwd: root });
  roots.push(root);
}
const totalFiles = REPOS * (FILES + 2);
console.log(`synthetic org: ${REPOS} repos, ${totalFiles} files, ${totalLines} lines in ${work}`);

// BENCH_LOG=info shows the index's own timings (e.g. "search indexes up to date") on stderr
const logger = process.env.BENCH_LOG ? createLogger({ level: process.env.BENCH_LOG }) : silentLogger();
const store = await openStore({ dataDir: path.join(work, "data"), logger });
await store.migrate([...coreMigrations, ...codeMigrations]);
const searchIndex = await openSearchIndex({ dataDir: path.join(work, "data"), logger });
const loader = new TreeSitterLoader();
const deps = { store, searchIndex, embedder: undefined, logger, loader };

let t = performance.now();
const full = await indexRepositories(roots, deps);
const fullMs = performance.now() - t;
const chunks = full.repositories.reduce((s, r) => s + r.chunks_written, 0);
console.log(
  `full index: ${(fullMs / 1000).toFixed(1)} s, ${(totalFiles / (fullMs / 1000)).toFixed(0)} files/s, ${(totalLines / (fullMs / 1000)).toFixed(0)} lines/s, ${chunks} chunks`,
);
t = performance.now();
await indexRepositories(roots, deps);
console.log(`re-index, nothing changed: ${((performance.now() - t) / 1000).toFixed(2)} s`);
for (let i = 0; i < 10; i++)
  writeFileSync(path.join(roots[i % REPOS] as string, `src/mod${(i * 3) % FILES}.ts`), tsFile(99, 500 + i));
t = performance.now();
const incremental = await indexRepositories(roots, deps);
console.log(
  `re-index after 10 changed files: ${((performance.now() - t) / 1000).toFixed(2)} s (${incremental.repositories.reduce((s, r) => s + r.files_indexed, 0)} re-indexed)`,
);

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] as number;
async function time(label: string, n: number, run: (i: number) => Promise<unknown>) {
  await run(0);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run(i);
    ms.push(performance.now() - start);
  }
  console.log(
    `${label}: p50 ${percentile(ms, 0.5).toFixed(1)} ms, p95 ${percentile(ms, 0.95).toFixed(1)} ms (n=${n})`,
  );
}
await time("code search (BM25, k=10)", 50, (i) =>
  searchCode(searchIndex, `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}`, {
    k: 10,
    embedder: undefined,
    logger,
  }),
);
const { table } = await openCodeChunks(searchIndex, undefined, logger, { rebuild: false });
const counter = await loadCl100kCounter();
await time("code context (2,048 tokens)", 50, (i) =>
  assembleContext(
    {
      file: path.join(roots[1 + (i % (REPOS - 1))] as string, "src/mod3.ts"),
      cursor: { line: 12 + (i % 40), column: 1 },
      budgetTokens: 2048,
    },
    { store, chunks: table, loader, counter, logger },
  ),
);
const reader = new CodeIndexReader(store);
await time("code similar (one function)", 50, (i) =>
  findSimilarCode(
    reader,
    {
      code: tsFile(i % REPOS, 3)
        .split("\n")
        .slice(2, 14)
        .join("\n"),
      language: "typescript",
    },
    { threshold: 0.5, k: 10 },
  ),
);
await searchIndex.close();
await store.close();
rmSync(work, { recursive: true, force: true });
