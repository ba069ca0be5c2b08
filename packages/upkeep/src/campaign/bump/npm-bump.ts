import type { BumpTarget } from "../types.js";
import { changedLine, type ManifestBumper, type ManifestRewrite } from "./types.js";

const SECTIONS = ["dependencies", "devDependencies", "optionalDependencies"] as const;

/**
 * package.json: a direct dependency keeps its range operator (`^1.2.5` → `^1.2.6`); a transitive
 * one gets an `overrides` entry (npm ≥ 8.3), so the lock file resolves the fixed version.
 */
export const npmBumper: ManifestBumper = {
  matches: (name) => name === "package.json",
  rewrite(file, text, target): ManifestRewrite | undefined {
    let json: Record<string, Record<string, string> | undefined>;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    for (const section of SECTIONS) {
      const spec = json[section]?.[target.package];
      if (spec === undefined) continue;
      const from = spec;
      const prefix = /^[\^~]/.exec(spec)?.[0] ?? "";
      const to = `${prefix}${target.to}`;
      if (from === to) return undefined;
      const pattern = new RegExp(`("${escapeRegExp(target.package)}"\\s*:\\s*")${escapeRegExp(spec)}(")`);
      const next = text.replace(pattern, `$1${to}$2`);
      return rewrite(file, text, next, target, from, to);
    }
    if (target.direct) return undefined;
    const overrides = (json.overrides ?? {}) as Record<string, string>;
    if (overrides[target.package] === target.to) return undefined;
    const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
    const next = `${JSON.stringify({ ...json, overrides: { ...overrides, [target.package]: target.to } }, null, indent)}\n`;
    return rewrite(
      file,
      text,
      next,
      target,
      overrides[target.package] ?? target.from ?? "(transitive)",
      target.to,
    );
  },
};

function rewrite(
  file: string,
  before: string,
  after: string,
  target: BumpTarget,
  from: string,
  to: string,
): ManifestRewrite {
  const line = changedLine(before, after);
  return { file, text: after, edit: { file, package: target.package, from, to, ...line } };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
