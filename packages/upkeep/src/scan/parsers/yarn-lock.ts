import { createRequire } from "node:module";
import { parse as parseYaml } from "yaml";
import type { Dependency } from "../types.js";
import { dependenciesFromGraph, type GraphNode } from "./dependency-graph.js";
import { type ManifestParser, ManifestSyntaxError } from "./manifest-parser.js";
import { siblingRequirements } from "./package-lock.js";

// A webpack-bundled CommonJS module: its exports are only visible through require.
const lockfile = createRequire(import.meta.url)("@yarnpkg/lockfile") as typeof import("@yarnpkg/lockfile");

interface YarnEntry {
  version?: string;
  resolution?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** `@scope/name@npm:^1.0.0` → [`@scope/name`, `npm:^1.0.0`]. */
function splitDescriptor(descriptor: string): [string, string] {
  const at = descriptor.indexOf("@", 1);
  return at < 0 ? [descriptor, ""] : [descriptor.slice(0, at), descriptor.slice(at + 1)];
}

/**
 * yarn.lock: v1 (Yarn classic's own format, read with `@yarnpkg/lockfile`) and v2+ (Berry,
 * YAML with `__metadata`). Each entry is keyed by the descriptors (`name@range, name@range2`)
 * it satisfies; the graph is rebuilt from each entry's dependencies by descriptor, and direct
 * dependencies come from the package.json next to it.
 */
export const yarnLockParser: ManifestParser = {
  id: "yarn.lock",
  ecosystem: "npm",
  role: "lock",
  matches: (name) => name === "yarn.lock",
  parse({ file, text, repo }) {
    const berry = /^__metadata:/m.test(text);
    let entries: Record<string, YarnEntry>;
    try {
      if (berry) entries = parseYaml(text) as Record<string, YarnEntry>;
      else {
        const result = lockfile.parse(text);
        if (result.type === "conflict") throw new Error("unresolved merge conflict markers");
        entries = result.object as Record<string, YarnEntry>;
      }
    } catch (error) {
      throw new ManifestSyntaxError(`${file}: not a valid yarn.lock: ${(error as Error).message}`);
    }
    if (typeof entries !== "object" || entries === null)
      throw new ManifestSyntaxError(`${file}: not a valid yarn.lock: no entries`);

    const nodes = new Map<string, GraphNode>();
    const byDescriptor = new Map<string, string>();
    const workspaceKeys: string[] = [];
    // @yarnpkg/lockfile gives each descriptor of a multi-descriptor entry its own key, all
    // pointing at one object: one node per object.
    const keyOfEntry = new Map<YarnEntry, string>();
    for (const [key, entry] of Object.entries(entries)) {
      if (key === "__metadata") continue;
      const shared = keyOfEntry.get(entry);
      if (shared !== undefined) {
        byDescriptor.set(key.trim(), shared);
        continue;
      }
      keyOfEntry.set(entry, key);
      const descriptors = key.split(",").map((d) => d.trim().replace(/^"|"$/g, ""));
      const first = descriptors[0] ?? key;
      const [name, range] = splitDescriptor(first);
      if (typeof entry?.version !== "string")
        throw new ManifestSyntaxError(`${file}: entry "${key}" has no version`);
      for (const d of descriptors) byDescriptor.set(d, key);
      if (range.startsWith("workspace:")) workspaceKeys.push(key);
      nodes.set(key, { name, version: entry.version, edges: [] });
    }
    const lookup = (name: string, range: string) =>
      byDescriptor.get(`${name}@${range}`) ?? byDescriptor.get(`${name}@npm:${range}`);
    for (const [key, entry] of Object.entries(entries)) {
      const node = nodes.get(key);
      if (!node) continue;
      const deps = { ...entry.peerDependencies, ...entry.optionalDependencies, ...entry.dependencies };
      for (const [name, range] of Object.entries(deps)) {
        const target = lookup(name, range);
        if (target) node.edges.push(target);
      }
    }
    const roots: { key: string; requirement?: string; dev?: boolean }[] = [];
    const direct = siblingRequirements(file, (p) => repo.read(p));
    for (const [name, { requirement, dev }] of direct ?? []) {
      const key = lookup(name, requirement);
      if (key) roots.push({ key, requirement, dev });
    }
    // Berry lists the workspaces themselves: their dependencies are direct too; the workspace
    // entries are not installed packages.
    const rooted = new Set(roots.map((r) => r.key));
    for (const key of workspaceKeys) {
      for (const edge of nodes.get(key)?.edges ?? []) if (!rooted.has(edge)) roots.push({ key: edge });
      nodes.delete(key);
    }
    roots.sort((a, b) => Number(a.dev ?? false) - Number(b.dev ?? false));
    const deps: Dependency[] = dependenciesFromGraph({ ecosystem: "npm", file, nodes, roots });
    return deps;
  },
};
