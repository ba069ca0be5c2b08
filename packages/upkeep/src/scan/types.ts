/** Package ecosystems as OSV names them. */
export type Ecosystem = "npm" | "PyPI" | "Maven" | "Go";

/** One resolved dependency of a repository, from a manifest or a lock file. */
export interface Dependency {
  ecosystem: Ecosystem;
  name: string;
  /** Resolved version (lock file), or the pinned/lowest version a manifest range allows. */
  version: string;
  /** The version requirement as written in the manifest, when it is direct. */
  requirement?: string | undefined;
  direct: boolean;
  /** Manifest or lock file it comes from, relative to the repository root. */
  file: string;
  /** Chain of package names from the repository down to this one (direct: `[name]`). */
  path: string[];
  /** dev/test-only dependency. */
  dev?: boolean | undefined;
}

/** An advisory matched against one dependency. */
export interface Finding {
  advisory_id: string;
  aliases: string[];
  summary?: string | undefined;
  ecosystem: Ecosystem;
  package: string;
  version: string;
  direct: boolean;
  file: string;
  path: string[];
  /** Smallest version that fixes it and is above the installed one; null when none is known. */
  fixed_version: string | null;
  /** From CVSS when present (critical/high/medium/low), else the advisory's own, else "unknown". */
  severity: "critical" | "high" | "medium" | "low" | "unknown";
  cvss_score?: number | undefined;
  /** The dependency is dev/test-only. */
  dev?: boolean | undefined;
}

export interface RepositoryScan {
  repo: string;
  path: string;
  dependencies: number;
  findings: Finding[];
  /** Manifest/lock files that could not be parsed: the rest of the scan goes on. */
  errors: { file: string; message: string }[];
  /** Manifest and lock files found, relative to the repository root. */
  manifests?: string[] | undefined;
}

export interface AdvisoryRollup {
  advisory_id: string;
  severity: Finding["severity"];
  package: string;
  ecosystem: Ecosystem;
  repositories: number;
  fixed_version: string | null;
  summary?: string | undefined;
  /** Findings across all repositories (a repository may have the package in several files). */
  findings?: number | undefined;
  /** Names of the repositories it hits. */
  repository_names?: string[] | undefined;
}

export interface ScanReport {
  repositories: RepositoryScan[];
  rollup: AdvisoryRollup[];
  advisories: {
    loaded: number;
    skipped: { file: string; message: string }[];
    /** Withdrawn records: loaded but never matched. */
    withdrawn?: number | undefined;
    /** GIT ranges name commits, not versions: counted, not evaluated. */
    git_ranges_ignored?: number | undefined;
  };
  /** Totals over the repositories (after any severity filter). */
  summary?: ScanSummary | undefined;
}

export interface ScanSummary {
  repositories: number;
  dependencies: number;
  findings: number;
  /** Findings per severity. */
  by_severity: Record<Finding["severity"], number>;
  /** Distinct advisories with at least one finding. */
  advisories_hit: number;
  /** Manifest/lock files that could not be parsed, over all repositories. */
  errors: number;
  duration_ms: number;
}
