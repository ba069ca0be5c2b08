import { compare, explain } from "@renovatebot/pep440";
import type { VersionScheme } from "./version-scheme.js";

/** PEP 440 ordering through `@renovatebot/pep440` (Renovate's implementation of the spec). */
export const pep440VersionScheme: VersionScheme<string> = {
  name: "pep440",
  parse(version) {
    const trimmed = version.trim();
    return explain(trimmed) ? trimmed : undefined;
  },
  compare(a, b) {
    return compare(a, b);
  },
};

/** PEP 503 name normalisation: `Django_REST.framework` → `django-rest-framework`. */
export function normalizePythonName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, "-");
}
