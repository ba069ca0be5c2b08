import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Dependency } from "../types.js";
import {
  dirOf,
  joinRelative,
  type ManifestParser,
  ManifestSyntaxError,
  type RepoFiles,
} from "./manifest-parser.js";

interface PomDependency {
  groupId?: string;
  artifactId?: string;
  version?: string;
  scope?: string;
}

interface RawPom {
  file: string;
  groupId?: string;
  artifactId?: string;
  version?: string;
  parent?: { groupId?: string; artifactId?: string; version?: string; relativePath?: string };
  properties: Record<string, string>;
  managed: PomDependency[];
  dependencies: PomDependency[];
}

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, jpath) => String(jpath).endsWith("dependencies.dependency"),
});

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;

function readPom(file: string, source: string): RawPom {
  const valid = XMLValidator.validate(source);
  if (valid !== true)
    throw new ManifestSyntaxError(`${file}:${valid.err.line}: not valid XML: ${valid.err.msg}`);
  const doc = xml.parse(source) as { project?: Record<string, unknown> };
  const project = doc.project;
  if (!project || typeof project !== "object")
    throw new ManifestSyntaxError(`${file}: no <project> root element`);
  const deps = (section: unknown): PomDependency[] => {
    const list = (section as { dependency?: unknown } | undefined)?.dependency;
    return Array.isArray(list) ? (list as PomDependency[]) : [];
  };
  const properties: Record<string, string> = {};
  if (project.properties && typeof project.properties === "object")
    for (const [key, value] of Object.entries(project.properties)) {
      const v = text(value);
      if (v !== undefined) properties[key] = v;
    }
  const parent = project.parent as RawPom["parent"];
  const management = project.dependencyManagement as { dependencies?: unknown } | undefined;
  return {
    file,
    ...(text(project.groupId) !== undefined && { groupId: text(project.groupId) }),
    ...(text(project.artifactId) !== undefined && { artifactId: text(project.artifactId) }),
    ...(text(project.version) !== undefined && { version: text(project.version) }),
    ...(parent && typeof parent === "object" && { parent }),
    properties,
    managed: deps(management?.dependencies),
    dependencies: deps(project.dependencies),
  };
}

/** Parsed pom.xml files per repository, so parents are read once. */
const cache = new WeakMap<RepoFiles, Map<string, RawPom | Error>>();

function pomAt(repo: RepoFiles, file: string): RawPom | undefined {
  let poms = cache.get(repo);
  if (!poms) {
    poms = new Map();
    cache.set(repo, poms);
  }
  let pom = poms.get(file);
  if (pom === undefined) {
    const source = repo.read(file);
    if (source === undefined) return undefined;
    try {
      pom = readPom(file, source);
    } catch (error) {
      pom = error as Error;
    }
    poms.set(file, pom);
  }
  return pom instanceof Error ? undefined : pom;
}

/** The parent pom inside the repository: at `relativePath` (default `../pom.xml`), else by coordinates. */
function parentOf(repo: RepoFiles, pom: RawPom): RawPom | undefined {
  const ref = pom.parent;
  if (!ref?.artifactId) return undefined;
  const matches = (candidate: RawPom | undefined) =>
    candidate !== undefined &&
    candidate.artifactId === ref.artifactId &&
    (candidate.groupId ?? candidate.parent?.groupId) === ref.groupId;
  const relative = ref.relativePath ?? "../pom.xml";
  if (relative !== "") {
    const target = joinRelative(
      dirOf(pom.file),
      relative.endsWith(".xml") ? relative : `${relative}/pom.xml`,
    );
    const candidate = target === undefined ? undefined : pomAt(repo, target);
    if (matches(candidate)) return candidate;
  }
  for (const file of repo.manifests) {
    if (!file.endsWith("pom.xml") || file === pom.file) continue;
    const candidate = pomAt(repo, file);
    if (matches(candidate)) return candidate;
  }
  return undefined;
}

function interpolate(value: string, props: Record<string, string>): string {
  let out = value;
  for (let i = 0; i < 10 && out.includes("${"); i++) {
    out = out.replace(/\$\{([^}]+)\}/g, (whole, key: string) => props[key] ?? whole);
  }
  return out;
}

/** A Maven version range (`[1.2,2.0)`) → its inclusive lower bound; a plain version as is. */
function lowestMavenVersion(version: string): string | undefined {
  if (version.includes("${")) return undefined;
  const range = /^\[\s*([^,\s\]]+)\s*[,\]]/.exec(version);
  if (range) return range[1];
  if (/^[[(]/.test(version)) return undefined;
  return version;
}

/**
 * pom.xml: `<dependencies>` with `${…}` properties (the pom's own, its parents' within the
 * repository, and `project.*`), and versions taken from `<dependencyManagement>` (own and
 * inherited) when a dependency names none. Maven has no lock file: direct dependencies only;
 * test scope counts as dev. An imported BOM outside the repository cannot be read.
 */
export const pomXmlParser: ManifestParser = {
  id: "pom.xml",
  ecosystem: "Maven",
  role: "manifest",
  matches: (name) => name === "pom.xml",
  parse({ file, text: source, repo }) {
    const pom = pomAt(repo, file) ?? readPom(file, source); // rethrows the syntax error
    const chain: RawPom[] = [pom];
    for (let p = parentOf(repo, pom); p && chain.length < 20 && !chain.includes(p); p = parentOf(repo, p))
      chain.push(p);
    const props: Record<string, string> = {};
    const managed = new Map<string, PomDependency>();
    for (const level of [...chain].reverse()) {
      Object.assign(props, level.properties);
      for (const m of level.managed) managed.set(`${m.groupId}:${m.artifactId}`, m);
    }
    const version = pom.version ?? pom.parent?.version;
    const groupId = pom.groupId ?? pom.parent?.groupId;
    Object.assign(props, {
      ...(version !== undefined && { "project.version": version, version, "pom.version": version }),
      ...(groupId !== undefined && { "project.groupId": groupId }),
      ...(pom.artifactId !== undefined && { "project.artifactId": pom.artifactId }),
      ...(pom.parent?.version !== undefined && { "project.parent.version": pom.parent.version }),
    });
    const out: Dependency[] = [];
    for (const dep of pom.dependencies) {
      const group = interpolate(text(dep.groupId) ?? "", props);
      const artifact = interpolate(text(dep.artifactId) ?? "", props);
      if (!group || !artifact)
        throw new ManifestSyntaxError(`${file}: a <dependency> needs groupId and artifactId`);
      const name = `${group}:${artifact}`;
      const managedEntry = managed.get(name) ?? managed.get(`${dep.groupId}:${dep.artifactId}`);
      const written = text(dep.version) ?? text(managedEntry?.version);
      const resolved = written === undefined ? undefined : interpolate(written, props);
      const scope = text(dep.scope) ?? text(managedEntry?.scope);
      out.push({
        ecosystem: "Maven",
        name,
        version: resolved === undefined ? "" : (lowestMavenVersion(resolved) ?? ""),
        requirement: written,
        direct: true,
        file,
        path: [name],
        dev: scope === "test",
      });
    }
    return out;
  },
};
