import { parse as parseYaml } from "yaml";
import { dependenciesFromGraph, type GraphNode } from "./dependency-graph.js";
import { type ManifestParser, ManifestSyntaxError } from "./manifest-parser.js";

type DepMap = Record<string, string | { specifier?: string; version?: string }>;

interface PnpmImporter {
  dependencies?: DepMap;
  optionalDependencies?: DepMap;
  devDependencies?: DepMap;
  specifiers?: Record<string, string>;
}

interface PnpmPackage {
  name?: string;
  version?: string;
  dev?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

interface PnpmLock extends PnpmImporter {
  lockfileVersion?: string | number;
  importers?: Record<string, PnpmImporter>;
  packages?: Record<string, PnpmPackage>;
  snapshots?: Record<string, PnpmPackage>;
}

/**
 * A package key → name, version and a canonical key `name@version(peers)`:
 * v9 `name@1.0.0(peer@2.0.0)`, v6 `/name@1.0.0(peer@2.0.0)`, v5 `/name/1.0.0_peer@2.0.0`.
 */
export function parsePnpmKey(raw: string): { name: string; version: string; key: string } | undefined {
  let key = raw.startsWith("/") ? raw.slice(1) : raw;
  const peerAt = key.indexOf("(");
  const bare = peerAt < 0 ? key : key.slice(0, peerAt);
  const at = bare.indexOf("@", 1);
  if (at > 0) {
    const name = bare.slice(0, at);
    const version = bare.slice(at + 1);
    return { name, version, key };
  }
  // v5: name/version[_peers]; the name may be scoped (@scope/name/1.0.0)
  const slash = bare.lastIndexOf("/");
  if (slash <= 0) return undefined;
  const name = bare.slice(0, slash);
  const versionWithPeers = bare.slice(slash + 1);
  const underscore = versionWithPeers.indexOf("_");
  const version = underscore < 0 ? versionWithPeers : versionWithPeers.slice(0, underscore);
  key = `${name}@${versionWithPeers}`;
  return { name, version, key };
}

/** A dependency reference (`1.0.0(peer@2)`, `/other@1.0.0`, `link:../x`) → canonical key. */
function referenceKey(name: string, reference: string): string | undefined {
  if (reference.startsWith("link:") || reference.startsWith("file:") || reference.startsWith("workspace:"))
    return undefined;
  if (/^\d/.test(reference)) return `${name}@${reference}`;
  return parsePnpmKey(reference)?.key; // an alias to another package: `/other@1.0.0`, `other@1.0.0`
}

function versionOf(value: DepMap[string]): { version?: string; specifier?: string } {
  return typeof value === "string" ? { version: value } : value;
}

/**
 * pnpm-lock.yaml, lockfile versions 5.x, 6.x and 9.x: importers (the workspace's projects) give
 * the direct dependencies and their specifiers; `packages` (and v9's `snapshots`) give the graph.
 */
export const pnpmLockParser: ManifestParser = {
  id: "pnpm-lock.yaml",
  ecosystem: "npm",
  role: "lock",
  matches: (name) => name === "pnpm-lock.yaml",
  parse({ file, text }) {
    let lock: PnpmLock;
    try {
      lock = parseYaml(text) as PnpmLock;
    } catch (error) {
      throw new ManifestSyntaxError(`${file}: not valid YAML: ${(error as Error).message}`);
    }
    if (typeof lock !== "object" || lock === null || lock.lockfileVersion === undefined)
      throw new ManifestSyntaxError(`${file}: no lockfileVersion: not a pnpm lock file`);
    const nodes = new Map<string, GraphNode>();
    const graph = lock.snapshots ?? lock.packages ?? {};
    for (const [raw, entry] of Object.entries(graph)) {
      const parsed = parsePnpmKey(raw);
      if (!parsed) throw new ManifestSyntaxError(`${file}: cannot read package key "${raw}"`);
      const meta = lock.snapshots ? lock.packages?.[parsed.key.replace(/\(.*$/, "")] : entry;
      const edges: string[] = [];
      for (const [name, ref] of Object.entries({ ...entry?.optionalDependencies, ...entry?.dependencies })) {
        const target = referenceKey(name, String(ref));
        if (target) edges.push(target);
      }
      nodes.set(parsed.key, {
        name: meta?.name ?? parsed.name,
        version: meta?.version ?? parsed.version,
        edges,
        ...((entry?.dev ?? meta?.dev) !== undefined && { dev: Boolean(entry?.dev ?? meta?.dev) }),
      });
    }
    const importers = lock.importers ?? { ".": lock };
    const roots: { key: string; requirement?: string; dev?: boolean }[] = [];
    for (const importer of Object.values(importers)) {
      const sections: [DepMap | undefined, boolean][] = [
        [importer.dependencies, false],
        [importer.optionalDependencies, false],
        [importer.devDependencies, true],
      ];
      for (const [section, dev] of sections) {
        for (const [name, value] of Object.entries(section ?? {})) {
          const { version, specifier } = versionOf(value);
          const key = version === undefined ? undefined : referenceKey(name, String(version));
          if (!key) continue;
          roots.push({ key, requirement: specifier ?? importer.specifiers?.[name], dev });
        }
      }
    }
    roots.sort((a, b) => Number(a.dev) - Number(b.dev));
    return dependenciesFromGraph({ ecosystem: "npm", file, nodes, roots });
  },
};
