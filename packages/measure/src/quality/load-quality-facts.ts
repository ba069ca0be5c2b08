import type { Queryable } from "@uplift/core";
import { looksLikeBot } from "../metrics/facts.js";
import type { QualityFacts, QualityPrFact } from "../metrics/quality-facts.js";
import { tableExists } from "../store/catalog.js";
import { loadPacked } from "../store/packed-columns.js";
import { newFindingsByScope, type ScopeFindings } from "./new-findings.js";
import { DEFAULT_QUALITY_RULES, type QualityRules } from "./quality-rules.js";

/** Bits of the packed `flags` column. */
const DRAFT = 1;
const BOT = 2;
const REVIEW_KNOWN = 4;
const REVIEWED = 8;
const APPROVED = 16;

/**
 * Reads the merged PRs of [from, to) with their quality evidence: hotfix/bug-fix classification
 * (rules), reviews, the landing's rework, reverts (git and GitHub revert PRs) and new
 * static-analysis findings. Authors resolved through `resolve`.
 */
export async function loadQualityFacts(
  db: Queryable,
  from: string,
  to: string,
  resolve: (name: string) => string,
  botLogins: ReadonlySet<string>,
  rules: QualityRules = DEFAULT_QUALITY_RULES,
): Promise<QualityFacts> {
  const packed = await loadPacked(
    db,
    "prs WHERE merged_at >= $1::timestamptz AND merged_at < $2::timestamptz",
    [
      { name: "id", sql: "id", type: "text" },
      { name: "repo", sql: "repo", type: "text" },
      { name: "author", sql: "author", type: "text" },
      { name: "mergeSha", sql: "coalesce(merge_sha, '')", type: "text" },
      { name: "merged", sql: "merged_at", type: "time" },
      { name: "number", sql: "number", type: "number" },
      { name: "size", sql: "additions + deletions", type: "number" },
      { name: "reviewComments", sql: "review_comments", type: "number" },
      { name: "title", sql: "title", type: "text" },
      {
        name: "branch",
        sql: "coalesce(attributes->>'head_branch', attributes->>'source_branch')",
        type: "text",
      },
      { name: "labels", sql: "attributes->>'labels'", type: "text" },
      {
        name: "flags",
        sql: `(CASE WHEN draft THEN ${DRAFT} ELSE 0 END)
          | (CASE WHEN author_is_bot THEN ${BOT} ELSE 0 END)
          | (CASE WHEN source IN ('github', 'gitlab') OR first_review_at IS NOT NULL OR approved_at IS NOT NULL
                   OR review_comments IS NOT NULL THEN ${REVIEW_KNOWN} ELSE 0 END)
          | (CASE WHEN first_review_at IS NOT NULL OR approved_at IS NOT NULL THEN ${REVIEWED} ELSE 0 END)
          | (CASE WHEN approved_at IS NOT NULL THEN ${APPROVED} ELSE 0 END)`,
        type: "number",
      },
    ],
    [from, to],
  );
  // the patterns run here, not in SQL: PostgreSQL's regex engine (in PGlite's WASM) took ~1 s per
  // pattern per 200k PRs; V8 takes milliseconds
  const pattern = compileRules(rules);
  const landings = await loadLandings(db);
  const reverts = await loadReverts(db);
  const bugItems = await loadBugWorkItemLinks(db, rules.bugWorkItemTypes);
  const findings = await newFindingsByScope(db);

  const t = packed.texts as Record<string, string[]>;
  const n = packed.numbers as Record<string, Float64Array>;
  const prs: QualityPrFact[] = new Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    const id = t.id?.[i] as string;
    const repo = t.repo?.[i] as string;
    const rawAuthor = t.author?.[i] as string;
    const author = resolve(rawAuthor);
    const mergeSha = t.mergeSha?.[i] as string;
    const flags = n.flags?.[i] as number;
    const title = t.title?.[i] as string;
    const branch = t.branch?.[i] as string;
    const labels = t.labels?.[i] as string;
    const landing = mergeSha ? landings.get(`${repo}\0${mergeSha}`) : undefined;
    const number = n.number?.[i] as number;
    const scope =
      (Number.isNaN(number) ? undefined : findings.byPr.get(`${repo}\0${number}`)) ??
      (mergeSha ? findings.byCommit.get(`${repo}\0${mergeSha}`) : undefined);
    prs[i] = {
      id,
      repo,
      author,
      merged: n.merged?.[i] as number,
      draft: (flags & DRAFT) !== 0,
      bot: (flags & BOT) !== 0 || looksLikeBot(rawAuthor) || botLogins.has(author),
      size: n.size?.[i] as number,
      hotfix:
        pattern.hotfixTitle.test(title) ||
        pattern.hotfixBranch.test(branch) ||
        pattern.hotfixLabels.test(labels),
      bugFix: bugItems.has(id)
        ? "work_item"
        : pattern.bugLabels.test(labels)
          ? "label"
          : pattern.bugTitle.test(title)
            ? "title"
            : "",
      revertedBy:
        reverts.byPr.get(id) ?? (mergeSha ? (reverts.byLanding.get(`${repo}\0${mergeSha}`) ?? "") : ""),
      reviewKnown: (flags & REVIEW_KNOWN) !== 0,
      reviewed: (flags & REVIEWED) !== 0,
      approved: (flags & APPROVED) !== 0,
      reviewComments: n.reviewComments?.[i] as number,
      linesAdded: landing?.added ?? Number.NaN,
      linesReworked: landing?.reworked ?? Number.NaN,
      reworkWindowClosed: landing?.closed ?? false,
      ...findingCounts(scope),
    };
  }
  return { prs };
}

