/**
 * Cross-file context recall (issue 7's evidence): does the assembled context contain the
 * definition of the function the developer is calling, when it lives in another file or another
 * repository? Run on real repositories given as directories (e.g. a library and its users,
 * snapshots made with the search tool's `fetch`; never committed):
 *
 *   npx tsc -b && node bench/code-crossfile.ts [--sites 300] [--seed 1] [--misses] [--all-calls] DIR [DIR…]
 *
 * Each DIR is copied to a temp dir and indexed as one organisation. Held-out call sites: every
 * `name(` in a TS/JS file whose callee is a top-level function/class defined in another file of
 * the index (at most 3 definitions of that name, so the target is unambiguous; not the callee's
 * own file; not a method call `x.name(`, not a name the file declares with const/let/var: those
 * call something else than the namesake, `--all-calls` keeps them as the first version did).
 * A site is sampled (fixed seed), the open file is cut right after `name(` (the
 * developer has just typed the call) and `code context` assembles context at 1k, 2k and 4k
 * tokens. A hit: a snippet that covers the definition's first line.
 * Baseline, what IDE assistants do today: the open tabs are up to 20 files of the same
 * repository (the file's directory siblings and the files it imports relatively); 20-line
 * windows of them (stride 10) ranked by word-set Jaccard with the 20 lines above the cursor,
 * packed best-first into the same budget (Copilot's "neighboring tabs" snippets).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  assembleContext,
  codeMigrations,
  indexRepositories,
  loadCl100kCounter,
  openCodeChunks,
  TreeSitterLoader,
} from "@uplift/code";
import { coreMigrations, openSearchIndex, openStore, silentLogger } from "@uplift/core";
import { mulberry32 } from "./seeded-random.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sites: { type: "string", default: "300" },
    seed: { type: "string", default: "1" },
    misses: { type: "boolean", default: false },
    "all-calls": { type: "boolean", default: false },
  },
});
if (positionals.length === 0) throw new Error("usage: node bench/code-crossfile.ts [--sites N] DIR [DIR…]");
const BUDGETS = [1024, 2048, 4096] as const;
/** `--all-calls`: the first version's sites, member calls and calls to locally declared names included. */
const legacy = values["all-calls"];
const WINDOW = 20;
const MAX_TABS = 20;

const work = mkdtempSync(path.join(tmpdir(), "uplift-crossfile-"));
const roots = positionals.map((dir) => {
  const copy = path.join(work, "repos", path.basename(path.resolve(dir)));
  cpSync(path.resolve(dir), copy, { recursive: true });
  return copy;
});
const logger = silentLogger();
const store = await openStore({ dataDir: path.join(work, "data"), logger });
await store.migrate([...coreMigrations, ...codeMigrations]);
const searchIndex = await openSearchIndex({ dataDir: path.join(work, "data"), logger });
const loader = new TreeSitterLoader();
const counter = await loadCl100kCounter();
const report = await indexRepositories(roots, { store, searchIndex, embedder: undefined, logger, loader });
const { table: chunks } = await openCodeChunks(searchIndex, undefined, logger, { rebuild: false });
const rootOf = new Map(
  report.repositories.map((r) => [r.repo, roots.find((p) => path.basename(p) === r.repo)]),
);

interface Definition {
  repo: string;
  path: string;
  start_line: number;
}
const { rows: symbolRows } = await store.query<Definition & { name: string }>(
  `SELECT repo, path, name, start_line FROM code_symbols
   WHERE top_level AND kind IN ('function', 'class') AND length(name) >= 4`,
);
const definitionsOf = new Map<string, Definition[]>();
for (const s of symbolRows) definitionsOf.set(s.name, [...(definitionsOf.get(s.name) ?? []), s]);
const { rows: files } = await store.query<{ repo: string; path: string; content: string }>(
  `SELECT repo, path, content FROM code_files
   WHERE language IN ('typescript', 'tsx', 'javascript') ORDER BY repo, path`,
);

