import { existsSync } from "node:fs";
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "@uplift/core";
import { runCommand, toolInstalled } from "./run-command.js";
import type { ApiChange, ApiDiff } from "./types.js";

/**
 * The exported API of an npm package between two versions: both tarballs fetched with `npm pack`
 * into `cacheDir` (kept: a second plan reads them from disk), their `.d.ts` entry points read (the
 * package's own `types`, else `@types/NAME` of the same major), exported names compared, plus the
 * CHANGELOG/HISTORY lines between the two versions when the new tarball ships one.
 */
export async function npmApiDiff(
  pkg: string,
  from: string,
  to: string,
  cacheDir: string,
  logger: Logger,
): Promise<ApiDiff> {
  const diff: ApiDiff = { package: pkg, from, to, source: "none", changes: [], changelog: [], notes: [] };
  if (!toolInstalled("npm")) {
    diff.notes.push("npm not installed: API changes not computed");
    return diff;
  }
  const oldDir = await fetchPackage(`${pkg}@${from}`, cacheDir, logger);
  const newDir = await fetchPackage(`${pkg}@${to}`, cacheDir, logger);
  if (!oldDir || !newDir) {
    diff.notes.push(
      `npm pack of ${!oldDir ? `${pkg}@${from}` : `${pkg}@${to}`} failed: API changes not computed`,
    );
    return diff;
  }
  let oldApi = await declaredExports(oldDir);
  let newApi = await declaredExports(newDir);
  diff.source = `${pkg} (own .d.ts)`;
  if (!oldApi || !newApi) {
    const typesName = `@types/${pkg.startsWith("@") ? pkg.slice(1).replace("/", "__") : pkg}`;
    const oldTypes = oldApi ? undefined : await fetchPackage(`${typesName}@${major(from)}`, cacheDir, logger);
    const newTypes = newApi ? undefined : await fetchPackage(`${typesName}@${major(to)}`, cacheDir, logger);
    oldApi ??= oldTypes ? await declaredExports(oldTypes) : undefined;
    newApi ??= newTypes ? await declaredExports(newTypes) : undefined;
    diff.source = `${typesName} (DefinitelyTyped, majors ${major(from)} and ${major(to)})`;
  }
  if (oldApi && newApi) diff.changes = compareExports(oldApi, newApi);
  else {
    diff.source = "none";
    diff.notes.push("no type declarations in either the package or @types: API changes not computed");
  }
  diff.changelog = await changelogLines(newDir, from, to);
  if (diff.changelog.length === 0) diff.notes.push(`${pkg}@${to} ships no CHANGELOG/HISTORY file`);
  return diff;
}

/** `npm pack SPEC` into the cache (once) and unpacked; undefined when npm cannot fetch it. */
async function fetchPackage(spec: string, cacheDir: string, logger: Logger): Promise<string | undefined> {
  const dir = path.join(cacheDir, spec.replace(/[/@]/g, "_"));
  if (existsSync(path.join(dir, "package", "package.json"))) return path.join(dir, "package");
  await mkdir(dir, { recursive: true });
  const packed = await runCommand(["npm", "pack", spec, "--json", "--silent", "--ignore-scripts"], {
    cwd: dir,
    timeoutMs: 120_000,
  });
  if (!packed.ok) {
    logger.warn({ spec, output: packed.output.slice(-400) }, "npm pack failed");
    return undefined;
  }
  const tarballs = (await readdir(dir)).filter((f) => f.endsWith(".tgz"));
  const tarball = tarballs[0];
  if (!tarball) return undefined;
  const untar = await runCommand(["tar", "xzf", tarball], { cwd: dir, timeoutMs: 60_000 });
  if (!untar.ok) return undefined;
  // @types tarballs unpack into a directory named after the package, not "package"
  const top = (await readdir(dir, { withFileTypes: true })).find((e) => e.isDirectory());
  return top ? path.join(dir, top.name) : undefined;
}

/** Exported name → its declaration text(s), from the package's type entry point and what it re-exports. */
async function declaredExports(dir: string): Promise<Map<string, string> | undefined> {
  let manifest: { types?: string; typings?: string } = {};
  try {
    manifest = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"));
  } catch {
    return undefined;
  }
  const entry = [manifest.types, manifest.typings, "index.d.ts"].find(
    (f) => f?.endsWith(".d.ts") && existsSync(path.join(dir, f)),
  );
  if (!entry) return undefined;
  const out = new Map<string, string>();
  await collect(path.join(dir, entry), out, new Set());
  return out;
}

