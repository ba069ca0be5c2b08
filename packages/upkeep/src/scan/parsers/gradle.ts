import { parse as parseToml } from "smol-toml";
import type { Dependency } from "../types.js";
import { type ManifestParser, ManifestSyntaxError } from "./manifest-parser.js";

/** `group:artifact:version` with a concrete version (no `+`, no `latest.release`, no `$var`). */
const COORDINATE = /^([\w.-]+):([\w.-]+):([\w.-]+)$/;

const isConcrete = (version: string) => /^\d/.test(version) && !version.includes("+");

/**
 * Gradle dependency locking (`gradle.lockfile`, Gradle 6.8+): one resolved module per line,
 * `group:artifact:version=configuration,…`, the whole graph of the locked configurations. A
 * module only in test configurations is a dev dependency. Which ones are direct the lock does
 * not say: every entry is reported as resolved (`direct: false`) unless the build script next
 * to it declares it (the scan keeps the direct occurrence).
 */
export const gradleLockfileParser: ManifestParser = {
  id: "gradle.lockfile",
  ecosystem: "Maven",
  role: "lock",
  matches: (name) => name === "gradle.lockfile" || name.endsWith(".gradle.lockfile"),
  parse({ file, text }) {
    const out: Dependency[] = [];
    for (const [i, raw] of text.split(/\r?\n/).entries()) {
      const line = raw.trim();
      if (line === "" || line.startsWith("#") || line.startsWith("empty=")) continue;
      const [coordinate = "", configurations = ""] = line.split("=");
      const match = COORDINATE.exec(coordinate);
      if (!match)
        throw new ManifestSyntaxError(
          `${file}:${i + 1}: expected "group:artifact:version=configurations", got "${line}"`,
        );
      const name = `${match[1]}:${match[2]}`;
      const dev = configurations !== "" && configurations.split(",").every((c) => /test/i.test(c));
      out.push({
        ecosystem: "Maven",
        name,
        version: match[3] as string,
        direct: false,
        file,
        path: [name],
        dev,
      });
    }
    return out;
  },
};

type Table = Record<string, unknown>;
const isTable = (value: unknown): value is Table =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A version catalog (`gradle/libs.versions.toml`): `[libraries]` entries as `"g:a:v"` or
 * `{ module = "g:a", version = "1.2" | version.ref = "key" | version = { strictly|require|prefer } }`
 * or `{ group, name, version… }`, versions from `[versions]`. Entries without a concrete version
 * (a BOM manages them, or a dynamic `1.+`) are left out: nothing to match.
 */
export const gradleVersionCatalogParser: ManifestParser = {
  id: "libs.versions.toml",
  ecosystem: "Maven",
  role: "manifest",
  matches: (name) => name.endsWith(".versions.toml"),
  parse({ file, text }) {
    let doc: Table;
    try {
      doc = parseToml(text) as Table;
    } catch (error) {
      throw new ManifestSyntaxError(`${file}: not valid TOML (${(error as Error).message.split("\n")[0]})`);
    }
    const versions = isTable(doc.versions) ? doc.versions : {};
    const versionOf = (spec: unknown): string | undefined => {
      if (typeof spec === "string") return spec;
      if (!isTable(spec)) return undefined;
      if (typeof spec.ref === "string") return versionOf(versions[spec.ref]);
      for (const key of ["strictly", "require", "prefer"])
        if (typeof spec[key] === "string") return spec[key] as string;
      return undefined;
    };
    const out: Dependency[] = [];
    for (const [alias, entry] of Object.entries(isTable(doc.libraries) ? doc.libraries : {})) {
      let name: string | undefined;
      let requirement: string | undefined;
      if (typeof entry === "string") {
        const match = COORDINATE.exec(entry);
        if (match) [name, requirement] = [`${match[1]}:${match[2]}`, match[3]];
        else if (!/^[\w.-]+:[\w.-]+$/.test(entry))
          throw new ManifestSyntaxError(
            `${file}: [libraries] ${alias}: "${entry}" is not group:artifact[:version]`,
          );
      } else if (isTable(entry)) {
        name =
          typeof entry.module === "string"
            ? entry.module
            : typeof entry.group === "string" && typeof entry.name === "string"
              ? `${entry.group}:${entry.name}`
              : undefined;
        if (name === undefined)
          throw new ManifestSyntaxError(
            `${file}: [libraries] ${alias}: needs module = "group:artifact" or group and name`,
          );
        // `version.ref = "key"` is a dotted key: TOML makes it { version: { ref: "key" } }
        requirement = versionOf(entry.version);
      }
      if (!name || requirement === undefined || !isConcrete(requirement)) continue;
      out.push({
        ecosystem: "Maven",
        name,
        version: requirement,
        requirement,
        direct: true,
        file,
        path: [name],
      });
    }
    return out;
  },
};

/** `implementation("g:a:v")`, `api 'g:a:v'`, `testImplementation "g:a:v"`, `classpath(…)`, `kapt(…)`. */
const DECLARATION =
  /\b(implementation|api|compileOnly|runtimeOnly|annotationProcessor|kapt|ksp|classpath|compile|runtime|testImplementation|testCompileOnly|testRuntimeOnly|androidTestImplementation|testFixturesImplementation|debugImplementation|releaseImplementation)\s*\(?\s*(?:platform\s*\(\s*)?["']([^"'$]+)["']/g;

/**
 * A build script (`build.gradle`, `build.gradle.kts`): dependencies declared with a literal
 * `"group:artifact:version"` string. Versions from variables (`"g:a:$v"`), catalogs
 * (`libs.foo`, read from the catalog itself) or dynamic ones (`1.+`) are left out. Test
 * configurations are dev dependencies.
 */
export const gradleBuildParser: ManifestParser = {
  id: "build.gradle",
  ecosystem: "Maven",
  role: "manifest",
  matches: (name) => name === "build.gradle" || name === "build.gradle.kts",
  parse({ file, text }) {
    const out: Dependency[] = [];
    const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
    for (const match of code.matchAll(DECLARATION)) {
      const coordinate = COORDINATE.exec(match[2] as string);
      if (!coordinate || !isConcrete(coordinate[3] as string)) continue;
      const name = `${coordinate[1]}:${coordinate[2]}`;
      out.push({
        ecosystem: "Maven",
        name,
        version: coordinate[3] as string,
        requirement: coordinate[3] as string,
        direct: true,
        file,
        path: [name],
        dev: /test/i.test(match[1] as string),
      });
    }
    return out;
  },
};
