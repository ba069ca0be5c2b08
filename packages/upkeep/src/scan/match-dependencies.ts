import type { AdvisoryIndex } from "./advisories/advisory-index.js";
import { matchAffected, type SchemeCaches } from "./advisories/match-range.js";
import type { OsvAffected, OsvRecord } from "./advisories/osv-schema.js";
import { advisorySeverity, severityRank } from "./advisories/severity.js";
import type { Dependency, Finding } from "./types.js";

/**
 * Matches dependencies against the advisory index: one finding per advisory and installed
 * package (an advisory listing the package in several `affected` entries is one finding,
 * with the smallest fixed version above the installed one among them). Go fixed versions get
 * the `v` prefix Go uses (OSV records write them without it), so `go get mod@<fixed>` works.
 */
export function matchDependencies(
  deps: readonly Dependency[],
  index: AdvisoryIndex,
  caches: SchemeCaches,
): Finding[] {
  const findings: Finding[] = [];
  for (const dep of deps) {
    if (!dep.version) continue;
    const entries = index.lookup(dep.ecosystem, dep.name);
    if (entries.length === 0) continue;
    const hits = new Map<string, { record: OsvRecord; affected: OsvAffected; fixed: string | null }>();
    for (const { record, affected } of entries) {
      const match = matchAffected(affected, dep.ecosystem, dep.version, caches);
      if (!match) continue;
      const previous = hits.get(record.id);
      if (!previous) {
        hits.set(record.id, { record, affected, fixed: match.fixed });
        continue;
      }
      if (match.fixed !== null) {
        const scheme = caches.for(dep.ecosystem, "ECOSYSTEM");
        if (previous.fixed === null || (scheme.compareStrings(match.fixed, previous.fixed) ?? 0) < 0)
          previous.fixed = match.fixed;
      }
    }
    for (const { record, affected, fixed } of hits.values()) {
      const { severity, cvss_score } = advisorySeverity(record, affected);
      findings.push({
        advisory_id: record.id,
        aliases: record.aliases ?? [],
        summary: record.summary,
        ecosystem: dep.ecosystem,
        package: dep.name,
        version: dep.version,
        direct: dep.direct,
        file: dep.file,
        path: dep.path,
        fixed_version:
          fixed !== null && dep.ecosystem === "Go" && !fixed.startsWith("v") ? `v${fixed}` : fixed,
        severity,
        ...(cvss_score !== undefined && { cvss_score }),
        ...(dep.dev !== undefined && { dev: dep.dev }),
      });
    }
  }
  return findings.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) ||
      byText(a.package, b.package) ||
      byText(a.advisory_id, b.advisory_id),
  );
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
