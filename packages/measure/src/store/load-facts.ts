import type { Queryable, Store } from "@uplift/core";
import { entryOf } from "../metrics/entry.js";
import type { CommitFact, DeploymentFact, IncidentFact, TelemetryFact } from "../metrics/facts.js";
import { looksLikeBot } from "../metrics/facts.js";
import { Dictionary, PR_BOT, PR_DRAFT, type PrColumns } from "../metrics/pr-columns.js";
import type { MetricInputs } from "../metrics/types.js";
import { loadQualityFacts } from "../quality/load-quality-facts.js";
import type { QualityRules } from "../quality/quality-rules.js";
import { loadWorkItemFacts } from "../workitems/load-work-items.js";
import { tableExists } from "./catalog.js";
import { canonicalLogin, loadIdentityMap } from "./identities.js";
import { loadPacked, loadPackedByBlocks, type PackedLabels } from "./packed-columns.js";

/** The window of a load: [fromMs, toMs), unbounded where absent. */
export interface LoadWindow {
  fromMs?: number | undefined;
  toMs?: number | undefined;
  /** Load PR ids too (for the per-PR drill-down); metrics do not need them. */
  withIds?: boolean | undefined;
  /** Load PR repositories (`--group-by repo`, the drill-down); default true. */
  withRepos?: boolean | undefined;
  /** Load work items and their transitions (Flow metrics); default true. */
  withFlow?: boolean | undefined;
  /** Load the quality guardrails' facts (an extra read of the window's merged PRs); with these rules. */
  withQuality?: boolean | undefined;
  qualityRules?: QualityRules | undefined;
}