const DECLARATION =
  /^export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(function|class|const|let|var|interface|type|enum|namespace)\s+([A-Za-z_$][\w$]*)/;

async function collect(file: string, out: Map<string, string>, seen: Set<string>): Promise<void> {
  if (seen.has(file) || !existsSync(file)) return;
  seen.add(file);
  const text = await readFile(file, "utf8");
  let depth = 0;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (depth === 0) {
      const declared = DECLARATION.exec(line);
      if (declared?.[2])
        add(out, declared[2], `${declared[1]} ${line.replace(/\s+/g, " ").replace(/\{$/, "").trim()}`);
      const assigned = /^export\s*=\s*([\w$]+)/.exec(line);
      if (assigned?.[1])
        add(out, "export =", `module.exports = ${assigned[1]} (the package itself is ${assigned[1]})`);
      const defaulted = /^export\s+default\s+([\w$]+)\s*;?$/.exec(line);
      if (defaulted?.[1]) add(out, "default", `export default ${defaulted[1]}`);
      const list = /^export\s*(?:type\s*)?\{([^}]*)\}(?:\s*from\s*["']([^"']+)["'])?/.exec(line);
      if (list?.[1])
        for (const part of list[1].split(",")) {
          const name = part
            .trim()
            .split(/\s+as\s+/)
            .pop()
            ?.trim();
          if (name) add(out, name, `export { ${part.trim()} }${list[2] ? ` from "${list[2]}"` : ""}`);
        }
      const star = /^export\s*\*\s*from\s*["'](\.[^"']+)["']/.exec(line);
      if (star?.[1]) await collect(resolveDts(path.dirname(file), star[1]), out, seen);
    }
    depth += (raw.match(/\{/g)?.length ?? 0) - (raw.match(/\}/g)?.length ?? 0);
    if (depth < 0) depth = 0;
  }
}

function resolveDts(dir: string, spec: string): string {
  const base = path.join(dir, spec.replace(/\.(m|c)?js$/, ""));
  for (const candidate of [`${base}.d.ts`, path.join(base, "index.d.ts")])
    if (existsSync(candidate)) return candidate;
  return `${base}.d.ts`;
}

function add(out: Map<string, string>, name: string, text: string): void {
  const previous = out.get(name);
  if (!previous) out.set(name, text);
  else if (!previous.split("\n").includes(text)) out.set(name, `${previous}\n${text}`);
}

/** Removed and added exported names, and names whose declaration text changed. */
export function compareExports(before: Map<string, string>, after: Map<string, string>): ApiChange[] {
  const changes: ApiChange[] = [];
  for (const [name, text] of before) {
    const next = after.get(name);
    if (next === undefined) changes.push({ kind: "removed", name, before: text });
    else if (next !== text) changes.push({ kind: "changed", name, before: text, after: next });
  }
  for (const [name, text] of after) if (!before.has(name)) changes.push({ kind: "added", name, after: text });
  return changes.sort((a, b) => order(a.kind) - order(b.kind) || a.name.localeCompare(b.name));
}

function order(kind: ApiChange["kind"]): number {
  return kind === "removed" ? 0 : kind === "changed" ? 1 : 2;
}

function major(version: string): string {
  return /^v?(\d+)/.exec(version)?.[1] ?? version;
}

/** Lines of the newest CHANGELOG section down to (not including) the old version's heading, at most 80. */
async function changelogLines(dir: string, from: string, to: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((f) =>
    /^(changelog|history|changes|release[-_]?notes)(\.md|\.txt)?$/i.test(f),
  );
  const name = names[0];
  if (!name) return [];
  const lines = (await readFile(path.join(dir, name), "utf8")).split("\n");
  const heading = (line: string) => /^(#+|\d+\.\d+|v\d+)/.test(line.trim());
  const startAt = lines.findIndex((l) => heading(l) && l.includes(to));
  const start = Math.max(startAt, 0);
  const out: string[] = [];
  for (let i = start; i < lines.length && out.length < 80; i += 1) {
    const line = lines[i] ?? "";
    if (i > start && heading(line) && line.includes(from)) break;
    if (line.trim()) out.push(line);
  }
  return out;
}
