import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { CodeIndexReader } from "@uplift/code";
import type { Store } from "@uplift/core";
import type { Ecosystem } from "../scan/types.js";
import type { CallSite } from "./types.js";

const CODE_FILE = /\.(c|m)?(j|t)sx?$|\.py$|\.go$|\.java$|\.kt$/;
const SKIP_DIRS = new Set([
  "node_modules",
  ".git",
  "vendor",
  "dist",
  "build",
  "target",
  ".venv",
  "venv",
  ".uplift-site",
]);
const MAX_SITES = 200;

/**
 * Where a repository uses a package: the lines that import it and the lines that use the names
 * it was imported as (or the changed API's names). From the org code index in the store when the
 * repository is indexed (`uplift code index`, through its reader), else by scanning the repository's files (`source: "grep"`, stated in the plan).
 */
export async function findCallSites(
  root: string,
  ecosystem: Ecosystem | null,
  pkg: string,
  changedNames: readonly string[],
  store?: Store,
): Promise<{ source: "code-index" | "grep"; sites: CallSite[] }> {
  const indexed = store ? await fromCodeIndex(store, root, pkg, changedNames) : undefined;
  if (indexed) return { source: "code-index", sites: indexed };
  return { source: "grep", sites: await fromFiles(root, ecosystem, pkg, changedNames) };
}

async function fromCodeIndex(
  store: Store,
  root: string,
  pkg: string,
  changedNames: readonly string[],
): Promise<CallSite[] | undefined> {
  const reader = new CodeIndexReader(store);
  let repo: string | undefined;
  try {
    repo = await reader.repositoryAt(path.resolve(root));
  } catch {
    return undefined; // no code index tables in this store
  }
  if (!repo) return undefined;
  const imports = await reader.importsOfPackage(repo, pkg);
  const byFile = new Map<string, { content: string; names: Set<string>; lines: Set<number> }>();
  for (const row of imports) {
    const entry = byFile.get(row.path) ?? {
      content: row.content,
      names: new Set(changedNames),
      lines: new Set(),
    };
    if (row.local && row.local !== "*") entry.names.add(row.local);
    entry.lines.add(row.line);
    byFile.set(row.path, entry);
  }
  const sites: CallSite[] = [];
  for (const [file, entry] of byFile) sites.push(...usesIn(file, entry.content, entry.names, entry.lines));
  return sites.slice(0, MAX_SITES);
}

async function fromFiles(
  root: string,
  ecosystem: Ecosystem | null,
  pkg: string,
  changedNames: readonly string[],
): Promise<CallSite[]> {
  const sites: CallSite[] = [];
  for (const file of await codeFiles(root)) {
    const content = await readFile(path.join(root, file), "utf8");
    const imports = importLines(content, ecosystem, pkg);
    if (imports.lines.size === 0) continue;
    sites.push(...usesIn(file, content, new Set([...changedNames, ...imports.names]), imports.lines));
    if (sites.length >= MAX_SITES) break;
  }
  return sites.slice(0, MAX_SITES);
}

/** Import lines of `pkg` in one file and the local names they bind. */
export function importLines(
  content: string,
  ecosystem: Ecosystem | null,
  pkg: string,
): { lines: Set<number>; names: Set<string> } {
  const lines = new Set<number>();
  const names = new Set<string>();
  const quoted = `["']${pkg.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?:/[^"']*)?["']`;
  const js = new RegExp(
    `(?:require\\(\\s*${quoted}\\s*\\)|from\\s+${quoted}|import\\s+${quoted}|import\\(\\s*${quoted})`,
  );
  const pyName = pkg.toLowerCase().replace(/-/g, "_");
  const py = new RegExp(`^\\s*(?:import\\s+${pyName}\\b|from\\s+${pyName}(?:\\.[\\w.]+)?\\s+import\\b)`);
  const goImport = new RegExp(`"${pkg.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?:/[^"]*)?"`);
  content.split("\n").forEach((line, i) => {
    const hit =
      ecosystem === "PyPI" ? py.test(line) : ecosystem === "Go" ? goImport.test(line) : js.test(line);
    if (!hit) return;
    lines.add(i + 1);
    for (const name of boundNames(line)) names.add(name);
  });
  return { lines, names };
}

/** `const x = require(…)`, `const { a, b: c } = …`, `import x, { a as b } from …`, `import requests`. */
function boundNames(line: string): string[] {
  const out: string[] = [];
  const single = /(?:const|let|var|import)\s+([A-Za-z_$][\w$]*)\s*(?:=|,|from)/.exec(line);
  if (single?.[1] && single[1] !== "type") out.push(single[1]);
  const braces = /\{([^}]*)\}/.exec(line);
  if (braces?.[1])
    for (const part of braces[1].split(",")) {
      const name = part
        .trim()
        .split(/\s*(?::|\bas\b)\s*/)
        .pop()
        ?.trim();
      if (name && /^[A-Za-z_$][\w$]*$/.test(name)) out.push(name);
    }
  const py = /^\s*(?:import\s+([\w.]+)|from\s+[\w.]+\s+import\s+(.+))$/.exec(line);
  if (py?.[1]) out.push(py[1].split(".")[0] ?? py[1]);
  if (py?.[2])
    for (const part of py[2].split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name && /^\w+$/.test(name)) out.push(name);
    }
  return out;
}

function usesIn(file: string, content: string, names: Set<string>, importAt: Set<number>): CallSite[] {
  const sites: CallSite[] = [];
  const wanted = [...names].filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const pattern = wanted.length
    ? new RegExp(`(?<![\\w$.])(${wanted.map((n) => n.replace(/\$/g, "\\$")).join("|")})(?![\\w$])`)
    : undefined;
  let docstring = false;
  content.split("\n").forEach((text, i) => {
    const line = i + 1;
    const trimmed = text.trim();
    // comments and Python docstrings mention names without calling them
    const quotes = trimmed.match(/"""|'''/g)?.length ?? 0;
    const inDocstring = docstring || quotes > 0;
    if (quotes % 2 === 1) docstring = !docstring;
    const comment = inDocstring || /^(\/\/|#|\*|\/\*)/.test(trimmed);
    const used = comment ? undefined : pattern?.exec(text)?.[1];
    if (importAt.has(line) || used)
      sites.push({ path: file, line, text: text.trim(), ...(used && { symbol: used }) });
  });
  return sites;
}

async function codeFiles(root: string, dir = "", depth = 0): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (depth < 6 && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith("."))
        out.push(...(await codeFiles(root, rel, depth + 1)));
    } else if (CODE_FILE.test(entry.name)) out.push(rel);
  }
  return out.sort();
}
