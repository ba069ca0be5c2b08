/**
 * Package and module names that a repository defines, read from its manifests, so that an
 * import in one repository resolves to the repository (and directory) that defines it.
 */
export type Ecosystem = "npm" | "maven" | "go" | "python" | "nuget";

export interface PackageName {
  /** `@acme/money`, `com.acme:money`, `github.com/acme/money`, `acme_money`, `Acme.Money`. */
  name: string;
  ecosystem: Ecosystem;
  /** Repository-relative directory of the manifest or package ("" for the root). */
  dir: string;
}

const MANIFEST_NAMES = new Set([
  "package.json",
  "pom.xml",
  "go.mod",
  "pyproject.toml",
  "setup.cfg",
  "setup.py",
]);

/** Whether a repository-relative path is a manifest this module reads. */
export function isManifest(relativePath: string): boolean {
  const base = relativePath.slice(relativePath.lastIndexOf("/") + 1);
  return MANIFEST_NAMES.has(base) || base.endsWith(".csproj") || base === "__init__.py";
}

/**
 * Package names declared by one manifest. `text` is the file's content (undefined for
 * `__init__.py`, whose package is its directory — see `pythonTopLevelPackages`).
 */
export function packageNamesOf(relativePath: string, text: string): PackageName[] {
  const slash = relativePath.lastIndexOf("/");
  const dir = slash === -1 ? "" : relativePath.slice(0, slash);
  const base = relativePath.slice(slash + 1);
  const named = (name: string | undefined, ecosystem: Ecosystem): PackageName[] =>
    name ? [{ name, ecosystem, dir }] : [];
  switch (base) {
    case "package.json":
      return named(npmName(text), "npm");
    case "pom.xml":
      return named(mavenCoordinates(text), "maven");
    case "go.mod":
      return named(/^\s*module\s+("?)([^\s"]+)\1/m.exec(text)?.[2], "go");
    case "pyproject.toml":
      return named(tomlSectionValue(text, ["project", "tool.poetry"], "name"), "python").map(pythonName);
    case "setup.cfg":
      return named(tomlSectionValue(text, ["metadata"], "name"), "python").map(pythonName);
    case "setup.py":
      return named(/\bname\s*=\s*["']([^"']+)["']/.exec(text)?.[1], "python").map(pythonName);
    default:
      if (base.endsWith(".csproj")) {
        const id = /<(PackageId|AssemblyName|RootNamespace)>\s*([^<\s]+)\s*</.exec(text)?.[2];
        return named(id ?? base.slice(0, -".csproj".length), "nuget");
      }
      return [];
  }
}

/** Python distribution names use `-`, import names `_`. */
function pythonName(entry: PackageName): PackageName {
  return { ...entry, name: entry.name.replace(/-/g, "_") };
}

function npmName(text: string): string | undefined {
  try {
    const value = JSON.parse(text) as { name?: unknown };
    return typeof value.name === "string" && value.name ? value.name : undefined;
  } catch {
    return undefined; // a broken package.json names no package; the walker still indexes the code
  }
}

/** `groupId:artifactId` of the project itself (not of its parent, dependencies or plugins). */
export function mavenCoordinates(pom: string): string | undefined {
  const parentGroup = /<parent>[\s\S]*?<groupId>\s*([^<\s]+)\s*<\/groupId>[\s\S]*?<\/parent>/.exec(pom)?.[1];
  const own = pom.replace(
    /<(parent|dependencies|dependencyManagement|build|profiles|plugins|reporting|modules)>[\s\S]*?<\/\1>/g,
    "",
  );
  const artifactId = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(own)?.[1];
  const groupId = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(own)?.[1] ?? parentGroup;
  return artifactId && groupId ? `${groupId}:${artifactId}` : undefined;
}

/** `key = "value"` inside one of the `[sections]` of a TOML or INI file. */
function tomlSectionValue(text: string, sections: readonly string[], key: string): string | undefined {
  let inSection = false;
  for (const line of text.split("\n")) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      inSection = sections.includes(header[1]?.trim() ?? "");
      continue;
    }
    if (!inSection) continue;
    const match = new RegExp(`^\\s*${key}\\s*=\\s*["']?([^"'\\s#]+)`).exec(line);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/**
 * Python top-level packages: directories holding `__init__.py` whose parent holds none
 * (`src/acme/__init__.py` → `acme` at `src/acme`).
 */
export function pythonTopLevelPackages(paths: readonly string[]): PackageName[] {
  const packageDirs = new Set(
    paths
      .filter((p) => p === "__init__.py" || p.endsWith("/__init__.py"))
      .map((p) => p.slice(0, p.lastIndexOf("/"))),
  );
  const found: PackageName[] = [];
  for (const dir of packageDirs) {
    if (!dir) continue;
    const slash = dir.lastIndexOf("/");
    const parent = slash === -1 ? "" : dir.slice(0, slash);
    if (parent && packageDirs.has(parent)) continue;
    found.push({ name: dir.slice(slash + 1), ecosystem: "python", dir });
  }
  return found.sort((a, b) => a.dir.localeCompare(b.dir));
}
