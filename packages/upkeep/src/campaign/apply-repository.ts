import path from "node:path";
import type { LlmProvider, Logger, Store } from "@uplift/core";
import { computeBumps, writeBumps } from "./bump/index.js";
import { type CampaignRepoRow, CampaignStore, type RepoCheckpoint } from "./campaign-store.js";
import { type Delivery, deliver, type ForgeClients } from "./deliver.js";
import { fixWithModel, LOCK_FILES } from "./model-loop.js";
import { addedLines } from "./model-patch.js";
import { planRepository } from "./plan-campaign.js";
import { campaignBranch, campaignLabels, prBody, prTitle } from "./pr-body.js";
import { git, runCommand } from "./run-command.js";
import { commitAll, createSandbox, reopenSandbox, type Sandbox } from "./sandbox.js";
import { detectToolchain, lockCommand } from "./toolchain.js";
import { type Campaign, FINAL_STATES, type RepoPlan, type RepoState } from "./types.js";

export interface ApplyDeps {
  store: Store;
  dataDir: string;
  logger: Logger;
  /** Absent: stop after the deterministic change and report a failing test for a human. */
  llm?: LlmProvider | undefined;
  forges: ForgeClients;
  maxAttempts: number;
  testCmd?: string | undefined;
  /** Per command (install, tests); default 10 minutes. */
  commandTimeoutMs?: number;
  signal?: AbortSignal | undefined;
}

export interface RepoOutcome {
  repo: string;
  state: RepoState;
  reason: string | null;
  pr_url: string | null;
}

/**
 * One repository of `campaign apply` (one JobQueue job): sandbox, baseline tests, bump, lock
 * file, install, tests, model patches up to `maxAttempts`, commit, branch, pull request. Each
 * step's result is checkpointed in the store, so a rerun after a crash continues where it stopped
 * and a finished repository is left alone.
 */
export async function applyRepository(
  campaignId: string,
  repoName: string,
  deps: ApplyDeps,
): Promise<RepoOutcome> {
  const campaigns = new CampaignStore(deps.store);
  const campaign = await campaigns.get(campaignId);
  const row = await campaigns.repo(campaign.id, repoName);
  const done = finished(row);
  if (done) return done;
  const log = deps.logger.child({ campaign: campaign.id, repo: repoName });
  const run = new RepoRun(campaign, row, deps, campaigns, log);
  return run.execute();
}

function finished(row: CampaignRepoRow): RepoOutcome | undefined {
  const stopped =
    row.checkpoint.reason !== undefined && (row.state === "patched" || row.state === "tests_green");
  if (!FINAL_STATES.includes(row.state) && !stopped) return undefined;
  return { repo: row.repo, state: row.state, reason: row.checkpoint.reason ?? null, pr_url: row.prUrl };
}

class RepoRun {
  readonly #env: NodeJS.ProcessEnv;
  readonly #sandboxDir: string;
  #plan!: RepoPlan;

  constructor(
    readonly campaign: Campaign,
    readonly row: CampaignRepoRow,
    readonly deps: ApplyDeps,
    readonly campaigns: CampaignStore,
    readonly log: Logger,
  ) {
    // fixed commit dates: a redone step yields the same commits, so a re-push is a no-op
    const date = campaign.createdAt.toISOString();
    this.#env = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    this.#sandboxDir = path.join(deps.dataDir, "upkeep", "sandboxes", campaign.id, row.repo);
  }

