import type { Dependency } from "../types.js";
import { type ManifestParser, ManifestSyntaxError } from "./manifest-parser.js";

export interface GoModFile {
  module?: string;
  go?: string;
  requires: { path: string; version: string; indirect: boolean; line: number }[];
  /** `old [version] => new [version]`; a local directory replacement has no new version. */
  replaces: { oldPath: string; oldVersion?: string; newPath: string; newVersion?: string }[];
  excludes: { path: string; version: string }[];
}

const VERBS = new Set([
  "module",
  "go",
  "toolchain",
  "require",
  "replace",
  "exclude",
  "retract",
  "godebug",
  "tool",
  "ignore",
]);

/** Tokens of one go.mod line: words and Go-quoted strings; `//` starts a comment. */
function tokenize(line: string): { tokens: string[]; comment: string } {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === " " || c === "\t") i++;
    else if (line.startsWith("//", i)) return { tokens, comment: line.slice(i + 2).trim() };
    else if (c === '"' || c === "`") {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error("unterminated string");
      tokens.push(line.slice(i + 1, end));
      i = end + 1;
    } else {
      let j = i;
      while (j < line.length && !/[\s]/.test(line[j] as string) && !line.startsWith("//", j)) j++;
      tokens.push(line.slice(i, j));
      i = j;
    }
  }
  return { tokens, comment: "" };
}

/** Reads go.mod's line grammar (https://go.dev/ref/mod#go-mod-file-grammar), blocks included. */
export function parseGoMod(text: string, file: string): GoModFile {
  const mod: GoModFile = { requires: [], replaces: [], excludes: [] };
  let block: string | undefined;
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const number = index + 1;
    let parsed: ReturnType<typeof tokenize>;
    try {
      parsed = tokenize(raw);
    } catch (error) {
      throw new ManifestSyntaxError(`${file}:${number}: ${(error as Error).message}`);
    }
    let { tokens } = parsed;
    if (tokens.length === 0) continue;
    let verb: string;
    if (block) {
      if (tokens[0] === ")") {
        block = undefined;
        continue;
      }
      verb = block;
    } else {
      verb = tokens[0] as string;
      tokens = tokens.slice(1);
      if (!VERBS.has(verb)) throw new ManifestSyntaxError(`${file}:${number}: unknown directive "${verb}"`);
      if (tokens[0] === "(") {
        block = verb;
        continue;
      }
    }
    const bad = (what: string) => new ManifestSyntaxError(`${file}:${number}: ${what}`);
    switch (verb) {
      case "module":
        mod.module = tokens[0];
        break;
      case "go":
        mod.go = tokens[0];
        break;
      case "require": {
        const [path, version] = tokens;
        if (!path || !version || tokens.length !== 2)
          throw bad(`usage: require module/path v1.2.3 (got "${raw.trim()}")`);
        if (!/^v\d/.test(version)) throw bad(`"${version}" is not a module version (vMAJOR.MINOR.PATCH)`);
        mod.requires.push({ path, version, indirect: /^indirect\b/.test(parsed.comment), line: number });
        break;
      }
      case "replace": {
        const arrow = tokens.indexOf("=>");
        if (arrow < 1 || arrow > 2 || tokens.length - arrow - 1 < 1 || tokens.length - arrow - 1 > 2)
          throw bad(`usage: replace module/path [v1.2.3] => other/path [v1.2.4] (got "${raw.trim()}")`);
        mod.replaces.push({
          oldPath: tokens[0] as string,
          ...(arrow === 2 && { oldVersion: tokens[1] }),
          newPath: tokens[arrow + 1] as string,
          ...(tokens[arrow + 2] !== undefined && { newVersion: tokens[arrow + 2] }),
        });
        break;
      }
      case "exclude":
        if (tokens.length === 2)
          mod.excludes.push({ path: tokens[0] as string, version: tokens[1] as string });
        break;
      default:
        break;
    }
  }
  if (block) throw new ManifestSyntaxError(`${file}: "${block} (" block is never closed`);
  return mod;
}

/**
 * go.mod: each `require` is a dependency (`// indirect` ones are transitive); `replace`
 * directives swap in the replacement module and version (a local-directory replacement is
 * not a published module and is left out).
 */
export const goModParser: ManifestParser = {
  id: "go.mod",
  ecosystem: "Go",
  role: "lock",
  matches: (name) => name === "go.mod",
  parse({ file, text }) {
    const mod = parseGoMod(text, file);
    const out: Dependency[] = [];
    for (const req of mod.requires) {
      const replace =
        mod.replaces.find((r) => r.oldPath === req.path && r.oldVersion === req.version) ??
        mod.replaces.find((r) => r.oldPath === req.path && r.oldVersion === undefined);
      if (replace && replace.newVersion === undefined) continue; // => ../local/dir
      const name = replace?.newPath ?? req.path;
      const version = replace?.newVersion ?? req.version;
      out.push({
        ecosystem: "Go",
        name,
        version,
        requirement: replace ? `${req.path} ${req.version} => ${name} ${version}` : req.version,
        direct: !req.indirect,
        file,
        path: replace ? [req.path, name] : [name],
      });
    }
    return out;
  },
};