function findingCounts(scope: ScopeFindings | undefined) {
  if (!scope) {
    return {
      newFindings: Number.NaN,
      newErrors: Number.NaN,
      newWarnings: Number.NaN,
      newNotes: Number.NaN,
      newSecurityHigh: Number.NaN,
    };
  }
  return {
    newFindings: scope.total,
    newErrors: scope.error,
    newWarnings: scope.warning,
    newNotes: scope.note,
    newSecurityHigh: scope.securityHigh,
  };
}

async function loadLandings(db: Queryable) {
  const out = new Map<string, { added: number; reworked: number; closed: boolean }>();
  if (!(await tableExists(db, "quality_landings"))) return out;
  const packed = await loadPacked(db, "quality_landings", [
    { name: "repo", sql: "repo", type: "text" },
    { name: "sha", sql: "sha", type: "text" },
    { name: "added", sql: "lines_added", type: "number" },
    { name: "reworked", sql: "lines_reworked", type: "number" },
    { name: "closed", sql: "CASE WHEN window_closed THEN 1 ELSE 0 END", type: "number" },
  ]);
  const { repo, sha } = packed.texts as Record<string, string[]>;
  const { added, reworked, closed } = packed.numbers as Record<string, Float64Array>;
  for (let i = 0; i < packed.length; i++) {
    out.set(`${repo?.[i]}\0${sha?.[i]}`, {
      added: added?.[i] as number,
      reworked: reworked?.[i] as number,
      closed: closed?.[i] === 1,
    });
  }
  return out;
}

/** Reverted landings (git) and reverted PRs (a GitHub revert PR's "Reverts owner/repo#N"). */
async function loadReverts(db: Queryable) {
  const byLanding = new Map<string, string>();
  const byPr = new Map<string, string>();
  if (await tableExists(db, "quality_reverts")) {
    const { rows } = await db.query<{ repo: string; landing: string; revert: string }>(
      `SELECT repo, reverted_landing AS landing, min(revert_sha) AS revert FROM quality_reverts
        WHERE reverted_landing IS NOT NULL GROUP BY repo, reverted_landing`,
    );
    for (const row of rows) byLanding.set(`${row.repo}\0${row.landing}`, `commit ${row.revert}`);
  }
  const { rows } = await db.query<{ reverted: string; revert: string }>(
    `SELECT attributes->>'reverts_pr' AS reverted, min(id) AS revert FROM prs
      WHERE attributes ? 'reverts_pr' AND merged_at IS NOT NULL GROUP BY 1`,
  );
  for (const row of rows) byPr.set(row.reverted, row.revert);
  return { byLanding, byPr };
}

/** PR ids linked from a bug work item (the work-item store, when present). */
async function loadBugWorkItemLinks(db: Queryable, types: string): Promise<Set<string>> {
  if (!(await tableExists(db, "work_items"))) return new Set();
  const { rows } = await db.query<{ pr: string }>(
    "SELECT DISTINCT unnest(linked_prs) AS pr FROM work_items WHERE type ~* $1",
    [types],
  );
  return new Set(rows.map((row) => row.pr));
}

type CompiledRules = Record<Exclude<keyof QualityRules, "bugWorkItemTypes">, RegExp>;

function compileRules(rules: QualityRules): CompiledRules {
  return {
    hotfixTitle: new RegExp(rules.hotfixTitle, "i"),
    hotfixBranch: new RegExp(rules.hotfixBranch, "i"),
    hotfixLabels: new RegExp(rules.hotfixLabels, "i"),
    bugTitle: new RegExp(rules.bugTitle, "i"),
    bugLabels: new RegExp(rules.bugLabels, "i"),
  };
}