interface Site {
  repo: string;
  path: string;
  line: number;
  column: number;
  name: string;
  targets: Definition[];
  crossRepo: boolean;
}
const sites: Site[] = [];
const call = /\b([A-Za-z_$][\w$]*)\s*\(/g;
for (const file of files) {
  const lines = file.content.split("\n");
  // names the file declares itself (`const getCache = () => …`, `let resolve`): a call to one
  // of them is a call to the local value, whatever namesakes other files define
  const declared = new Set(
    [...file.content.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]),
  );
  lines.forEach((text, i) => {
    if (/^\s*(import|export\s+\{|\/\/|\*|\/\*)/.test(text) || /\bfunction\b|\bclass\b/.test(text)) return;
    for (const m of text.matchAll(call)) {
      const name = m[1] as string;
      const defs = definitionsOf.get(name);
      if (!defs || defs.length > 3 || defs.some((d) => d.repo === file.repo && d.path === file.path))
        continue;
      // a method call (`context.waitUntil(`) is not a call to a top-level function
      if (legacy === false && (declared.has(name) || /[.]\s*$/.test(text.slice(0, m.index)))) continue;
      sites.push({
        repo: file.repo,
        path: file.path,
        line: i + 1,
        column: (m.index ?? 0) + m[0].length + 1,
        name,
        targets: defs,
        crossRepo: defs.every((d) => d.repo !== file.repo),
      });
    }
  });
}

// fixed-seed sample
const random = mulberry32(Number(values.seed));
for (let i = sites.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [sites[i], sites[j]] = [sites[j] as Site, sites[i] as Site];
}
const sample = sites.slice(0, Number(values.sites));
const contentOf = new Map(files.map((f) => [`${f.repo}/${f.path}`, f.content]));

const words = (text: string) => new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? []);
function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared === 0 ? 0 : shared / (a.size + b.size - shared);
}

/** The files an IDE would have open next to `site`: directory siblings and relative imports. */
function openTabs(site: Site, prefix: string): string[] {
  const dir = path.posix.dirname(site.path);
  const imported = [...prefix.matchAll(/from\s+["'](\.{1,2}\/[^"']+)["']/g)].map((m) =>
    path.posix.normalize(path.posix.join(dir, m[1] as string)),
  );
  const candidates = files.filter((f) => f.repo === site.repo && f.path !== site.path);
  const importedFiles = candidates.filter((f) =>
    imported.some(
      (p) =>
        f.path.replace(/\.[mc]?[jt]sx?$/, "") === p.replace(/\.[mc]?[jt]sx?$/, "") ||
        f.path.startsWith(`${p}/index.`),
    ),
  );
  const siblings = candidates.filter((f) => path.posix.dirname(f.path) === dir);
  return [...new Set([...importedFiles, ...siblings].map((f) => f.path))].slice(0, MAX_TABS);
}

function baselineHits(site: Site, prefixLines: string[]): boolean[] {
  const query = words(prefixLines.slice(-WINDOW).join("\n"));
  const windows: { path: string; start: number; end: number; score: number; text: string }[] = [];
  for (const tab of openTabs(site, prefixLines.join("\n"))) {
    const lines = (contentOf.get(`${site.repo}/${tab}`) ?? "").split("\n");
    for (let start = 0; start < lines.length; start += WINDOW / 2) {
      const text = lines.slice(start, start + WINDOW).join("\n");
      windows.push({
        path: tab,
        start: start + 1,
        end: Math.min(lines.length, start + WINDOW),
        score: jaccard(query, words(text)),
        text,
      });
    }
  }
  windows.sort((a, b) => b.score - a.score);
  return BUDGETS.map((budget) => {
    let used = 0;
    const taken: typeof windows = [];
    for (const w of windows) {
      if (taken.some((t) => t.path === w.path && t.start <= w.end && w.start <= t.end)) continue;
      const cost = counter.count(`// ${w.path}\n${w.text}`);
      if (used + cost > budget) continue;
      used += cost;
      taken.push(w);
    }
    return site.targets.some((d) =>
      taken.some(
        (w) => d.repo === site.repo && w.path === d.path && w.start <= d.start_line && d.start_line <= w.end,
      ),
    );
  });
}

