import { goModParser } from "./go-mod.js";
import { goSumParser } from "./go-sum.js";
import { gradleBuildParser, gradleLockfileParser, gradleVersionCatalogParser } from "./gradle.js";
import type { ManifestParser } from "./manifest-parser.js";
import { packageJsonParser } from "./package-json.js";
import { packageLockParser } from "./package-lock.js";
import { pnpmLockParser } from "./pnpm-lock.js";
import { poetryLockParser } from "./poetry-lock.js";
import { pomXmlParser } from "./pom-xml.js";
import { pyprojectTomlParser } from "./pyproject-toml.js";
import { requirementsTxtParser } from "./requirements-txt.js";
import { yarnLockParser } from "./yarn-lock.js";

/** Every manifest and lock file format a scan reads, one module each. */
export const MANIFEST_PARSERS: readonly ManifestParser[] = [
  packageJsonParser,
  packageLockParser,
  yarnLockParser,
  pnpmLockParser,
  requirementsTxtParser,
  pyprojectTomlParser,
  poetryLockParser,
  pomXmlParser,
  gradleBuildParser,
  gradleVersionCatalogParser,
  gradleLockfileParser,
  goModParser,
  goSumParser,
];

export function parserFor(fileName: string): ManifestParser | undefined {
  return MANIFEST_PARSERS.find((p) => p.matches(fileName));
}
