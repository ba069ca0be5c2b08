import { ConflictError, NotFoundError, type Queryable, type Store } from "@uplift/core";
import type { BumpTarget, Campaign, CampaignKind, CampaignRepoInput, RepoPlan, RepoState } from "./types.js";

/** What a resumed job reads back: the steps already done in the sandbox. */
export interface RepoCheckpoint {
  sandbox?: string;
  baseline?: { ok: boolean; output: string; command: string };
  bumped?: boolean;
  installed?: boolean;
  /** Model attempts already made (each stored in `upkeep_campaign_attempts`). */
  attempts?: number;
  /** Model attempts of runs given up before `apply --retry-failed` (kept, numbered on after). */
  attemptBase?: number;
  /** How many times `--retry-failed` put the repository back (part of its job's idempotency key). */
  retry?: number;
  committedSha?: string;
  pushed?: boolean;
  /** Reason for a final failure, or a note kept with the result. */
  reason?: string;
  testOutput?: string;
  testCommand?: string;
  modelWroteLines?: string[];
  /** "passed" or "not run": the tests before any change. */
  baselineSummary?: string;
  deliveredVia?: string;
}

export interface CampaignRepoRow {
  campaignId: string;
  repo: string;
  path: string;
  targets: BumpTarget[];
  state: RepoState;
  checkpoint: RepoCheckpoint;
  plan: RepoPlan | null;
  branch: string | null;
  prUrl: string | null;
  prNumber: number | null;
  pushedSha: string | null;
  modelLines: number;
  totalLines: number;
  mergedWithoutEdits: boolean | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface AttemptRecord {
  attempt: number;
  model: string;
  prompt: string;
  reasoning: string;
  patch: string;
  applied: boolean;
  testsPassed: boolean;
  output: string;
}

interface RepoRowSql {
  campaign_id: string;
  repo: string;
  path: string;
  targets: BumpTarget[];
  state: RepoState;
  checkpoint: RepoCheckpoint;
  plan: RepoPlan | null;
  branch: string | null;
  pr_url: string | null;
  pr_number: number | null;
  pushed_sha: string | null;
  model_lines: number;
  total_lines: number;
  merged_without_edits: boolean | null;
  started_at: Date | null;
  finished_at: Date | null;
}

/** Campaign records in the store (tables of migration upkeep/0001). */
export class CampaignStore {
  constructor(private readonly store: Store) {}

  /** Creates a campaign and its repositories in one transaction; a name in use is a ConflictError. */
  async create(
    name: string,
    kind: CampaignKind,
    source: Record<string, unknown>,
    repos: CampaignRepoInput[],
  ): Promise<Campaign> {
    const existing = await this.find(name);
    if (existing)
      throw new ConflictError(`campaign "${name}" already exists (id ${existing.id})`, {
        hint: "choose another name, or run `uplift upkeep campaign status NAME`",
      });
    const id = await this.nextId();
    await this.store.transaction(async (tx) => {
      await tx.query("INSERT INTO upkeep_campaigns (id, name, kind, source) VALUES ($1, $2, $3, $4)", [
        id,
        name,
        kind,
        JSON.stringify(source),
      ]);
      for (const r of repos) {
        await tx.query(
          `INSERT INTO upkeep_campaign_repos (campaign_id, repo, path, ecosystem, targets, state)
           VALUES ($1, $2, $3, $4, $5, 'created')`,
          [id, r.repo, r.path, r.targets[0]?.ecosystem ?? null, JSON.stringify(r.targets)],
        );
        await event(tx, id, r.repo, "created", { targets: r.targets.length });
      }
    });
    return (await this.find(name)) as Campaign;
  }

  async find(nameOrId: string): Promise<Campaign | undefined> {
    const { rows } = await this.store.query<{
      id: string;
      name: string;
      kind: CampaignKind;
      source: Record<string, unknown>;
      created_at: Date;
    }>("SELECT id, name, kind, source, created_at FROM upkeep_campaigns WHERE name = $1 OR id = $1", [
      nameOrId,
    ]);
    const row = rows[0];
    return (
      row && { id: row.id, name: row.name, kind: row.kind, source: row.source, createdAt: row.created_at }
    );
  }