const tally = { all: [0, 0], cross: [0, 0], same: [0, 0] } as Record<string, [number, number]>;
const hits = {
  uplift: BUDGETS.map(() => ({ all: 0, cross: 0, same: 0 })),
  baseline: BUDGETS.map(() => ({ all: 0, cross: 0, same: 0 })),
};
const latencies: number[] = [];
function countHit(h: { all: number; cross: number; same: number } | undefined, kind: "cross" | "same") {
  if (!h) return;
  h.all++;
  h[kind]++;
}
for (const site of sample) {
  const root = rootOf.get(site.repo) as string;
  const absolute = path.join(root, site.path);
  const original = readFileSync(absolute, "utf8");
  const lines = original.split("\n");
  const prefixLines = [
    ...lines.slice(0, site.line - 1),
    (lines[site.line - 1] ?? "").slice(0, site.column - 1),
  ];
  writeFileSync(absolute, prefixLines.join("\n"));
  const kind = site.crossRepo ? ("cross" as const) : ("same" as const);
  (tally.all as [number, number])[0]++;
  (tally[kind] as [number, number])[0]++;
  try {
    for (const [b, budget] of BUDGETS.entries()) {
      const started = performance.now();
      const context = await assembleContext(
        { file: absolute, cursor: { line: site.line, column: site.column }, budgetTokens: budget },
        { store, chunks, loader, counter, logger },
      );
      if (budget === 2048) latencies.push(performance.now() - started);
      const found = site.targets.some((d) =>
        context.snippets.some(
          (s) =>
            s.repo === d.repo &&
            s.path === d.path &&
            s.start_line <= d.start_line &&
            d.start_line <= s.end_line,
        ),
      );
      if (found) {
        countHit(hits.uplift[b], kind);
      } else if (values.misses && budget === 2048)
        console.error(
          `miss ${site.repo}/${site.path}:${site.line}:${site.column} ${site.name} → ${site.targets.map((d) => `${d.repo}/${d.path}:${d.start_line}`).join(", ")}`,
        );
    }
    for (const [b, found] of baselineHits(site, prefixLines).entries())
      if (found) {
        countHit(hits.baseline[b], kind);
      }
  } finally {
    writeFileSync(absolute, original);
  }
}

const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)} %`);
console.log(
  `${report.repositories.length} repositories, ${files.length} TS/JS files, ${sites.length} eligible call sites, ${sample.length} sampled (${tally.cross?.[0]} cross-repository, ${tally.same?.[0]} same repository, other file)`,
);
console.log(
  "| budget | Uplift all | baseline all | Uplift cross-repo | baseline cross-repo | Uplift same-repo | baseline same-repo |",
);
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [b, budget] of BUDGETS.entries()) {
  const u = hits.uplift[b] as Record<string, number>;
  const v = hits.baseline[b] as Record<string, number>;
  console.log(
    `| ${budget} | ${pct(u.all ?? 0, tally.all?.[0] ?? 0)} | ${pct(v.all ?? 0, tally.all?.[0] ?? 0)} | ${pct(u.cross ?? 0, tally.cross?.[0] ?? 0)} | ${pct(v.cross ?? 0, tally.cross?.[0] ?? 0)} | ${pct(u.same ?? 0, tally.same?.[0] ?? 0)} | ${pct(v.same ?? 0, tally.same?.[0] ?? 0)} |`,
  );
}
latencies.sort((a, b) => a - b);
console.log(
  `code context at 2k tokens: p50 ${latencies[Math.floor(latencies.length / 2)]?.toFixed(1)} ms, p95 ${latencies[Math.floor(latencies.length * 0.95)]?.toFixed(1)} ms`,
);
await searchIndex.close();
await store.close();
rmSync(work, { recursive: true, force: true });
