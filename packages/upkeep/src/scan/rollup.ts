import type { SchemeCaches } from "./advisories/match-range.js";
import { severityRank } from "./advisories/severity.js";
import type { AdvisoryRollup, RepositoryScan } from "./types.js";

/**
 * The organisation view: each advisory with the number of repositories it hits (most first,
 * then by severity). `fixed_version` is the highest of the per-finding fixed versions, the one
 * that fixes every affected install when the advisory has a single fixed line.
 */
export function rollupFindings(
  repositories: readonly RepositoryScan[],
  caches: SchemeCaches,
): AdvisoryRollup[] {
  const byAdvisory = new Map<string, AdvisoryRollup & { repoSet: Set<string> }>();
  for (const repo of repositories) {
    for (const finding of repo.findings) {
      let entry = byAdvisory.get(finding.advisory_id);
      if (!entry) {
        entry = {
          advisory_id: finding.advisory_id,
          severity: finding.severity,
          package: finding.package,
          ecosystem: finding.ecosystem,
          repositories: 0,
          fixed_version: finding.fixed_version,
          summary: finding.summary,
          findings: 0,
          repository_names: [],
          repoSet: new Set(),
        };
        byAdvisory.set(finding.advisory_id, entry);
      }
      entry.findings = (entry.findings ?? 0) + 1;
      if (!entry.repoSet.has(repo.path)) {
        entry.repoSet.add(repo.path);
        entry.repository_names?.push(repo.repo);
      }
      if (severityRank(finding.severity) > severityRank(entry.severity)) entry.severity = finding.severity;
      if (finding.fixed_version !== null) {
        const scheme = caches.for(finding.ecosystem, "ECOSYSTEM");
        if (
          entry.fixed_version === null ||
          (scheme.compareStrings(finding.fixed_version, entry.fixed_version) ?? 0) > 0
        )
          entry.fixed_version = finding.fixed_version;
      }
    }
  }
  return [...byAdvisory.values()]
    .map(({ repoSet, ...rest }) => ({ ...rest, repositories: repoSet.size }))
    .sort(
      (a, b) =>
        b.repositories - a.repositories ||
        severityRank(b.severity) - severityRank(a.severity) ||
        (a.advisory_id < b.advisory_id ? -1 : a.advisory_id > b.advisory_id ? 1 : 0),
    );
}
