import type { Dependency } from "../types.js";
import { dependenciesFromGraph, type GraphNode } from "./dependency-graph.js";
import { dirOf, joinRelative, type ManifestParser, ManifestSyntaxError } from "./manifest-parser.js";
import { packageJsonRequirements } from "./package-json.js";

interface LockPackage {
  name?: string;
  version?: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
  resolved?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The installed name of a `packages` key: the part after its last `node_modules/`. */
function nameOfLocation(location: string): string {
  const i = location.lastIndexOf("node_modules/");
  return i < 0 ? location : location.slice(i + "node_modules/".length);
}

/**
 * Node's module resolution inside a lock file: from `location`, look for `name` in its own
 * node_modules, then in each ancestor's, up to the root.
 */
function resolveLocation(
  packages: Record<string, LockPackage>,
  from: string,
  name: string,
): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base === "" ? `node_modules/${name}` : `${base}/node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (base === "") return undefined;
    const i = base.lastIndexOf("/node_modules/");
    base = i < 0 ? "" : base.slice(0, i);
  }
}

function followLink(packages: Record<string, LockPackage>, location: string): string {
  const entry = packages[location];
  return entry?.link && entry.resolved !== undefined ? entry.resolved : location;
}

/**
 * package-lock.json / npm-shrinkwrap.json, lockfileVersion 2 and 3 (the `packages` map, keyed
 * by install location). Edges follow Node's resolution through the node_modules nesting, so a
 * dependency's path is the real chain from the root package; lockfileVersion 1 is read from
 * its nested `dependencies` tree.
 */
export const packageLockParser: ManifestParser = {
  id: "package-lock.json",
  ecosystem: "npm",
  role: "lock",
  matches: (name) => name === "package-lock.json" || name === "npm-shrinkwrap.json",
  parse({ file, text, repo }) {
    let json: { lockfileVersion?: unknown; packages?: unknown; dependencies?: unknown };
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ManifestSyntaxError(`${file}: not JSON: ${(error as Error).message}`);
    }
    if (typeof json !== "object" || json === null)
      throw new ManifestSyntaxError(`${file}: not a lock file object`);
    if (json.packages && typeof json.packages === "object")
      return fromPackages(file, json.packages as Record<string, LockPackage>);
    if (json.dependencies && typeof json.dependencies === "object")
      return fromV1(
        file,
        json.dependencies as Record<string, V1Entry>,
        siblingRequirements(file, repo.read.bind(repo)),
      );
    if (json.lockfileVersion === undefined)
      throw new ManifestSyntaxError(`${file}: no "lockfileVersion": not an npm lock file`);
    return [];
  },
};

function fromPackages(file: string, packages: Record<string, LockPackage>): Dependency[] {
  const nodes = new Map<string, GraphNode>();
  const edgesOf = (location: string, entry: LockPackage, withDev: boolean) => {
    const names = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}),
      ...(withDev ? Object.keys(entry.devDependencies ?? {}) : []),
    ];
    const edges: string[] = [];
    for (const name of names) {
      const target = resolveLocation(packages, location, name);
      if (target) edges.push(followLink(packages, target));
    }
    return edges;
  };
  for (const [location, entry] of Object.entries(packages)) {
    if (location === "" || entry.link || !location.includes("node_modules/")) continue;
    if (typeof entry.version !== "string")
      throw new ManifestSyntaxError(`${file}: packages["${location}"] has no "version"`);
    nodes.set(location, {
      name: entry.name ?? nameOfLocation(location),
      version: entry.version,
      edges: edgesOf(location, entry, false),
      dev: Boolean(entry.dev || entry.devOptional),
    });
  }
  // Roots: the root package and the workspace packages (entries outside node_modules).
  const roots: { key: string; requirement?: string; dev?: boolean }[] = [];
  for (const [location, entry] of Object.entries(packages)) {
    if (location.includes("node_modules/") || entry.link) continue;
    const requirements = {
      ...entry.devDependencies,
      ...entry.peerDependencies,
      ...entry.optionalDependencies,
      ...entry.dependencies,
    };
    for (const [name, requirement] of Object.entries(requirements)) {
      const target = resolveLocation(packages, location, name);
      if (!target) continue;
      const dev = !(name in (entry.dependencies ?? {})) && name in (entry.devDependencies ?? {});
      roots.push({ key: followLink(packages, target), requirement, dev });
    }
  }
  roots.sort((a, b) => Number(a.dev) - Number(b.dev));
  return dependenciesFromGraph({ ecosystem: "npm", file, nodes, roots });
}

interface V1Entry {
  version?: string;
  dev?: boolean;
  requires?: Record<string, string>;
  dependencies?: Record<string, V1Entry>;
}

/** The package.json next to a lock file, when there is a readable one. */
export function siblingRequirements(
  lockFile: string,
  read: (relative: string) => string | undefined,
): Map<string, { requirement: string; dev: boolean }> | undefined {
  const manifest = joinRelative(dirOf(lockFile), "package.json") ?? "package.json";
  const text = read(manifest);
  if (text === undefined) return undefined;
  try {
    return packageJsonRequirements(text, manifest);
  } catch {
    return undefined; // the package.json's own parse reports its problem
  }
}

function fromV1(
  file: string,
  tree: Record<string, V1Entry>,
  direct: Map<string, { requirement: string; dev: boolean }> | undefined,
): Dependency[] {
  const out: Dependency[] = [];
  const walk = (entries: Record<string, V1Entry>, parents: string[]) => {
    for (const [name, entry] of Object.entries(entries)) {
      if (typeof entry.version !== "string")
        throw new ManifestSyntaxError(
          `${file}: dependencies.${[...parents, name].join(".")} has no "version"`,
        );
      out.push({
        ecosystem: "npm",
        name,
        version: entry.version,
        direct: parents.length === 0 && (direct ? direct.has(name) : true),
        requirement: parents.length === 0 ? direct?.get(name)?.requirement : undefined,
        file,
        path: [...parents, name],
        dev: Boolean(entry.dev),
      });
      if (entry.dependencies) walk(entry.dependencies, [...parents, name]);
    }
  };
  walk(tree, []);
  return out;
}