  async get(nameOrId: string): Promise<Campaign> {
    const found = await this.find(nameOrId);
    if (!found)
      throw new NotFoundError(`no campaign named "${nameOrId}"`, {
        hint: "create it with `uplift upkeep campaign create NAME …`",
      });
    return found;
  }

  async list(): Promise<Campaign[]> {
    const { rows } = await this.store.query<{ name: string }>(
      "SELECT name FROM upkeep_campaigns ORDER BY created_at DESC, id DESC",
    );
    const out: Campaign[] = [];
    for (const r of rows) out.push(await this.get(r.name));
    return out;
  }

  async repos(campaignId: string): Promise<CampaignRepoRow[]> {
    const { rows } = await this.store.query<RepoRowSql>(
      "SELECT * FROM upkeep_campaign_repos WHERE campaign_id = $1 ORDER BY repo",
      [campaignId],
    );
    return rows.map(toRow);
  }

  async repo(campaignId: string, repo: string): Promise<CampaignRepoRow> {
    const { rows } = await this.store.query<RepoRowSql>(
      "SELECT * FROM upkeep_campaign_repos WHERE campaign_id = $1 AND repo = $2",
      [campaignId, repo],
    );
    const row = rows[0];
    if (!row) throw new NotFoundError(`campaign ${campaignId} has no repository "${repo}"`);
    return toRow(row);
  }

  async savePlan(campaignId: string, repo: string, plan: RepoPlan): Promise<void> {
    await this.store.transaction(async (tx) => {
      await tx.query(
        `UPDATE upkeep_campaign_repos SET plan = $3,
           state = CASE WHEN state = 'created' THEN 'planned' ELSE state END, updated_at = now()
         WHERE campaign_id = $1 AND repo = $2`,
        [campaignId, repo, JSON.stringify(plan)],
      );
      await event(tx, campaignId, repo, "planned", {
        edits: plan.edits.length,
        call_sites: plan.callSites.length,
      });
    });
  }

  /** Writes the state and merges `checkpoint` into the stored one, with an event. */
  async update(
    campaignId: string,
    repo: string,
    change: {
      state?: RepoState;
      checkpoint?: RepoCheckpoint;
      branch?: string;
      prUrl?: string;
      prNumber?: number;
      pushedSha?: string;
      modelLines?: number;
      totalLines?: number;
      mergedWithoutEdits?: boolean;
      started?: boolean;
      finished?: boolean;
    },
    step: string,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await this.store.transaction(async (tx) => {
      await tx.query(
        `UPDATE upkeep_campaign_repos SET
           state = COALESCE($3, state),
           checkpoint = checkpoint || $4::jsonb,
           branch = COALESCE($5, branch),
           pr_url = COALESCE($6, pr_url),
           pr_number = COALESCE($7, pr_number),
           pushed_sha = COALESCE($8, pushed_sha),
           model_lines = COALESCE($9, model_lines),
           total_lines = COALESCE($10, total_lines),
           merged_without_edits = COALESCE($11, merged_without_edits),
           started_at = CASE WHEN $12::boolean AND started_at IS NULL THEN now() ELSE started_at END,
           finished_at = CASE WHEN $13::boolean THEN now() ELSE finished_at END,
           updated_at = now()
         WHERE campaign_id = $1 AND repo = $2`,
        [
          campaignId,
          repo,
          change.state ?? null,
          JSON.stringify(change.checkpoint ?? {}),
          change.branch ?? null,
          change.prUrl ?? null,
          change.prNumber ?? null,
          change.pushedSha ?? null,
          change.modelLines ?? null,
          change.totalLines ?? null,
          change.mergedWithoutEdits ?? null,
          change.started ?? false,
          change.finished ?? false,
        ],
      );
      await event(tx, campaignId, repo, step, { ...(change.state && { state: change.state }), ...detail });
    });
  }

