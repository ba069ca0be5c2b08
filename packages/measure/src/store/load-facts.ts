import type { Queryable } from "@uplift/core";
import { entryOf } from "../metrics/entry.js";
import type { CommitFact, DeploymentFact, IncidentFact, PrFact, TelemetryFact } from "../metrics/facts.js";
import { looksLikeBot } from "../metrics/facts.js";
import type { MetricInputs } from "../metrics/types.js";
import { loadQualityFacts } from "../quality/load-quality-facts.js";
import type { QualityRules } from "../quality/quality-rules.js";
import { loadWorkItemFacts } from "../workitems/load-work-items.js";
import { tableExists } from "./catalog.js";
import { canonicalLogin, loadIdentityMap } from "./identities.js";
import { loadPacked, loadPackedByBlocks } from "./packed-columns.js";

/** The window of a load: [fromMs, toMs), unbounded where absent. */
export interface LoadWindow {
  fromMs?: number | undefined;
  toMs?: number | undefined;
  /** Load PR ids too (for the per-PR drill-down); metrics do not need them. */
  withIds?: boolean | undefined;
  /** Load work items and their transitions (Flow metrics); default true. */
  withFlow?: boolean | undefined;
  /** Load the quality guardrails' facts (an extra read of the window's merged PRs); with these rules. */
  withQuality?: boolean | undefined;
  qualityRules?: QualityRules | undefined;
}

/** Everything the metrics need, read from the store, authors resolved to canonical logins. */
export interface LoadedFacts extends MetricInputs {
  /** canonical login → team (developers table). */
  teams: Map<string, string>;
  resolve: (name: string) => string;
}

function bound(ms: number | undefined, fallback: string): string {
  return ms === undefined || !Number.isFinite(ms) ? fallback : new Date(ms).toISOString();
}

/**
 * Reads the facts for a metrics report. PRs are filtered in SQL (merged in the window, or not
 * merged and created in it); deployments, incidents and telemetry are read whole (linking and
 * retention look outside the window) and filtered by the metrics.
 */
export async function loadFacts(db: Queryable, window: LoadWindow = {}): Promise<LoadedFacts> {
  const identities = await loadIdentityMap(db);
  const cache = new Map<string, string>();
  const resolve = (name: string) => entryOf(cache, name, () => canonicalLogin(identities, name));
  const teams = new Map<string, string>();
  for (const row of (await db.query<{ login: string; team: string }>("SELECT login, team FROM developers"))
    .rows)
    teams.set(row.login, row.team);
  const botLogins = new Set(
    (await db.query<{ login: string }>("SELECT login FROM developers WHERE lower(role) = 'bot'")).rows.map(
      (r) => r.login,
    ),
  );
  const from = bound(window.fromMs, "-infinity");
  const to = bound(window.toMs, "infinity");
  const prs = await loadPrs(db, from, to, resolve, botLogins, window.withIds ?? false);
  const deployments = await loadDeployments(db);
  const incidents = await loadIncidents(db);
  const telemetry = await loadTelemetry(db, resolve);
  const deploymentCommits = await loadDeploymentCommits(db, resolve);
  const workItems =
    window.withFlow === false
      ? undefined
      : await loadWorkItemFacts(db, { from, to, withStatuses: window.withIds ?? false }, resolve);
  const quality = window.withQuality
    ? await loadQualityFacts(db, from, to, resolve, botLogins, window.qualityRules)
    : undefined;
  return { prs, deployments, incidents, telemetry, deploymentCommits, workItems, quality, teams, resolve };
}

/** Bits of the packed `flags` column: size (or −1) in the low 28 bits, then draft and bot. */
const DRAFT_BIT = 1 << 28;
const BOT_BIT = 1 << 29;
const SIZE_MASK = DRAFT_BIT - 1;

async function loadPrs(
  db: Queryable,
  from: string,
  to: string,
  resolve: (name: string) => string,
  botLogins: ReadonlySet<string>,
  withIds: boolean,
): Promise<PrFact[]> {
  const packed = await loadPackedByBlocks(
    db,
    "prs",
    `(merged_at >= $1::timestamptz AND merged_at < $2::timestamptz)
      OR (merged_at IS NULL AND created_at >= $1::timestamptz AND created_at < $2::timestamptz)`,
    [
      ...(withIds ? [{ name: "id", sql: "id", type: "text" as const }] : []),
      { name: "repo", sql: "repo", type: "text" },
      { name: "author", sql: "author", type: "text" },
      { name: "created", sql: "created_at", type: "time" },
      { name: "merged", sql: "merged_at", type: "time" },
      { name: "firstCommit", sql: "first_commit_at", type: "time" },
      { name: "firstReview", sql: "first_review_at", type: "time" },
      // one number for three fields: the packed load costs per column
      {
        name: "flags",
        sql: `(CASE WHEN additions IS NULL OR deletions IS NULL THEN ${SIZE_MASK} ELSE least(additions + deletions, ${SIZE_MASK - 1}) END)
              | (CASE WHEN draft THEN ${DRAFT_BIT} ELSE 0 END) | (CASE WHEN author_is_bot THEN ${BOT_BIT} ELSE 0 END)`,
        type: "number",
      },
    ],
    [from, to],
  );
  const { id, repo, author } = packed.texts as Record<string, string[]>;
  const n = packed.numbers as Record<string, Float64Array>;
  const people = new Map<string, { login: string; bot: boolean }>();
  const facts: PrFact[] = new Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    const raw = author?.[i] as string;
    // a plain get/set, not entryOf: no closure per row on this hot path (1M rows)
    let person = people.get(raw);
    if (person === undefined) {
      const login = resolve(raw);
      person = { login, bot: looksLikeBot(raw) || botLogins.has(login) };
      people.set(raw, person);
    }
    const flags = n.flags?.[i] as number;
    const size = flags & SIZE_MASK;
    facts[i] = {
      id: id?.[i] ?? "",
      repo: repo?.[i] as string,
      author: person.login,
      created: n.created?.[i] as number,
      merged: n.merged?.[i] as number,
      firstCommit: n.firstCommit?.[i] as number,
      firstReview: n.firstReview?.[i] as number,
      size: size === SIZE_MASK ? Number.NaN : size,
      draft: (flags & DRAFT_BIT) !== 0,
      bot: (flags & BOT_BIT) !== 0 || person.bot,
    };
  }
  return facts;
}

