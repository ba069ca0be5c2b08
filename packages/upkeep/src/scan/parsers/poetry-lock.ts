import { parse as parseToml } from "smol-toml";
import { normalizePythonName } from "../versions/pep440-version.js";
import { dependenciesFromGraph, type GraphNode } from "./dependency-graph.js";
import { dirOf, joinRelative, type ManifestParser, ManifestSyntaxError } from "./manifest-parser.js";
import { pyprojectRequirements } from "./pyproject-toml.js";

interface PoetryPackage {
  name?: unknown;
  version?: unknown;
  category?: unknown;
  dependencies?: Record<string, unknown>;
}

/**
 * poetry.lock (TOML `[[package]]` tables): one resolved version per package, the graph from
 * each package's `[package.dependencies]`, direct dependencies from the pyproject.toml next to
 * it (or, without one, the packages nothing else depends on).
 */
export const poetryLockParser: ManifestParser = {
  id: "poetry.lock",
  ecosystem: "PyPI",
  role: "lock",
  matches: (name) => name === "poetry.lock",
  parse({ file, text, repo }) {
    let doc: { package?: unknown };
    try {
      doc = parseToml(text) as { package?: unknown };
    } catch (error) {
      throw new ManifestSyntaxError(`${file}: not valid TOML: ${(error as Error).message.split("\n")[0]}`);
    }
    const packages = doc.package ?? [];
    if (!Array.isArray(packages))
      throw new ManifestSyntaxError(`${file}: "package" must be an array of tables`);
    const nodes = new Map<string, GraphNode>();
    const dependedOn = new Set<string>();
    for (const [i, raw] of (packages as PoetryPackage[]).entries()) {
      if (typeof raw.name !== "string" || typeof raw.version !== "string")
        throw new ManifestSyntaxError(`${file}: package[${i}] needs a name and a version`);
      const edges = Object.keys(raw.dependencies ?? {}).map(normalizePythonName);
      for (const edge of edges) dependedOn.add(edge);
      nodes.set(normalizePythonName(raw.name), {
        name: raw.name,
        version: raw.version,
        edges,
        ...(raw.category !== undefined && { dev: raw.category === "dev" }),
      });
    }
    const pyprojectPath = joinRelative(dirOf(file), "pyproject.toml") ?? "pyproject.toml";
    const pyproject = repo.read(pyprojectPath);
    let roots: { key: string; requirement?: string; dev?: boolean }[];
    if (pyproject !== undefined) {
      let requirements: ReturnType<typeof pyprojectRequirements> = [];
      try {
        requirements = pyprojectRequirements(pyproject, pyprojectPath);
      } catch {
        // the pyproject.toml's own parse reports its problem; fall back to the lock's roots
      }
      roots = requirements.map((r) => ({
        key: normalizePythonName(r.name),
        requirement: r.requirement,
        dev: r.dev,
      }));
      if (roots.length === 0)
        roots = [...nodes.keys()].filter((k) => !dependedOn.has(k)).map((key) => ({ key }));
    } else roots = [...nodes.keys()].filter((k) => !dependedOn.has(k)).map((key) => ({ key }));
    roots.sort((a, b) => Number(a.dev ?? false) - Number(b.dev ?? false));
    return dependenciesFromGraph({ ecosystem: "PyPI", file, nodes, roots });
  },
};
