import { readFile } from "node:fs/promises";
import { InputError, insertRows, type Logger, type Queryable, type Store, silentLogger } from "@uplift/core";
import { recordImportRun } from "../../store/import-runs.js";
import { type SarifFinding, sarifFindings } from "./sarif-findings.js";
import { sarifValidator } from "./sarif-schema.js";

export interface ImportSarifOptions {
  files: readonly string[];
  /** The repository, as in `prs.repo` / `commits.repo` (e.g. "acme/web"). */
  repo: string;
  /** The analysed PR's number (its head); exclusive with `commit`. */
  pr?: number | undefined;
  /** The analysed commit; exclusive with `pr`. */
  commit?: string | undefined;
  /** The commit whose analysis decides what is new; default: the first parent of the PR's merge commit / of `commit`. */
  base?: string | undefined;
  logger?: Logger | undefined;
}

export interface SarifImportResult {
  repo: string;
  pr: number | null;
  commit: string | null;
  base: string | null;
  analyses: {
    tool: string;
    files: string[];
    results: number;
    findings: number;
    suppressed: number;
    absent: number;
  }[];
  findingsByLevel: Record<SarifFinding["level"], number>;
  durationMs: number;
}

const SHA = /^[0-9a-f]{7,64}$/;

interface ToolAnalysis {
  tool: string;
  files: string[];
  results: number;
  suppressed: number;
  absent: number;
  findings: Map<string, SarifFinding>;
}

/**
 * Imports SARIF 2.1.0 files (CodeQL, Semgrep, ESLint, SonarQube exports …) as the analysis of one
 * commit or one PR. Every file is read and validated against the published SARIF 2.1.0 schema
 * first; a file that does not validate is an InputError naming the file and the JSON path of the
 * problem, and nothing is written. Then, in one transaction, each tool's analysis of that scope
 * replaces the previous one (findings of several files of one tool are merged) with the import report.
 */
export async function importSarif(store: Store, options: ImportSarifOptions): Promise<SarifImportResult> {
  const started = performance.now();
  const startedAt = new Date();
  const logger = options.logger ?? silentLogger();
  const scope = checkScope(options);
  const byTool = new Map<string, ToolAnalysis>();
  const validate = sarifValidator();
  for (const file of options.files) {
    const log = await readJson(file);
    const problems = validate(log);
    if (problems.length > 0) {
      const first = problems[0] as { path: string; message: string };
      throw new InputError(`${file}: not a valid SARIF 2.1.0 log: at ${first.path}: ${first.message}`, {
        hint: "the file must validate against the SARIF 2.1.0 schema (sarif-schema-2.1.0.json)",
      });
    }
    for (const run of sarifFindings(log as { runs: unknown[] })) {
      let analysis = byTool.get(run.tool);
      if (!analysis) {
        analysis = { tool: run.tool, files: [], results: 0, suppressed: 0, absent: 0, findings: new Map() };
        byTool.set(run.tool, analysis);
      }
      if (!analysis.files.includes(file)) analysis.files.push(file);
      analysis.suppressed += run.suppressed;
      analysis.absent += run.absent;
      for (const finding of run.findings) {
        analysis.results += finding.occurrences;
        const existing = analysis.findings.get(finding.fingerprint);
        if (existing) existing.occurrences += finding.occurrences;
        else analysis.findings.set(finding.fingerprint, { ...finding });
      }
    }
  }
  if (scope.commit !== null) scope.commit = await fullSha(store, options.repo, scope.commit);
  const base =
    options.base === undefined
      ? await defaultBase(store, options.repo, scope)
      : await fullSha(store, options.repo, options.base.toLowerCase());
  const findingsByLevel = { error: 0, warning: 0, note: 0, none: 0 };
  await store.transaction(async (tx) => {
    for (const analysis of byTool.values()) {
      await tx.query(
        `DELETE FROM sarif_analyses WHERE repo = $1 AND coalesce(commit_sha, '') = $2 AND coalesce(pr_number, -1) = $3 AND tool = $4`,
        [options.repo, scope.commit ?? "", scope.pr ?? -1, analysis.tool],
      );
      const { rows } = await tx.query<{ id: string }>(
        `INSERT INTO sarif_analyses (repo, commit_sha, pr_number, base_sha, tool, file, results)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          options.repo,
          scope.commit,
          scope.pr,
          base,
          analysis.tool,
          analysis.files.join("\n"),
          analysis.results,
        ],
      );
      const id = rows[0]?.id;
      const findings = [...analysis.findings.values()];
      for (const finding of findings) findingsByLevel[finding.level] += finding.occurrences;
      await insertRows(
        tx,
        "sarif_findings",
        [
          "analysis_id",
          "fingerprint",
          "rule_id",
          "level",
          "security_severity",
          "path",
          "start_line",
          "baseline_state",
          "occurrences",
        ],
        findings.map((f) => [
          id,
          f.fingerprint,
          f.ruleId,
          f.level,
          f.securitySeverity,
          f.path,
          f.startLine,
          f.baselineState,
          f.occurrences,
        ]),
      );
    }
    const analyses = [...byTool.values()];
    await recordImportRun(tx, {
      connector: "sarif",
      kind: "findings",
      scope: scope.pr !== null ? `${options.repo}#${scope.pr}` : `${options.repo}@${scope.commit}`,
      startedAt,
      finishedAt: new Date(),
      rowsRead: analyses.reduce((sum, a) => sum + a.results + a.suppressed + a.absent, 0),
      rowsWritten: analyses.reduce((sum, a) => sum + a.findings.size, 0),
      skipped: {
        suppressed: analyses.reduce((sum, a) => sum + a.suppressed, 0),
        absent_in_baseline: analyses.reduce((sum, a) => sum + a.absent, 0),
      },
      anomalies: base === null ? { no_base_commit: 1 } : {},
    });
  });
  logger.info({ repo: options.repo, ...scope, base, tools: byTool.size }, "imported SARIF");
  return {
    repo: options.repo,
    pr: scope.pr,
    commit: scope.commit,
    base,
    analyses: [...byTool.values()].map((a) => ({
      tool: a.tool,
      files: a.files,
      results: a.results,
      findings: a.findings.size,
      suppressed: a.suppressed,
      absent: a.absent,
    })),
    findingsByLevel,
    durationMs: Math.round(performance.now() - started),
  };
}

