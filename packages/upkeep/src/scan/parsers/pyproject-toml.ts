import { parse as parseToml } from "smol-toml";
import type { Dependency } from "../types.js";
import { type ManifestParser, ManifestSyntaxError } from "./manifest-parser.js";
import { lowestPoetryVersion, parsePep508 } from "./pep508.js";

/** A direct requirement declared in pyproject.toml. */
export interface PyprojectRequirement {
  name: string;
  requirement: string;
  version: string | undefined;
  dev: boolean;
}

type Table = Record<string, unknown>;

const isTable = (value: unknown): value is Table =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The direct requirements of a pyproject.toml: PEP 621 `[project] dependencies` and
 * `optional-dependencies`, PEP 735 `[dependency-groups]` (dev), and Poetry's
 * `[tool.poetry.dependencies]`, `dev-dependencies` and `group.<name>.dependencies` (dev).
 */
export function pyprojectRequirements(text: string, file: string): PyprojectRequirement[] {
  let doc: Table;
  try {
    doc = parseToml(text) as Table;
  } catch (error) {
    throw new ManifestSyntaxError(`${file}: not valid TOML: ${(error as Error).message.split("\n")[0]}`);
  }
  const out: PyprojectRequirement[] = [];
  const pep508 = (entries: unknown, field: string, dev: boolean) => {
    if (entries === undefined) return;
    if (!Array.isArray(entries))
      throw new ManifestSyntaxError(`${file}: ${field} must be an array of requirements`);
    for (const [i, entry] of entries.entries()) {
      if (isTable(entry)) continue; // PEP 735 {include-group = "…"}
      if (typeof entry !== "string")
        throw new ManifestSyntaxError(`${file}: ${field}[${i}] must be a string`);
      try {
        const parsed = parsePep508(entry);
        if (!parsed.url)
          out.push({ name: parsed.name, requirement: parsed.specifier, version: parsed.version, dev });
      } catch (error) {
        throw new ManifestSyntaxError(`${file}: ${field}[${i}]: ${(error as Error).message}`);
      }
    }
  };
  const project = doc.project;
  if (isTable(project)) {
    pep508(project.dependencies, "project.dependencies", false);
    if (isTable(project["optional-dependencies"]))
      for (const [extra, list] of Object.entries(project["optional-dependencies"]))
        pep508(list, `project.optional-dependencies.${extra}`, false);
  }
  if (isTable(doc["dependency-groups"]))
    for (const [group, list] of Object.entries(doc["dependency-groups"]))
      pep508(list, `dependency-groups.${group}`, true);

  const poetry = isTable(doc.tool) && isTable(doc.tool.poetry) ? doc.tool.poetry : undefined;
  if (poetry) {
    const tables: [unknown, string, boolean][] = [
      [poetry.dependencies, "tool.poetry.dependencies", false],
      [poetry["dev-dependencies"], "tool.poetry.dev-dependencies", true],
    ];
    if (isTable(poetry.group))
      for (const [group, body] of Object.entries(poetry.group))
        if (isTable(body))
          tables.push([body.dependencies, `tool.poetry.group.${group}.dependencies`, group !== "main"]);
    for (const [table, field, dev] of tables) {
      if (table === undefined) continue;
      if (!isTable(table)) throw new ManifestSyntaxError(`${file}: ${field} must be a table`);
      for (const [name, spec] of Object.entries(table)) {
        if (name.toLowerCase() === "python") continue;
        const constraint = typeof spec === "string" ? spec : isTable(spec) ? spec.version : undefined;
        if (typeof constraint !== "string") continue; // git, path or url dependency
        out.push({ name, requirement: constraint, version: lowestPoetryVersion(constraint), dev });
      }
    }
  }
  return out;
}

/** pyproject.toml without poetry.lock: its direct requirements at their lowest allowed versions. */
export const pyprojectTomlParser: ManifestParser = {
  id: "pyproject.toml",
  ecosystem: "PyPI",
  role: "manifest",
  matches: (name) => name === "pyproject.toml",
  parse({ file, text }) {
    return pyprojectRequirements(text, file).map(
      (r): Dependency => ({
        ecosystem: "PyPI",
        name: r.name,
        version: r.version ?? "",
        requirement: r.requirement,
        direct: true,
        file,
        path: [r.name],
        dev: r.dev,
      }),
    );
  },
};
