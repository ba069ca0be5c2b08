import type { Dependency, Ecosystem } from "../types.js";

/** A node of a lock file's resolved graph: one installed package version. */
export interface GraphNode {
  name: string;
  version: string;
  /** Keys of the nodes it depends on. */
  edges: string[];
  dev?: boolean;
}

/**
 * Turns a lock file's graph into dependencies with the shortest chain that pulls each in:
 * breadth-first from the root's direct dependencies, so `path` is `[direct, …, name]`.
 * Nodes no root reaches (stale lock entries) are still reported, with the path `[name]`.
 */
export function dependenciesFromGraph(options: {
  ecosystem: Ecosystem;
  file: string;
  nodes: ReadonlyMap<string, GraphNode>;
  /** Root edges: node key, plus the requirement written in the manifest and dev-ness. */
  roots: { key: string; requirement?: string | undefined; dev?: boolean | undefined }[];
}): Dependency[] {
  const { nodes, ecosystem, file } = options;
  const seen = new Map<string, Dependency>();
  const queue: { key: string; path: string[]; dev: boolean }[] = [];
  for (const root of options.roots) {
    const node = nodes.get(root.key);
    if (!node || seen.has(root.key)) continue;
    const dev = Boolean(root.dev ?? node.dev);
    seen.set(root.key, {
      ecosystem,
      name: node.name,
      version: node.version,
      requirement: root.requirement,
      direct: true,
      file,
      path: [node.name],
      dev,
    });
    queue.push({ key: root.key, path: [node.name], dev });
  }
  for (let head = 0; head < queue.length; head++) {
    const { key, path, dev } = queue[head] as (typeof queue)[number];
    for (const edge of nodes.get(key)?.edges ?? []) {
      const child = nodes.get(edge);
      if (!child || seen.has(edge)) continue;
      const childPath = [...path, child.name];
      const childDev = dev && (child.dev ?? true);
      seen.set(edge, {
        ecosystem,
        name: child.name,
        version: child.version,
        direct: false,
        file,
        path: childPath,
        dev: childDev,
      });
      queue.push({ key: edge, path: childPath, dev: childDev });
    }
  }
  for (const [key, node] of nodes) {
    if (seen.has(key)) continue;
    seen.set(key, {
      ecosystem,
      name: node.name,
      version: node.version,
      direct: false,
      file,
      path: [node.name],
      dev: node.dev,
    });
  }
  return [...seen.values()];
}