function checkScope(options: ImportSarifOptions): { pr: number | null; commit: string | null } {
  if (!options.repo)
    throw new InputError("--repo OWNER/NAME is required: the repository the SARIF files analysed");
  if (options.files.length === 0) throw new InputError("no SARIF file given");
  if ((options.pr === undefined) === (options.commit === undefined)) {
    throw new InputError(
      "give exactly one of --pr N (with --repo) or --commit SHA: what the SARIF files analysed",
    );
  }
  if (options.pr !== undefined && (!Number.isInteger(options.pr) || options.pr < 0)) {
    throw new InputError(`--pr ${options.pr}: expected a PR number`);
  }
  const commit = options.commit?.toLowerCase();
  if (commit !== undefined && !SHA.test(commit))
    throw new InputError(`--commit ${options.commit}: not a commit SHA`);
  if (options.base !== undefined && !SHA.test(options.base.toLowerCase()))
    throw new InputError(`--base ${options.base}: not a commit SHA`);
  return { pr: options.pr ?? null, commit: commit ?? null };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new InputError(
      `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      {
        cause: error,
      },
    );
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new InputError(`${file}: not JSON (${(error as Error).message})`, { cause: error });
  }
}

/** An abbreviated SHA completed from `commits` when it names one commit there; else as given. */
async function fullSha(db: Queryable, repo: string, sha: string): Promise<string> {
  if (sha.length >= 40) return sha;
  const { rows } = await db.query<{ sha: string }>(
    "SELECT sha FROM commits WHERE repo = $1 AND sha LIKE $2 || '%' LIMIT 2",
    [repo, sha],
  );
  return rows.length === 1 ? (rows[0] as { sha: string }).sha : sha;
}

/** The first parent of the commit that landed the PR (or of the commit itself), from `commits`. */
async function defaultBase(
  db: Queryable,
  repo: string,
  scope: { pr: number | null; commit: string | null },
): Promise<string | null> {
  const { rows } =
    scope.pr !== null
      ? await db.query<{ parent: string | null }>(
          `SELECT c.parents[1] AS parent FROM prs p JOIN commits c ON c.repo = p.repo AND c.sha = p.merge_sha
            WHERE p.repo = $1 AND p.number = $2 AND p.merged_at IS NOT NULL ORDER BY p.merged_at DESC LIMIT 1`,
          [repo, scope.pr],
        )
      : await db.query<{ parent: string | null }>(
          "SELECT parents[1] AS parent FROM commits WHERE repo = $1 AND sha LIKE $2 || '%' LIMIT 1",
          [repo, scope.commit],
        );
  return rows[0]?.parent ?? null;
}
