import { stat } from "node:fs/promises";
import path from "node:path";
import { InputError, type Logger } from "@uplift/core";
import { type AdvisoryDatabase, loadAdvisories } from "./advisories/load-advisories.js";
import { SchemeCaches } from "./advisories/match-range.js";
import { type Severity, severityRank } from "./advisories/severity.js";
import { rollupFindings } from "./rollup.js";
import { scanRepository } from "./scan-repository.js";
import type { RepositoryScan, ScanReport } from "./types.js";

export interface ScanOptions {
  /** Repository roots. */
  repos: readonly string[];
  /** Directory of OSV JSON records (searched recursively). */
  advisoriesDir: string;
  logger?: Logger | undefined;
  /** Keep only findings of at least this severity (`unknown` keeps everything). */
  minSeverity?: Severity | undefined;
}

/**
 * Scans repositories against a directory of OSV advisories: findings per repository and the
 * organisation roll-up. A missing repository or advisory directory is bad input (InputError);
 * a file that cannot be parsed is reported in the result and the scan goes on.
 *
 * @example
 * const report = await scanRepositories({ repos: ["../billing", "../shop"], advisoriesDir: "osv/" });
 * report.rollup[0]; // { advisory_id: "GHSA-…", repositories: 2, fixed_version: "1.2.6", … }
 */
export async function scanRepositories(options: ScanOptions): Promise<ScanReport> {
  if (options.repos.length === 0)
    throw new InputError("no repository to scan", {
      hint: "give --repo DIR (repeatable) or --repos-from FILE",
    });
  const roots = await checkRepos(options.repos);
  const advisories = await loadAdvisories(options.advisoriesDir, { logger: options.logger });
  return scanWithAdvisories(roots, advisories, options);
}

/** The scan itself, over advisories already loaded (a campaign reuses one load for many scans). */
export function scanWithAdvisories(
  roots: readonly string[],
  advisories: AdvisoryDatabase,
  options: { logger?: Logger | undefined; minSeverity?: Severity | undefined } = {},
): ScanReport {
  const started = performance.now();
  const caches = new SchemeCaches();
  const minRank = severityRank(options.minSeverity ?? "unknown");
  const repositories: RepositoryScan[] = [];
  for (const root of roots) {
    const scan = scanRepository(root, advisories.index, caches);
    if (minRank > 0) scan.findings = scan.findings.filter((f) => severityRank(f.severity) >= minRank);
    for (const error of scan.errors) options.logger?.warn({ repo: scan.repo, ...error }, "manifest skipped");
    repositories.push(scan);
  }
  for (const skipped of advisories.skipped) options.logger?.warn(skipped, "advisory file skipped");
  const rollup = rollupFindings(repositories, caches);
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 };
  for (const repo of repositories) for (const f of repo.findings) bySeverity[f.severity]++;
  return {
    repositories,
    rollup,
    advisories: {
      loaded: advisories.loaded,
      skipped: advisories.skipped,
      withdrawn: advisories.withdrawn,
      git_ranges_ignored: advisories.git_ranges_ignored,
    },
    summary: {
      repositories: repositories.length,
      dependencies: repositories.reduce((n, r) => n + r.dependencies, 0),
      findings: repositories.reduce((n, r) => n + r.findings.length, 0),
      by_severity: bySeverity,
      advisories_hit: rollup.length,
      errors: repositories.reduce((n, r) => n + r.errors.length, 0),
      duration_ms: Math.round(performance.now() - started),
    },
  };
}

async function checkRepos(repos: readonly string[]): Promise<string[]> {
  const roots: string[] = [];
  for (const repo of repos) {
    const root = path.resolve(repo);
    const info = await stat(root).catch(() => undefined);
    if (!info?.isDirectory())
      throw new InputError(`--repo ${repo}: no such directory`, {
        hint: "give the root directory of a repository",
      });
    if (!roots.includes(root)) roots.push(root);
  }
  return roots;
}