async function loadDeployments(db: Queryable): Promise<DeploymentFact[]> {
  const packed = await loadPacked(db, "deployments", [
    { name: "id", sql: "id", type: "text" },
    { name: "repo", sql: "repo", type: "text" },
    { name: "service", sql: "coalesce(service, repo)", type: "text" },
    { name: "environment", sql: "environment", type: "text" },
    { name: "sha", sql: "sha", type: "text" },
    { name: "status", sql: "status", type: "text" },
    { name: "finished", sql: "finished_at", type: "time" },
  ]);
  const t = packed.texts as Record<string, string[]>;
  const finished = packed.numbers.finished as Float64Array;
  const facts: DeploymentFact[] = new Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    facts[i] = {
      id: t.id?.[i] as string,
      repo: t.repo?.[i] as string,
      service: t.service?.[i] as string,
      environment: t.environment?.[i] as string,
      sha: t.sha?.[i] as string,
      status: t.status?.[i] as string,
      finished: finished[i] as number,
    };
  }
  return facts;
}

async function loadIncidents(db: Queryable): Promise<IncidentFact[]> {
  const { rows } = await db.query<{
    id: string;
    service: string;
    started: number;
    resolved: number | null;
    deployment_id: string | null;
  }>(
    `SELECT id, service, date_part('epoch', started_at) * 1000 AS started,
            date_part('epoch', resolved_at) * 1000 AS resolved, deployment_id FROM incidents`,
  );
  return rows.map((row) => ({
    id: row.id,
    service: row.service,
    started: row.started,
    resolved: row.resolved ?? Number.NaN,
    deploymentId: row.deployment_id ?? undefined,
  }));
}

async function loadTelemetry(db: Queryable, resolve: (name: string) => string): Promise<TelemetryFact[]> {
  const packed = await loadPacked(db, "telemetry_days", [
    { name: "user", sql: '"user"', type: "text" },
    { name: "day", sql: "date::timestamp AT TIME ZONE 'UTC'", type: "time" },
    { name: "shown", sql: "shown", type: "number" },
    { name: "accepted", sql: "accepted", type: "number" },
  ]);
  const user = packed.texts.user as string[];
  const { day, shown, accepted } = packed.numbers as Record<string, Float64Array>;
  const facts: TelemetryFact[] = new Array(packed.length);
  for (let i = 0; i < packed.length; i++) {
    facts[i] = {
      user: resolve(user[i] as string),
      day: day?.[i] as number,
      shown: shown?.[i] as number,
      accepted: accepted?.[i] as number,
    };
  }
  return facts;
}

/**
 * Commits per deployment from `deployment_commits` (deployment_id, repo, sha, authored_at; filled
 * by the Git connector, measure/0002_git), the author from `commits` by (repo, sha). Undefined
 * when there is no such table: lead time cannot be computed then.
 */
async function loadDeploymentCommits(
  db: Queryable,
  resolve: (name: string) => string,
): Promise<Map<string, CommitFact[]> | undefined> {
  if (!(await tableExists(db, "deployment_commits"))) return undefined;
  const withAuthors = await tableExists(db, "commits");
  const packed = await loadPacked(
    db,
    withAuthors
      ? "deployment_commits dc LEFT JOIN commits c ON c.repo = dc.repo AND c.sha = dc.sha"
      : "deployment_commits dc",
    [
      { name: "deployment", sql: "dc.deployment_id", type: "text" },
      { name: "repo", sql: "dc.repo", type: "text" },
      { name: "sha", sql: "dc.sha", type: "text" },
      { name: "author", sql: withAuthors ? "coalesce(c.author, '(unknown)')" : "'(unknown)'", type: "text" },
      { name: "authored", sql: "dc.authored_at", type: "time" },
    ],
  );
  const { deployment, repo, sha, author } = packed.texts as Record<string, string[]>;
  const authored = packed.numbers.authored as Float64Array;
  const byDeployment = new Map<string, CommitFact[]>();
  for (let i = 0; i < packed.length; i++) {
    const key = deployment?.[i] as string;
    let commits = byDeployment.get(key);
    if (commits === undefined) {
      commits = [];
      byDeployment.set(key, commits);
    }
    commits.push({
      repo: repo?.[i] as string,
      sha: sha?.[i] as string,
      author: resolve(author?.[i] as string),
      authored: authored[i] as number,
    });
  }
  return byDeployment;
}