/** Everything the metrics need, read from the store, authors resolved to canonical logins. */
export interface LoadedFacts extends MetricInputs {
  /** PRs as columns (1M PR objects would cost ~1 s of allocation and garbage collection). */
  prs: PrColumns;
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
  // all at once: on PostgreSQL the server reads the other tables while this process decodes the PRs
  // (PGlite runs them one after the other, as before)
  const [prs, deployments, incidents, telemetry, deploymentCommits, workItems, quality] = await Promise.all([
    loadPrs(db, from, to, resolve, botLogins, {
      withIds: window.withIds ?? false,
      withRepos: window.withRepos ?? true,
    }),
    loadDeployments(db),
    loadIncidents(db),
    loadTelemetry(db, resolve),
    loadDeploymentCommits(db, resolve, window.withIds ?? false),
    window.withFlow === false
      ? undefined
      : loadWorkItemFacts(db, { from, to, withStatuses: window.withIds ?? false }, resolve),
    window.withQuality ? loadQualityFacts(db, from, to, resolve, botLogins, window.qualityRules) : undefined,
  ]);
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
  { withIds, withRepos }: { withIds: boolean; withRepos: boolean },
): Promise<PrColumns> {
  const packed = await loadPackedByBlocks(
    db,
    "prs",
    `(merged_at >= $1::timestamptz AND merged_at < $2::timestamptz)
      OR (merged_at IS NULL AND created_at >= $1::timestamptz AND created_at < $2::timestamptz)`,
    [
      ...(withIds ? [{ name: "id", sql: "id", type: "text" as const }] : []),
      ...(withRepos ? [{ name: "repo", sql: "repo", type: "label" as const }] : []),
      { name: "author", sql: "author", type: "label" },
      // Git cannot date the opening of a squash merged without its head ref (created_at is the
      // landing commit's, ~ the merge time): its creation is unknown, not a 0 h merge time
      {
        name: "created",
        sql: "CASE WHEN source = 'git' AND attributes->>'created_at_from' = 'landing_commit' THEN NULL ELSE created_at END",
        type: "time",
      },
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
  const { repo, author } = packed.labels as Record<string, PackedLabels>;
  const { created, merged, firstCommit, firstReview, flags } = packed.numbers as Record<string, Float64Array>;
  const n = packed.length;
  // each distinct raw author resolved once: its canonical login's number, and whether a bot
  const logins = new Dictionary();
  const raws = author?.names ?? [];
  const loginOf = new Int32Array(raws.length);
  const botOf = new Uint8Array(raws.length);
  for (const [code, raw] of raws.entries()) {
    const login = resolve(raw);
    loginOf[code] = logins.numberOf(login);
    botOf[code] = looksLikeBot(raw) || botLogins.has(login) ? 1 : 0;
  }
  const rawAuthor = author?.codes ?? new Int32Array(n);
  const authorColumn = new Int32Array(n);
  const size = new Float64Array(n);
  const prFlags = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const raw = rawAuthor[i] as number;
    authorColumn[i] = loginOf[raw] as number;
    const bits = flags?.[i] as number;
    const lines = bits & SIZE_MASK;
    size[i] = lines === SIZE_MASK ? Number.NaN : lines;
    prFlags[i] =
      ((bits & DRAFT_BIT) !== 0 ? PR_DRAFT : 0) | ((bits & BOT_BIT) !== 0 || botOf[raw] === 1 ? PR_BOT : 0);
  }
  return {
    length: n,
    id: withIds ? packed.texts.id : undefined,
    authors: logins.names,
    author: authorColumn,
    repos: repo?.names ?? [],
    repo: repo?.codes,
    created: created as Float64Array,
    merged: merged as Float64Array,
    firstCommit: firstCommit as Float64Array,
    firstReview: firstReview as Float64Array,
    size,
    flags: prFlags,
  };
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
 * when there is no such table: lead time cannot be computed then. Repository and SHA only for the
 * drill-down (`withIds`); the metric reads the author and the time.
 */
async function loadDeploymentCommits(
  db: Queryable | (Queryable & Pick<Store, "transaction">),
  resolve: (name: string) => string,
  withIds: boolean,
): Promise<Map<string, CommitFact[]> | undefined> {
  if (!(await tableExists(db, "deployment_commits"))) return undefined;
  const withAuthors = await tableExists(db, "commits");
  const load = (tx: Queryable) =>
    loadPacked(
      tx,
      withAuthors
        ? "deployment_commits dc LEFT JOIN commits c ON c.repo = dc.repo AND c.sha = dc.sha"
        : "deployment_commits dc",
      [
        { name: "deployment", sql: "dc.deployment_id", type: "label" },
        ...(withIds
          ? [
              { name: "repo", sql: "dc.repo", type: "text" as const },
              { name: "sha", sql: "dc.sha", type: "text" as const },
            ]
          : []),
        {
          name: "author",
          sql: withAuthors ? "coalesce(c.author, '(unknown)')" : "'(unknown)'",
          type: "label",
        },
        { name: "authored", sql: "dc.authored_at", type: "time" },
      ],
    );
  // the join's hash table of commits in memory: with the default 4 MB it spills to temporary files
  const packed =
    "transaction" in db
      ? await db.transaction(async (tx) => {
          await tx.query("SET LOCAL work_mem = '64MB'");
          return load(tx);
        })
      : await load(db);
  const { repo, sha } = packed.texts as Record<string, string[] | undefined>;
  const authored = packed.numbers.authored as Float64Array;
  const deployments = packed.labels.deployment as PackedLabels;
  const authors = packed.labels.author as PackedLabels;
  const logins = authors.names.map(resolve);
  const commitsOf: CommitFact[][] = deployments.names.map(() => []);
  for (let i = 0; i < packed.length; i++) {
    (commitsOf[deployments.codes[i] as number] as CommitFact[]).push({
      repo: repo?.[i] ?? "",
      sha: sha?.[i] ?? "",
      author: logins[authors.codes[i] as number] as string,
      authored: authored[i] as number,
    });
  }
  return new Map(deployments.names.map((id, code) => [id, commitsOf[code] as CommitFact[]]));
}
