import type { Queryable } from "@uplift/core";
import { tableExists } from "../store/catalog.js";

/** New findings of one PR or commit, summed over the tools whose analysis could be compared. */
export interface ScopeFindings {
  total: number;
  error: number;
  warning: number;
  note: number;
  /** security-severity ≥ 7 (high/critical). */
  securityHigh: number;
  tools: string[];
}

export const HIGH_SECURITY_SEVERITY = 7;

interface Analysis {
  id: number;
  repo: string;
  commit: string | null;
  pr: number | null;
  base: string | null;
  tool: string;
  results: number;
}

interface Finding {
  fingerprint: string;
  level: string;
  severity: number | null;
  baseline: string | null;
  occurrences: number;
}

/**
 * New findings per analysed PR (`repo\0number`) and per analysed commit (`repo\0sha`). "New" =
 * the fingerprint is not in the same tool's analysis of the base commit. Without a base analysis
 * the tool's own `baselineState: "new"` decides; an analysis with neither (and with findings)
 * cannot say what is new and is left out, so the PR has no value rather than a wrong one.
 */
export async function newFindingsByScope(
  db: Queryable,
): Promise<{ byPr: Map<string, ScopeFindings>; byCommit: Map<string, ScopeFindings> }> {
  const byPr = new Map<string, ScopeFindings>();
  const byCommit = new Map<string, ScopeFindings>();
  if (!(await tableExists(db, "sarif_analyses"))) return { byPr, byCommit };
  const analyses = (
    await db.query<{
      id: string;
      repo: string;
      commit_sha: string | null;
      pr_number: number | null;
      base_sha: string | null;
      tool: string;
      results: number;
    }>("SELECT id, repo, commit_sha, pr_number, base_sha, tool, results FROM sarif_analyses")
  ).rows.map(
    (row): Analysis => ({
      id: Number(row.id),
      repo: row.repo,
      commit: row.commit_sha,
      pr: row.pr_number,
      base: row.base_sha,
      tool: row.tool,
      results: row.results,
    }),
  );
  if (analyses.length === 0) return { byPr, byCommit };
  const findings = new Map<number, Finding[]>();
  const { rows } = await db.query<{
    analysis_id: string;
    fingerprint: string;
    level: string;
    security_severity: number | null;
    baseline_state: string | null;
    occurrences: number;
  }>(
    "SELECT analysis_id, fingerprint, level, security_severity, baseline_state, occurrences FROM sarif_findings",
  );
  for (const row of rows) {
    const id = Number(row.analysis_id);
    let list = findings.get(id);
    if (!list) {
      list = [];
      findings.set(id, list);
    }
    list.push({
      fingerprint: row.fingerprint,
      level: row.level,
      severity: row.security_severity,
      baseline: row.baseline_state,
      occurrences: row.occurrences,
    });
  }
  const atCommit = new Map<string, Analysis>();
  for (const analysis of analyses) {
    if (analysis.commit) atCommit.set(`${analysis.repo}\0${analysis.tool}\0${analysis.commit}`, analysis);
  }
  for (const analysis of analyses) {
    const own = findings.get(analysis.id) ?? [];
    const base = analysis.base ? baseAnalysis(atCommit, analysis) : undefined;
    let fresh: Finding[];
    if (base) {
      const known = new Set((findings.get(base.id) ?? []).map((f) => f.fingerprint));
      fresh = own.filter((f) => !known.has(f.fingerprint));
    } else if (own.some((f) => f.baseline !== null)) {
      fresh = own.filter((f) => f.baseline === "new");
    } else if (own.length === 0) {
      fresh = [];
    } else {
      continue;
    }
    const target = analysis.pr !== null ? byPr : byCommit;
    const key = `${analysis.repo}\0${analysis.pr ?? analysis.commit}`;
    let scope = target.get(key);
    if (!scope) {
      scope = { total: 0, error: 0, warning: 0, note: 0, securityHigh: 0, tools: [] };
      target.set(key, scope);
    }
    scope.tools.push(analysis.tool);
    for (const finding of fresh) {
      if (finding.level === "none") continue;
      scope.total += finding.occurrences;
      if (finding.level === "error") scope.error += finding.occurrences;
      else if (finding.level === "warning") scope.warning += finding.occurrences;
      else scope.note += finding.occurrences;
      if (finding.severity !== null && finding.severity >= HIGH_SECURITY_SEVERITY)
        scope.securityHigh += finding.occurrences;
    }
  }
  return { byPr, byCommit };
}

/** The same tool's analysis of the base commit (the base may be abbreviated). */
function baseAnalysis(atCommit: ReadonlyMap<string, Analysis>, analysis: Analysis): Analysis | undefined {
  const exact = atCommit.get(`${analysis.repo}\0${analysis.tool}\0${analysis.base}`);
  if (exact || !analysis.base) return exact;
  for (const [key, candidate] of atCommit) {
    if (
      candidate.repo === analysis.repo &&
      candidate.tool === analysis.tool &&
      key.endsWith(`\0${candidate.commit}`)
    ) {
      if (candidate.commit?.startsWith(analysis.base) || analysis.base.startsWith(candidate.commit ?? "\0"))
        return candidate;
    }
  }
  return undefined;
}