  async execute(): Promise<RepoOutcome> {
    this.#plan = await this.planned();
    await this.save({ started: true }, "started");
    const cp = this.row.checkpoint;
    const kept = reopenSandbox(this.#sandboxDir);
    if (cp.committedSha && kept && git(kept.dir, ["rev-parse", "HEAD"]).trim() === cp.committedSha)
      return this.deliverChange(kept, cp);
    const sandbox = await createSandbox(this.row.path, this.#sandboxDir);
    await this.save({ checkpoint: { sandbox: sandbox.dir } }, "sandbox", {
      dir: sandbox.dir,
      base: sandbox.baseSha,
    });

    const baseline = cp.baseline ?? (await this.baseline(sandbox));
    if (!cp.baseline) await this.save({ checkpoint: { baseline } }, "baseline", { ok: baseline.ok });
    if (!baseline.ok && baseline.command !== "install")
      return this.stop(
        "baseline_failed",
        `tests fail before any change (${baseline.command}); not caused by the bump`,
      );

    const bumps = await computeBumps(sandbox.dir, this.row.targets);
    if (bumps.edits.length === 0)
      return this.stop("failed", "no manifest line to change: already at the target version?");
    await writeBumps(sandbox.dir, bumps);
    const lock = lockCommand(this.#plan);
    if (lock) {
      const locked = await this.runStep(sandbox, lock);
      if (!locked.ok)
        return this.stop(
          "failed",
          `lock file regeneration failed (${locked.command}: ${lastLine(locked.output)})`,
          locked.output,
        );
    }
    const bumpSha = commitAll(sandbox.dir, this.bumpMessage(), this.#env);
    await this.save({ state: "patched", checkpoint: { bumped: true } }, "bumped", {
      edits: bumps.edits.map((e) => `${e.package} ${e.from} → ${e.to}`),
      lock: this.#plan.lockfile.note,
    });
    if (!baseline.ok)
      return this.stop(
        "patched",
        `bump applied; tests not run: dependencies could not be installed before the change (${lastLine(baseline.output)})`,
        baseline.output,
      );
    if (!this.#plan.test.command) return this.stop("patched", `bump applied; ${this.#plan.test.note}`);
    if (this.#plan.install.command) {
      const installed = await this.runStep(sandbox, this.#plan.install.command);
      if (!installed.ok)
        return this.stop(
          "failed",
          `install after the bump failed (${installed.command}: ${lastLine(installed.output)})`,
          installed.output,
        );
    }
    let test = await this.runStep(sandbox, this.#plan.test.command);
    await this.save({ checkpoint: { testOutput: test.output } }, "tested", { ok: test.ok });
    let attempts = 0;
    if (!test.ok) {
      const fixed = await fixWithModel(
        {
          campaignId: this.campaign.id,
          repo: this.row.repo,
          plan: this.#plan,
          dir: sandbox.dir,
          llm: this.deps.llm,
          maxAttempts: this.deps.maxAttempts,
          attemptBase: this.row.checkpoint.attemptBase ?? 0,
          campaigns: this.campaigns,
          log: this.log,
          commitEnv: this.#env,
          runTests: () => this.runStep(sandbox, this.#plan.test.command ?? []),
          attempted: (attempt, applied, passed) =>
            this.save({ checkpoint: { attempts: attempt } }, "model_attempt", { attempt, applied, passed }),
        },
        test.output,
        test.command,
      );
      attempts = fixed.attempts;
      if (!fixed.ok) return this.stop("failed", fixed.reason, fixed.output);
      test = { ...test, ok: true, output: fixed.output };
    }
    return this.finishGreen(sandbox, bumpSha, attempts, baseline.ok ? "passed" : "not run");
  }

  private async planned(): Promise<RepoPlan> {
    let plan = this.row.plan;
    if (!plan) {
      plan = await planRepository(this.row, { ...this.deps, testCmd: this.deps.testCmd });
      await this.campaigns.savePlan(this.campaign.id, this.row.repo, plan);
    } else if (this.deps.testCmd && plan.test.source !== "--test-cmd") {
      plan = { ...plan, test: detectToolchain(this.row.path, plan.ecosystem, this.deps.testCmd).test };
    }
    return plan;
  }

  private async baseline(sandbox: Sandbox): Promise<NonNullable<RepoCheckpoint["baseline"]>> {
    const { install, test } = this.#plan;
    if (!test.command) return { ok: true, command: "none", output: test.note };
    if (install.command) {
      const installed = await this.runStep(sandbox, install.command);
      if (!installed.ok) return { ok: false, command: "install", output: installed.output };
    }
    const tested = await this.runStep(sandbox, test.command);
    return { ok: tested.ok, command: tested.command, output: tested.output };
  }

  private async finishGreen(
    sandbox: Sandbox,
    bumpSha: string,
    attempts: number,
    baseline: string,
  ): Promise<RepoOutcome> {
    const head = git(sandbox.dir, ["rev-parse", "HEAD"]).trim();
    const modelLines = changedLines(sandbox.dir, bumpSha, head);
    const bumpLines = changedLines(sandbox.dir, sandbox.baseSha, bumpSha);
    const wrote = addedLines(git(sandbox.dir, ["diff", "-U0", bumpSha, head]));
    await this.save(
      {
        state: "tests_green",
        modelLines,
        totalLines: modelLines + bumpLines,
        checkpoint: {
          committedSha: head,
          attempts,
          testCommand: this.#plan.test.command?.join(" ") ?? "",
          modelWroteLines: wrote.map((l) => `${l.path}:${l.line}: ${l.text}`),
          baselineSummary: baseline,
        },
      },
      "tests_green",
      { model_lines: modelLines, attempts },
    );
    const cp = (await this.campaigns.repo(this.campaign.id, this.row.repo)).checkpoint;
    return this.deliverChange(sandbox, cp);
  }

  private async deliverChange(sandbox: Sandbox, cp: RepoCheckpoint): Promise<RepoOutcome> {
    const row = await this.campaigns.repo(this.campaign.id, this.row.repo);
    const branch = campaignBranch(this.campaign.id);
    git(sandbox.dir, ["branch", "-f", branch, "HEAD"]);
    const modelLines = (cp.modelWroteLines ?? []).map((l) => {
      const m = /^(.*?):(\d+): (.*)$/.exec(l);
      return { path: m?.[1] ?? "", line: Number(m?.[2] ?? 0), text: m?.[3] ?? l };
    });
    const attempts = await this.campaigns.attempts(this.campaign.id, this.row.repo);
    const body = prBody({
      campaign: this.campaign,
      targets: this.row.targets,
      plan: this.#plan,
      baseline: `${cp.baselineSummary ?? "passed"} (${cp.baseline?.command ?? "none"})`,
      finalTest: `passed (${cp.testCommand ?? ""})`,
      modelAttempts: attempts.length,
      modelId: attempts[0]?.model ?? null,
      modelLines,
      modelChangedLines: row.modelLines,
      totalLines: row.totalLines,
    });
    let delivery: Delivery;
    try {
      delivery = await deliver(
        {
          dir: sandbox.dir,
          remoteUrl: sandbox.remoteUrl,
          branch,
          title: prTitle(this.campaign, this.row.targets),
          body,
          labels: campaignLabels(this.campaign.id),
          alreadyPushed: Boolean(cp.pushed),
        },
        this.deps.forges,
        this.log,
      );
    } catch (error) {
      await this.save({}, "delivery_failed", { error: String(error) });
      throw error;
    }
    if (delivery.via === "none")
      return this.stop("tests_green", `tests green; ${delivery.note} (${sandbox.dir}, branch ${branch})`);
    await this.save(
      {
        state: "pr_open",
        branch,
        ...(delivery.url && { prUrl: delivery.url }),
        ...(delivery.number !== undefined && { prNumber: delivery.number }),
        ...(delivery.pushedSha && { pushedSha: delivery.pushedSha }),
        checkpoint: { pushed: true, deliveredVia: delivery.via },
        finished: true,
      },
      "delivered",
      { via: delivery.via, url: delivery.url ?? null, note: delivery.note },
    );
    return { repo: this.row.repo, state: "pr_open", reason: null, pr_url: delivery.url ?? null };
  }

  private async runStep(sandbox: Sandbox, argv: readonly string[]) {
    const outcome = await runCommand(argv, {
      cwd: sandbox.dir,
      timeoutMs: this.deps.commandTimeoutMs ?? 600_000,
      signal: this.deps.signal,
    });
    this.log.info({ command: outcome.command, ok: outcome.ok, ms: outcome.durationMs }, "sandbox command");
    await this.save({}, "command", {
      command: outcome.command,
      ok: outcome.ok,
      exit_code: outcome.exitCode,
      ms: outcome.durationMs,
    });
    return outcome;
  }

  private async stop(state: RepoState, reason: string, output?: string): Promise<RepoOutcome> {
    await this.save(
      { state, finished: true, checkpoint: { reason, ...(output !== undefined && { testOutput: output }) } },
      "stopped",
      { reason },
    );
    return { repo: this.row.repo, state, reason, pr_url: null };
  }

  private bumpMessage(): string {
    const what = this.row.targets
      .map((t) => `${t.package} ${t.from ? `${t.from} → ` : "to "}${t.to}`)
      .join(", ");
    const ids = this.row.targets.flatMap((t) => t.advisories.map((a) => a.id));
    return `uplift(campaign ${this.campaign.id}): bump ${what}${ids.length ? `\n\nFixes ${ids.join(", ")}` : ""}`;
  }

  private save(
    change: Parameters<CampaignStore["update"]>[2],
    step: string,
    detail: Record<string, unknown> = {},
  ) {
    return this.campaigns.update(this.campaign.id, this.row.repo, change, step, detail);
  }
}

/** Lines added + deleted between two commits, lock files left out (they are generated). */
function changedLines(dir: string, from: string, to: string): number {
  if (from === to) return 0;
  let total = 0;
  for (const line of git(dir, ["diff", "--numstat", from, to]).split("\n")) {
    const [added, deleted, file] = line.split("\t");
    if (!file || LOCK_FILES.test(file) || added === "-") continue;
    total += Number(added) + Number(deleted);
  }
  return total;
}

/** The last error line of a command's output (else its last line), for a one-line reason. */
function lastLine(output: string): string {
  const lines = output
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const errors = lines.filter((l) => /^(ERROR:|error:|npm ERR!|npm error|E\s|FAIL|Error:)/.test(l));
  return (errors[errors.length - 1] ?? lines[lines.length - 1] ?? "no output").slice(0, 200);
}