  /**
   * Puts `failed` repositories back to `planned` for another `apply` (e.g. once a model is
   * configured): the step checkpoints are cleared, the baseline result and every earlier model
   * attempt are kept. Returns the repositories reset.
   */
  async retryFailed(campaignId: string): Promise<string[]> {
    const attempts = await this.attempts(campaignId);
    const failed = (await this.repos(campaignId)).filter((r) => r.state === "failed");
    for (const row of failed) {
      const base = Math.max(0, ...attempts.filter((a) => a.repo === row.repo).map((a) => a.attempt));
      await this.store.transaction(async (tx) => {
        await tx.query(
          `UPDATE upkeep_campaign_repos SET state = 'planned', checkpoint = $3, finished_at = NULL, updated_at = now()
           WHERE campaign_id = $1 AND repo = $2`,
          [
            campaignId,
            row.repo,
            JSON.stringify({
              ...(row.checkpoint.baseline && { baseline: row.checkpoint.baseline }),
              attemptBase: base,
              retry: (row.checkpoint.retry ?? 0) + 1,
            }),
          ],
        );
        await event(tx, campaignId, row.repo, "retry", { previous_reason: row.checkpoint.reason ?? null });
      });
    }
    return failed.map((r) => r.repo);
  }

  async saveAttempt(campaignId: string, repo: string, a: AttemptRecord): Promise<void> {
    await this.store.query(
      `INSERT INTO upkeep_campaign_attempts
         (campaign_id, repo, attempt, model, prompt, reasoning, patch, applied, tests_passed, output)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (campaign_id, repo, attempt) DO UPDATE SET
         model = EXCLUDED.model, prompt = EXCLUDED.prompt, reasoning = EXCLUDED.reasoning,
         patch = EXCLUDED.patch, applied = EXCLUDED.applied, tests_passed = EXCLUDED.tests_passed,
         output = EXCLUDED.output`,
      [
        campaignId,
        repo,
        a.attempt,
        a.model,
        a.prompt,
        a.reasoning,
        a.patch,
        a.applied,
        a.testsPassed,
        a.output,
      ],
    );
  }

  async attempts(campaignId: string, repo?: string): Promise<(AttemptRecord & { repo: string })[]> {
    const { rows } = await this.store.query<{
      repo: string;
      attempt: number;
      model: string;
      prompt: string;
      reasoning: string;
      patch: string;
      applied: boolean;
      tests_passed: boolean;
      output: string;
    }>(
      `SELECT repo, attempt, model, prompt, reasoning, patch, applied, tests_passed, output
       FROM upkeep_campaign_attempts WHERE campaign_id = $1 AND ($2::text IS NULL OR repo = $2)
       ORDER BY repo, attempt`,
      [campaignId, repo ?? null],
    );
    return rows.map((r) => ({
      repo: r.repo,
      attempt: r.attempt,
      model: r.model,
      prompt: r.prompt,
      reasoning: r.reasoning,
      patch: r.patch,
      applied: r.applied,
      testsPassed: r.tests_passed,
      output: r.output,
    }));
  }

  async events(campaignId: string, repo: string): Promise<{ step: string; detail: unknown; at: Date }[]> {
    const { rows } = await this.store.query<{ step: string; detail: unknown; at: Date }>(
      "SELECT step, detail, at FROM upkeep_campaign_events WHERE campaign_id = $1 AND repo = $2 ORDER BY id",
      [campaignId, repo],
    );
    return rows;
  }

  /** Campaign ids are short and stable (`c1`, `c2`…): they name branches and labels. */
  private async nextId(): Promise<string> {
    const { rows } = await this.store.query<{ n: number | null }>(
      "SELECT max(substring(id from 2)::int) AS n FROM upkeep_campaigns WHERE id ~ '^c[0-9]+$'",
    );
    return `c${(rows[0]?.n ?? 0) + 1}`;
  }
}

async function event(
  tx: Queryable,
  campaignId: string,
  repo: string,
  step: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await tx.query(
    "INSERT INTO upkeep_campaign_events (campaign_id, repo, step, detail) VALUES ($1, $2, $3, $4)",
    [campaignId, repo, step, JSON.stringify(detail)],
  );
}

function toRow(r: RepoRowSql): CampaignRepoRow {
  return {
    campaignId: r.campaign_id,
    repo: r.repo,
    path: r.path,
    targets: r.targets,
    state: r.state,
    checkpoint: r.checkpoint ?? {},
    plan: r.plan,
    branch: r.branch,
    prUrl: r.pr_url,
    prNumber: r.pr_number,
    pushedSha: r.pushed_sha,
    modelLines: r.model_lines,
    totalLines: r.total_lines,
    mergedWithoutEdits: r.merged_without_edits,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}
